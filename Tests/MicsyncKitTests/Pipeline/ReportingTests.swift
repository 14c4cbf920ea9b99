import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The report stage: how a run ends (the exit status and its message), and the lines a person reads.
@MainActor @Suite struct ReportingTests {
    let first = Location(role: .backup, index: 0, path: "/b1")
    let second = Location(role: .backup, index: 1, path: "/b2")

    func outcome(_ destination: Location, notWritten: String? = nil, problem: String? = nil) -> DestinationOutcome {
        var outcome = DestinationOutcome(destination)
        (outcome.notWritten, outcome.problem) = (notWritten, problem)
        return outcome
    }

    /// The error `outcome` ends with; nil for a clean end.
    func verdict(_ outcome: SessionOutcome, of count: Int = 2, dryRun: Bool = false) -> MicsyncError? {
        do throws(MicsyncError) {
            try Conclusion(destinationCount: count, dryRun: dryRun).verdict(outcome)
            return nil
        } catch { return error }
    }

    @Test func aCleanRunEndsWell() {
        var run = SessionOutcome()
        run.destinations = [outcome(first), outcome(second)]
        #expect(verdict(run) == nil)
    }

    @Test func rsyncProblemsExitOne() {
        var run = SessionOutcome()
        run.planProblems = ["  BACKUP /b1:\n    unreadable"]
        run.destinations = [outcome(first), outcome(second, problem: "  BACKUP /b2 (rsync exit 23)")]
        let error = verdict(run)
        #expect(error?.status == .rsyncFailed)
        #expect(
            error?.message
                == "rsync did not finish everything:\n  BACKUP /b1:\n    unreadable\n  BACKUP /b2 (rsync exit 23)")
    }

    @Test func noDestinationWrittenExitsThreeAndSomeExitOne() {
        var none = SessionOutcome()
        none.destinations = [outcome(first, notWritten: "gone"), outcome(second, notWritten: "gone")]
        #expect(verdict(none)?.status == .notFound)
        #expect(verdict(none)?.message == "2 of 2 destinations not written, as said above")

        var some = SessionOutcome()
        some.destinations = [outcome(first, notWritten: "gone"), outcome(second)]
        #expect(verdict(some)?.status == .rsyncFailed)
        #expect(verdict(some)?.message == "1 of 2 destinations not written, as said above")
    }

    @Test func whatCannotBeStoredExitsOneWithTheHint() {
        var run = SessionOutcome()
        run.destinations = [outcome(first)]
        run.cannotStore = [(first, [Unstorable(path: Array("a:b".utf8), reason: "a name FAT refuses")])]
        let hint = "; rename them, or add them to \"exclude\" in the configuration"
        #expect(verdict(run, of: 1)?.status == .rsyncFailed)
        #expect(
            verdict(run, of: 1)?.message == "1 item on BACKUP /b1 cannot be stored (listed above) and were left out"
                + hint)
        #expect(
            verdict(run, of: 1, dryRun: true)?.message == "1 item on BACKUP /b1 cannot be stored (listed above)" + hint)
    }

    // MARK: TextReporter

    func reporter(_ options: RunOptions = RunOptions()) async throws -> (JobBench, TextReporter) {
        let bench = try JobBench()
        let job = try await bench.job(options)
        return (bench, TextReporter(job, printer: PlanPrinter(job.options, job.context)))
    }

    /// A dry run's empty plan says `up to date`; a run that applies says `nothing to do` at its end instead,
    /// one line per destination.
    @Test func theStartAndAnEmptyPlanSayUpToDate() async throws {
        var dry = RunOptions()
        dry.dryRun = true
        let (bench, reporter) = try await reporter(dry)
        reporter.started()
        try reporter.planned([
            PlannedDestination(destination: bench.destinations[0], plan: Plan(), check: nil, newer: [])
        ])
        #expect(
            bench.sink[.output]
                == "backup: from \(bench.source.heading)\n\(bench.destinations[0].heading): up to date\n")

        var quiet = RunOptions()
        (quiet.quiet, quiet.dryRun) = (true, true)
        let (silent, counts) = try await self.reporter(quiet)
        counts.started()
        try counts.planned([
            PlannedDestination(destination: silent.destinations[0], plan: Plan(), check: nil, newer: [])
        ])
        #expect(silent.sink[.output] == "\(silent.destinations[0].heading): up to date\n")

        let (applying, real) = try await self.reporter()
        try real.planned([
            PlannedDestination(destination: applying.destinations[0], plan: Plan(), check: nil, newer: [])
        ])
        #expect(applying.sink[.output] == "", "said once, at the end: nothing to do")
    }

    @Test func eachDestinationEndsWithItsSummaryLine() async throws {
        let (bench, reporter) = try await reporter()
        var done = DestinationOutcome(bench.destinations[0])
        for (change, path, size) in [
            (ItemizedChange.Change.new, "a", Int64(1_000)), (.new, "b", 500), (.modified, "c", 20), (.new, "d/", 0),
        ] {
            done.report.count(ItemizedChange(change: change, path: Array(path.utf8), size: size), in: Plan())
        }
        done.declined = RunSummary.Declined(modified: 2)
        done.appeared = ["late"]
        reporter.applied(done)
        #expect(
            bench.sink[.output]
                == "\(bench.destinations[0].heading): 2 copied (1.50 KB), 1 overwritten, 0 deleted, "
                + "1 directory created, 2 modified declined\n", "\(bench.sink[.output])")
        #expect(
            bench.sink[.messages]
                == "note: \(bench.destinations[0].heading): 1 item appeared at the destination since the plan; "
                + "left alone: late\n")
    }

    @Test func aDestinationNotWrittenSaysWhyOnStderrOnly() async throws {
        let (bench, reporter) = try await reporter()
        var done = DestinationOutcome(bench.destinations[0])
        done.notWritten = "BACKUP b1 is gone since the plan (unplugged?)"
        reporter.applied(done)
        reporter.nothingToDo(at: bench.destinations[0], declined: .init(deletions: 3))
        #expect(bench.sink[.messages] == "micsync: BACKUP b1 is gone since the plan (unplugged?)\n")
        #expect(
            bench.sink[.output]
                == "\(bench.destinations[0].heading): 0 copied (0 B), 0 overwritten, 0 deleted, 3 deletions declined\n")
    }
}
