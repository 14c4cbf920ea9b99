import Foundation
import TestSupport

@testable import MicsyncKit

/// A WORKING `w` and BACKUPs `b1`, `b2`, … in a sandbox, and the `SyncJob` of a run from `w` to them with
/// its terminal and answers in memory: what a stage's test hands the stage, as the runner would.
@MainActor
final class JobBench {
    let box: Sandbox
    let source: Location
    let destinations: [Location]
    let sink = RecordingSink()
    /// micsync's state folder in the sandbox: a test never touches the user's.
    let locations: LocationBook

    init(backups: Int = 1) throws {
        let box = try Sandbox()
        let names = (1...backups).map { "b\($0)" }
        for name in ["w"] + names { try box.makeDirectory(name) }
        self.box = box
        locations = LocationBook(state: StateHome(path: box.path("state")))
        source = Location(role: .working, index: 0, path: box.path("w"))
        destinations = names.enumerated().map { Location(role: .backup, index: $0, path: box.path($1)) }
    }

    var terminal: Terminal { .recording(sink) }

    /// The job of one run over `paths` of `w` (all of it by default), as `SyncRunner` makes it (no locks, no
    /// progress line).
    func job(
        _ options: RunOptions = RunOptions(), answers: ScriptedAnswers = ScriptedAnswers(),
        overwrites: Bool = true, maxDeletePercent: Double = Configuration.defaultMaxDeletePercent,
        paths: [String] = [""], exclude: [String] = []
    ) async throws -> SyncJob {
        var options = options
        options.progress = options.progress ?? false
        let configuration = Configuration(
            name: "c", working: [source], backups: destinations, exclude: exclude, maxDeletePercent: maxDeletePercent)
        let scope = Scope(configuration: configuration, typedIn: source, relativePaths: paths)
        let interruption = Interruption { _ in }
        return SyncJob(
            action: "backup", scope: scope, source: source, destinations: destinations, options: options,
            overwrites: overwrites, rsync: try await Rsync.locate(interruption: interruption),
            invocation: RsyncInvocation(
                source: source, scope: scope, actionFilters: [], deleting: options.deletion != .never,
                stateDirectory: locations.state.path),
            locks: [:],
            context: RunContext(
                terminal: terminal, answers: answers, interruption: interruption, locations: locations),
            started: Date())
    }

    /// The planning stage's result for `job`, as the pipeline gets it; `parts`: each destination's scope cut
    /// into that many parts whatever the machine (nil: as the machine allows).
    func plan(_ job: SyncJob, parts: Int? = nil) async throws -> PlannedRun {
        var planner = Planner(rsync: job.rsync, invocation: job.invocation, locations: locations, printingTo: nil)
        planner.partsPerDestination = parts
        return try await planner.plan(job, job.destinations)
    }
}

extension PathList {
    /// A list of `paths` (directories end with "/"), each of one byte.
    init(_ paths: [String]) {
        self.init()
        for path in paths { append(Array(path.utf8), size: 1) }
    }

    /// The paths as listed.
    var names: [String] { map(\.displayName) }
}
