import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The guard stage: mass deletes are refused before anything is asked or changed (exit 5), a dry run only
/// says it would refuse, and -d hands the share of the files it deletes on to the delete question.
@MainActor @Suite struct GuardingTests {
    /// `w` holds `kept` files, `b1` those and `extra` more: a plan that deletes `extra` files.
    func bench(kept: Int, extra: Int) throws -> JobBench {
        let bench = try JobBench()
        for number in 0..<(kept + extra) {
            if number < kept { try bench.box.write("\(number)", at: "w/f\(number)") }
            try bench.box.write("\(number)", at: "b1/f\(number)")
        }
        return bench
    }

    func pastTheGuard(
        _ bench: JobBench, _ deletion: RunOptions.Deletion, dryRun: Bool = false, force: Bool = false,
        exclude: [String] = []
    ) async throws -> [GuardedDestination] {
        var options = RunOptions()
        (options.deletion, options.dryRun, options.force) = (deletion, dryRun, force)
        let job = try await bench.job(options, exclude: exclude)
        return try DeletionGuarding(job: job).check(try await bench.plan(job).destinations)
    }

    @Test func anEmptySourceScopeIsRefusedWithExit5UnlessForced() async throws {
        let bench = try bench(kept: 0, extra: 3)
        let error = await #expect(throws: MicsyncError.self) { try await pastTheGuard(bench, .always) }
        #expect(error?.status == .refused)
        #expect(error?.message.contains("the source scope in \(bench.source.heading) is empty") == true, "\(error)")
        #expect(error?.message.contains("Nothing was changed") == true)
        #expect(bench.sink[.messages].isEmpty, "the runner says it, once")

        let forced = try await pastTheGuard(bench, .always, force: true)
        #expect(forced.count == 1 && forced.first?.deleteShare == nil)
        #expect(bench.box.tree("b1").count == 3, "guarding changes nothing")
    }

    @Test func aDryRunOnlyNotesWhatItWouldRefuse() async throws {
        let bench = try bench(kept: 0, extra: 3)
        let guarded = try await pastTheGuard(bench, .always, dryRun: true)
        #expect(guarded.map(\.planned.destination) == bench.destinations)
        #expect(
            bench.sink[.messages].hasPrefix("note: without -n this run would be refused: the source scope"),
            "\(bench.sink[.messages])")
    }

    @Test func askingPassesALargeShareOnToTheQuestion() async throws {
        let bench = try bench(kept: 1, extra: 19)
        let guarded = try await pastTheGuard(bench, .ask)
        #expect(guarded.first?.deleteShare == "this deletes 95% (19 of 20 files) of \(bench.box.path("b1"))")
        #expect(bench.sink[.messages].isEmpty)
    }

    @Test func deletingWithoutAskingPastMaxDeletePercentIsRefused() async throws {
        let bench = try bench(kept: 1, extra: 19)
        let error = await #expect(throws: MicsyncError.self) { try await pastTheGuard(bench, .always) }
        #expect(error?.status == .refused)
        #expect(
            error?.message.contains(
                "the run would delete 95% (19 of 20 files) in \(bench.box.path("b1")), more than maxDeletePercent (50%)"
            )
                == true, "\(error)")
        #expect(try await pastTheGuard(bench, .always, force: true).first?.deleteShare == nil)
    }

    @Test func fewerThanAHandfulOfDeletionsAndNoDeletionAtAllPass() async throws {
        let handful = try bench(kept: 3, extra: 9)
        #expect(try await pastTheGuard(handful, .always).first?.deleteShare == nil, "75%, but 9 files")
        let empty = try bench(kept: 0, extra: 3)
        #expect(try await pastTheGuard(empty, .never).count == 1, "without deletion nothing is guarded")
    }

    @Test func excludedFilesAreNotWeighedOnEitherSide() async throws {
        // 20 files that count, 5 of them left at the source, beside 200 excluded ones at both ends:
        // deleting 15 of 20 is 75%, not 15 of 220.
        let bench = try bench(kept: 5, extra: 15)
        for number in 0..<200 { try bench.box.writeAlike("\(number)", at: "cache/\(number).tmp", in: ["w", "b1"]) }
        let error = await #expect(throws: MicsyncError.self) {
            try await pastTheGuard(bench, .always, exclude: ["*.tmp"])
        }
        #expect(error?.message.contains("75% (15 of 20 files)") == true, "\(error)")
        let asked = try await pastTheGuard(bench, .ask, exclude: ["*.tmp"])
        #expect(asked.first?.deleteShare == "this deletes 75% (15 of 20 files) of \(bench.box.path("b1"))")
    }

    @Test func aSourceHoldingOnlyExcludedFilesIsAnEmptySource() async throws {
        let bench = try bench(kept: 0, extra: 3)
        try bench.box.write("swap", at: "w/.swap.tmp")
        let error = await #expect(throws: MicsyncError.self) {
            try await pastTheGuard(bench, .always, exclude: ["*.tmp"])
        }
        #expect(error?.message.contains("the source scope in \(bench.source.heading) is empty") == true, "\(error)")
        #expect(bench.box.tree("b1").count == 3)
    }

    @Test func aFolderAFileReplacesCountsWithTheFilesItHolds() async throws {
        // b1 holds f0, 19 files more and a folder d of 12 files where w has the file d: 19 of 32 deleted.
        let bench = try bench(kept: 1, extra: 19)
        try bench.box.write("now a file", at: "w/d")
        for number in 0..<12 { try bench.box.write("\(number)", at: "b1/d/\(number)") }
        let asked = try await pastTheGuard(bench, .ask)
        #expect(asked.first?.deleteShare == "this deletes 59% (19 of 32 files) of \(bench.box.path("b1"))")
    }

    @Test func aPlanThatRsyncDidNotCountIsRefused() {
        // A deletion is weighed against rsync's counts: without them the share is unknown, never taken as small.
        var plan = Plan()
        plan.add(ItemizedChange(change: .deleted, path: Array("gone".utf8), size: 1))
        let rule = DeleteGuard(source: Location(role: .working, index: 0, path: "/w"), maxDeletePercent: 50)
        let verdict = rule.check(plan, at: Location(role: .backup, index: 0, path: "/b"), asking: true)
        guard case .refused(let why) = verdict else {
            Issue.record("\(String(describing: verdict))")
            return
        }
        #expect(why.contains("rsync did not count the files in /b"))
    }

    @Test func theRuleOnCountsAlone() {
        let source = Location(role: .working, index: 0, path: "/w")
        let destination = Location(role: .backup, index: 0, path: "/b")
        func verdict(_ deleted: Int, of files: Int, source sourceFiles: Int = 5, asking: Bool) -> DeleteGuard.Verdict {
            DeleteGuard.verdict(
                deletedFiles: deleted, sourceFiles: sourceFiles, destinationFiles: files, maxDeletePercent: 50,
                asking: asking, source: source, destination: destination)
        }
        guard case .refused = verdict(1, of: 3, source: 0, asking: true) else {
            Issue.record("empty source")
            return
        }
        #expect(verdict(9, of: 9, asking: false) == .allowed(share: nil), "a handful is never refused")
        guard case .refused(let why) = verdict(1_240, of: 2_000, asking: false) else {
            Issue.record("-D")
            return
        }
        #expect(why.contains("62% (1,240 of 2,000 files)"))
        #expect(
            verdict(1_240, of: 2_000, asking: true) == .allowed(share: "this deletes 62% (1,240 of 2,000 files) of /b"))
        #expect(verdict(10, of: 100, asking: false) == .allowed(share: nil))
    }
}
