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

    func plans(_ bench: JobBench, paths: [String] = [""]) async throws -> [Plan] {
        var options = RunOptions()
        options.deletion = .ask
        let job = try await bench.job(options, paths: paths, exclude: ["/cache/"])
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

    @Test func aTypedFolderIsCutBelowIt() async throws {
        let bench = try tree()
        for folder in ["x", "y", "z"] { try bench.box.write("deep", at: "w/a/\(folder)/n") }
        let plans = try await plans(bench, paths: ["a"])
        #expect(lists(plans[0])[0] == ["a/n", "a/x/", "a/x/n", "a/y/", "a/y/n", "a/z/", "a/z/n"])
        for plan in plans.dropFirst() { #expect(lists(plan) == lists(plans[0])) }
    }

    @Test func theFoldersAreCutInRsyncsOrderIntoEvenRuns() throws {
        let box = try Sandbox()
        for name in ["b", "a", "a.b", "z*", "x\ny", ".micsync"] { try box.makeDirectory("w/\(name)") }
        try box.write("a file", at: "w/file")
        let folders = ScopeParts.plainFolders(in: box.path("w")).map { String(decoding: $0, as: UTF8.self) }
        #expect(folders == ["a.b", "a", "b"], "a folder sorts as its name with a slash; odd names left out")
        let runs = ScopeParts.runs((0..<10).map { [UInt8($0)] }, count: 3)
        #expect(runs.map(\.count) == [3, 3, 4])
        let parts = ScopeParts(sourceRoot: box.path("w"), relative: "", count: 2)
        #expect(
            parts.filters == [["--exclude=/a", "--exclude=/b"], ["--include=/a", "--include=/b", "--exclude=/*"]])
        #expect(ScopeParts(sourceRoot: box.path("w"), relative: "z*", count: 2).filters == [[]])
    }
}
