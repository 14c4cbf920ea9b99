import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// A scope planned in parts, one rsync dry run each at once: together they plan exactly what one dry run
/// plans, in the same order, whatever lies at the top (files, odd names, what only the destination has,
/// type changes, excluded folders).
@MainActor @Suite struct PlanningInPartsTests {
    func tree() throws -> JobBench {
        let bench = try JobBench()
        let box = bench.box
        for folder in ["a", "a.b", "b", "c d", "e", "f", "g", "h"] {
            try box.write("new", at: "w/\(folder)/n")
            try box.writeAlike("same", at: "\(folder)/same", in: ["w", "b1"])
            try box.write("longer at the backup", at: "b1/\(folder)/m")
            try box.write("changed", at: "w/\(folder)/m")
            try box.write("only at the backup", at: "b1/\(folder)/old/x")
        }
        for odd in ["star*", "brack[et]", "new\nline", " space", "back\\slash"] {
            try box.write("odd", at: "w/\(odd)/n")
            try box.write("odd", at: "b1/\(odd)/gone")
        }
        try box.write("top file", at: "w/top")
        try box.write("only at the backup", at: "b1/backup-only/x")
        try box.write("a file where w has a folder", at: "b1/e2")
        try box.write("in a folder", at: "w/e2/x")
        try box.write("a folder where w has a file", at: "b1/f2/x")
        try box.write("a file", at: "w/f2")
        try box.write("excluded", at: "w/cache/n")
        try box.write("excluded, never deleted", at: "b1/cache/x")
        return bench
    }

    func plans(_ bench: JobBench, deletion: RunOptions.Deletion = .ask) async throws -> [Plan] {
        var options = RunOptions()
        options.deletion = deletion
        let job = try await bench.job(options, exclude: ["/cache/"])
        var plans: [Plan] = []
        for parts in [1, 2, 3, 5] {
            plans.append(try #require(try await bench.plan(job, parts: parts).destinations.first?.plan))
        }
        return plans
    }

    func lists(_ plan: Plan) -> [[String]] {
        [plan.new.names, plan.modified.names, plan.deleted.names, plan.attributesOnly.names]
    }

    @Test func thePartsPlanWhatOneDryRunPlans() async throws {
        let bench = try tree()
        let plans = try await plans(bench)
        let whole = lists(plans[0])
        #expect(whole[0].contains("a.b/n") && whole[0].contains("new\\nline/n") && whole[1].contains("e2/x"))
        #expect(whole[2].contains("backup-only/x") && whole[2].contains("brack[et]/gone"))
        #expect(!whole.joined().contains { $0.hasPrefix("cache") }, "excluded: neither planned nor deleted")
        for plan in plans.dropFirst() {
            #expect(lists(plan) == whole)
            #expect(plan.counts == plans[0].counts, "the delete guard weighs the same files")
        }
    }

    @Test func withoutDeletionThePartsPlanWhatOneDryRunPlansToo() async throws {
        let bench = try tree()
        let plans = try await plans(bench, deletion: .never)
        let whole = lists(plans[0])
        #expect(whole[0].contains("a.b/n") && whole[1].contains("e2/x") && whole[2].isEmpty, "\(whole)")
        for plan in plans.dropFirst() {
            #expect(lists(plan) == whole)
            #expect(plan.counts.listedFiles == plans[0].counts.listedFiles)
        }
    }

    @Test func anEmptySourceCountsNoFileInAnyPart() async throws {
        // An unmounted disc's empty mount point against a full destination: the guard must see 0 files.
        let bench = try JobBench()
        for folder in ["a", "b", "c"] { try bench.box.write("x", at: "b1/\(folder)/x") }
        var options = RunOptions()
        options.deletion = .always
        let plan = try #require(try await bench.plan(try await bench.job(options), parts: 2).destinations.first?.plan)
        #expect(plan.counts.scopeFiles?.source == 0 && plan.counts.scopeFiles?.destination == 3)
        #expect(plan.deleted.names == ["a/", "a/x", "b/", "b/x", "c/", "c/x"])
    }

    @Test func theRootsFoldersAreCutIntoRunsOfAboutAsMany() throws {
        let box = try Sandbox()
        for name in ["b", "a", "c", "d", "e", ".micsync"] { try box.makeDirectory("w/\(name)") }
        for name in ["file", "z"] { try box.write(name, at: "w/\(name)") }
        try FileManager.default.createSymbolicLink(atPath: box.path("w/link"), withDestinationPath: "a")
        func root(_ relative: String) throws -> LocalRoot {
            try #require(Location(role: .working, index: 0, path: box.path(relative)).local)
        }
        #expect(ScopeParts.folders(of: try root("w")).count == 5, "a symlink is no folder, .micsync is left out")
        func names(_ parts: ScopeParts) -> [[String]] {
            parts.parts.map { part in
                switch part {
                case .whole: ["whole"]
                case .root: ["root"]
                case .folders(let names): names.map { String(decoding: $0, as: UTF8.self) }
                }
            }
        }
        #expect(
            names(ScopeParts(source: try root("w"), count: 2)) == [["root"], ["a", "b"], ["c", "d", "e"]],
            "the root's own entries, then the folders by name")
        #expect(names(ScopeParts(source: try root("w"), count: 9)).count == 6, "a part per folder at most")
        #expect(names(ScopeParts(source: try root("w/a"), count: 2)) == [["whole"]])
    }
}
