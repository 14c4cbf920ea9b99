import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The decision stage: the questions about one destination's plan, answered from a script, and the lists
/// each apply pass gets from the answers.
@MainActor @Suite struct DecidingTests {
    /// `m` modified and `gone` only at the destination, planned; the answers given in order.
    func decide(
        _ options: RunOptions, _ answers: ScriptedAnswers, deleteShare: String? = nil
    ) async throws -> (JobBench, DecidedDestination) {
        let bench = try JobBench()
        try bench.box.write("new", at: "w/m")
        try bench.box.write("old, longer", at: "b1/m")
        try bench.box.write("only here", at: "b1/gone")
        let job = try await bench.job(options, answers: answers)
        let planned = try #require(try await bench.plan(job).destinations.first)
        let decided = try Asking(job: job).decide([GuardedDestination(planned: planned, deleteShare: deleteShare)])
        return (bench, try #require(decided.first))
    }

    @Test func dashMAsksNothing() async throws {
        var options = RunOptions()
        options.modify = true
        let answers = ScriptedAnswers()
        let (bench, decided) = try await decide(options, answers)
        #expect(answers.asked == 0)
        #expect(bench.sink[.messages].isEmpty)
        #expect(decided.decision.list(.update).names == ["m"])
        #expect(decided.decision.list(.delete).isEmpty)
    }

    @Test func noDeclinesTheOverwrite() async throws {
        let answers = ScriptedAnswers("n")
        let (bench, decided) = try await decide(RunOptions(), answers)
        #expect(answers.asked == 1)
        #expect(bench.sink[.messages].contains("Overwrite 1 modified item in \(bench.box.path("b1"))?"))
        #expect(!decided.decision.overwrite && decided.decision.list(.update).isEmpty)
        #expect(decided.decision.declined(.never).modified == 1)
        #expect(bench.box.read("b1/m") == "old, longer", "deciding changes nothing")
    }

    @Test func listPagesThePlanAndAsksAgain() async throws {
        let answers = ScriptedAnswers("l", "m")
        let (bench, decided) = try await decide(RunOptions(), answers)
        #expect(answers.asked == 2)
        #expect(bench.sink[.messages].components(separatedBy: "Overwrite 1 modified item").count == 3)
        #expect(bench.sink[.output].contains("modified (1):\n    m"), "\(bench.sink[.output])")
        #expect(decided.decision.overwrite && decided.decision.list(.update).names == ["m"])
    }

    @Test func theShareNotePrecedesTheDeleteQuestion() async throws {
        var options = RunOptions()
        options.deletion = .ask
        let share = "this deletes 50% (1 of 2 files) of the destination"
        let (bench, decided) = try await decide(options, ScriptedAnswers("n", "d"), deleteShare: share)
        let messages = bench.sink[.messages]
        let note = try #require(messages.range(of: share))
        let question = try #require(messages.range(of: "Delete 1 item in \(bench.box.path("b1"))?"))
        #expect(note.upperBound <= question.lowerBound, "\(messages)")
        #expect(try #require(messages.range(of: "Overwrite")).upperBound <= note.lowerBound)
        #expect(decided.decision.list(.delete).names == ["gone"])
        #expect(decided.decision.list(.update).isEmpty)
    }

    @Test func theEndOfTheAnswersCancels() async throws {
        let error = await #expect(throws: MicsyncError.self) { try await decide(RunOptions(), ScriptedAnswers()) }
        #expect(error?.status == .cancelled)
    }

    // MARK: Decision: the lists per pass

    var plan: Plan {
        var plan = Plan()
        plan.new = PathList(["n", "d/"])
        plan.modified = PathList(["m"])
        plan.deleted = PathList(["gone"])
        plan.attributesOnly = PathList(["dir/", "perm"])
        return plan
    }

    @Test func eachPassGetsOnlyWhatTheOptionsOrAnswersApprove() {
        var options = RunOptions()
        options.deletion = .ask
        let declined = Decision(plan, options: options, answers: .init(overwrite: false, delete: false))
        #expect(declined.list(.create).names == ["n", "d/", "dir/"])
        #expect(declined.list(.update).names == ["perm"])
        #expect(declined.list(.delete).isEmpty)

        let approved = Decision(plan, options: options, answers: .init(overwrite: true, delete: true))
        #expect(approved.list(.update).names == ["perm", "m"])
        #expect(approved.list(.delete).names == ["gone"])

        options.modify = true
        options.deletion = .always
        let flags = Decision(plan, options: options, answers: .init())
        #expect(flags.overwrite && flags.delete)
        #expect(!Decision.asksOverwrite(plan, options) && !Decision.asksDelete(plan, options))

        options.dryRun = true
        let dry = Decision(plan, options: options, answers: .init(overwrite: true, delete: true))
        #expect(!dry.overwrite && !dry.delete)
    }

    @Test func nothingIsDeletedWithoutDeletionOn() {
        let decision = Decision(plan, options: RunOptions(), answers: .init(overwrite: true, delete: true))
        #expect(decision.list(.delete).isEmpty)
    }
}
