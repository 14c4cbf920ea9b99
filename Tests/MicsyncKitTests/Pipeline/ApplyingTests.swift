import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The apply stage on real trees: exactly the approved lists, one rsync pass per kind; what the world
/// changed since the plan is left alone and said; when a run may skip the plan.
@MainActor @Suite struct ApplyingTests {
    /// Plans `job`, takes each destination's answers as given, prepares and applies. `between` changes the
    /// world while the run waits for its answers (`unattended` says that nothing was asked).
    func apply(
        _ bench: JobBench, _ job: SyncJob, answers: [Decision.Answers], unattended: Bool = false,
        between: () throws -> Void = {}
    ) async throws -> [DestinationOutcome] {
        let run = try await bench.plan(job)
        try between()
        let decided = zip(run.destinations, answers).map { planned, answers in
            DecidedDestination(
                planned: planned, decision: Decision(planned.plan, options: job.options, answers: answers),
                asked: !unattended)
        }
        let reporter = TextReporter(job, printer: PlanPrinter(job.options, job.context))
        let prepared = try Preparation(job: job, reporter: reporter, unattended: unattended).prepare(decided)
        let applier = Applier(
            job: job,
            recheck: Recheck(source: job.source, sourceCheck: run.sourceCheck, locations: job.context.locations),
            progress: ProgressLine(requested: false, on: job.terminal), reporter: reporter)
        return await applier.apply(prepared)
    }

    @Test func anApprovedOverwriteGoesToTheTrashAndADeclinedOneStays() async throws {
        let bench = try JobBench(backups: 2)
        try bench.box.write("new", at: "w/m")
        try bench.box.write("n", at: "w/n")
        for name in ["b1", "b2"] { try bench.box.write("old, longer", at: "\(name)/m") }
        let job = try await bench.job()
        let trash = try #require(job.trashFolder(in: bench.destinations[0]))
        let outcomes = try await apply(
            bench, job, answers: [.init(overwrite: true), .init(overwrite: false)])

        #expect(bench.box.read("b1/m") == "new")
        #expect(bench.box.read("b1/\(trash)/m") == "old, longer")
        #expect(bench.box.read("b2/m") == "old, longer")
        #expect(!bench.box.exists("b2/.micsync/trash"), "nothing overwritten, nothing trashed")
        for name in ["b1", "b2"] { #expect(bench.box.read("\(name)/n") == "n") }
        #expect(outcomes.map(\.report.copied) == [1, 1])
        #expect(outcomes.map(\.report.overwritten) == [1, 0])
        #expect(outcomes.map(\.declined.modified) == [0, 1])
        #expect(outcomes.allSatisfy { $0.problem == nil && $0.notWritten == nil })
    }

    @Test func approvedDeletionsGoToTheTrashAndDeclinedOnesStay() async throws {
        let bench = try JobBench(backups: 2)
        try bench.box.writeAlike("k", at: "keep", in: ["w", "b1", "b2"])
        for name in ["b1", "b2"] {
            try bench.box.write("x", at: "\(name)/gone")
        }
        var options = RunOptions()
        options.deletion = .ask
        let job = try await bench.job(options)
        let trash = try #require(job.trashFolder(in: bench.destinations[0]))
        let outcomes = try await apply(bench, job, answers: [.init(delete: true), .init(delete: false)])
        #expect(bench.box.tree("b1") == ["keep"])
        #expect(bench.box.read("b1/\(trash)/gone") == "x")
        #expect(bench.box.tree("b2") == ["gone", "keep"])
        #expect(outcomes.map(\.destination) == [bench.destinations[0]], "all of b2 declined: no pass at all")
        #expect(outcomes.map(\.report.deleted) == [1])
        #expect(
            bench.sink[.output].contains(
                "\(bench.destinations[1].heading): 0 copied (0 B), 0 overwritten, 0 deleted, 1 deletions declined"))
    }

    @Test func whatAppearedAtTheDestinationSinceThePlanIsLeftAlone() async throws {
        let bench = try JobBench()
        try bench.box.write("mine", at: "w/n")
        try bench.box.write("other", at: "w/other")
        let job = try await bench.job()
        let outcomes = try await apply(bench, job, answers: [.init()]) {
            try bench.box.write("someone else's", at: "b1/n")
        }
        #expect(bench.box.read("b1/n") == "someone else's")
        #expect(bench.box.read("b1/other") == "other")
        #expect(outcomes.first?.appeared == ["n"])
        #expect(outcomes.first?.report.copied == 1)
        #expect(bench.sink[.messages].contains("1 item appeared at the destination since the plan; left alone: n"))
    }

    @Test func aNewFolderIsCreatedWholeOnlyWhenNothingWasAsked() async throws {
        for unattended in [true, false] {
            let bench = try JobBench()
            try bench.box.write("1", at: "w/new/a/one")
            try bench.box.write("2", at: "w/new/two")
            try bench.box.makeDirectory("b1/old")
            let job = try await bench.job()
            let outcomes = try await apply(bench, job, answers: [.init()], unattended: unattended) {
                // After the plan: in a new folder, and next to an existing one.
                try bench.box.write("late", at: "w/new/late")
                try bench.box.write("late", at: "w/old/late")
            }
            #expect(bench.box.read("b1/new/a/one") == "1" && bench.box.read("b1/new/two") == "2")
            #expect(!bench.box.exists("b1/old/late"), "never planned, in a folder that existed")
            // Waiting for an answer, the folder may have got what nobody saw planned; applied at once, it
            // is copied whole, as rsync would.
            #expect(bench.box.exists("b1/new/late") == unattended, "unattended: \(unattended)")
            #expect(outcomes.first?.report.copied == (unattended ? 3 : 2), "unattended: \(unattended)")
        }
    }

    @Test func aNewFolderAboveATypedPathStandsOnlyForItself() async throws {
        let bench = try JobBench()
        try bench.box.write("1", at: "w/new/typed/one")
        try bench.box.write("2", at: "w/new/other")
        let job = try await bench.job(paths: ["new/typed"])
        _ = try await apply(bench, job, answers: [.init()], unattended: true)
        #expect(bench.box.read("b1/new/typed/one") == "1")
        #expect(!bench.box.exists("b1/new/other"), "outside the typed path")
    }

    @Test func aDestinationReplacedSinceThePlanGetsNothing() async throws {
        let bench = try JobBench()
        try bench.box.write("n", at: "w/n")
        let job = try await bench.job()
        let outcomes = try await apply(bench, job, answers: [.init()]) {
            try FileManager.default.moveItem(atPath: bench.box.path("b1"), toPath: bench.box.path("b1.old"))
            try bench.box.makeDirectory("b1")
        }
        #expect(bench.box.tree("b1").isEmpty && bench.box.tree("b1.old").isEmpty)
        #expect(outcomes.first?.notWritten?.contains("is another directory than at the plan") == true)
    }

    @Test func deletionsKeepWhatCameBackToTheSource() throws {
        let bench = try JobBench()
        try bench.box.makeDirectory("w/back")
        let (deletions, returned) = try #require(
            PathList(["back/", "gone/", "gone/x", "file"]).deletions(missingFrom: bench.source, in: bench.locations))
        #expect(deletions.names == ["file", "gone/"])
        #expect(returned == ["back/"])
    }
}
