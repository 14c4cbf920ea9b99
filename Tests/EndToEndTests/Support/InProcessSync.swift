import Foundation

@testable import MicsyncKit

/// A sync through the runner every writing action uses, run in this process on real trees with real rsync,
/// with what a test sets that the command line leaves to the machine: how many parts each plan is cut into.
@MainActor
struct InProcessSync {
    let source: Location
    let destination: Location
    let configuration: Configuration
    let options: RunOptions
    let parts: Int
    /// What the runs know about their locations, micsync's state folder in the test's sandbox.
    let book: LocationBook

    /// A run from `source` to `destination` of `configuration`; `ssh`: the environment that reaches the test's
    /// sshd.
    init(
        _ configuration: Configuration, from source: Location, to destination: Location, options: RunOptions,
        parts: Int, state: String, ssh: [String: String] = [:]
    ) {
        self.configuration = configuration
        self.source = source
        self.destination = destination
        self.options = options
        self.parts = parts
        book = LocationBook(state: StateHome(path: state), environment: ssh)
    }

    private var request: SyncRequest {
        var request = SyncRequest(
            action: "sync", scope: .whole(source, of: configuration),
            endpoints: Endpoints(source: source, destinations: [destination]), options: options)
        request.partsPerDestination = parts
        return request
    }

    private func context(_ sink: RecordingSink, answers: [String]) -> RunContext {
        RunContext(
            terminal: .recording(sink), answers: ScriptedAnswers(answers), interruption: Interruption { _ in },
            locations: book)
    }

    /// The plan a run makes now; throws why there is none.
    func plan() async throws(MicsyncError) -> Plan {
        let rsync = try await Rsync.locate(interruption: Interruption { _ in })
        let job = SyncRunner(context: context(RecordingSink(), answers: [])).job(request, rsync: rsync)
        let planned = try await Planner(
            rsync: rsync, invocation: job.invocation, locations: book, printingTo: nil, partsPerDestination: parts
        ).plan(job, [destination])
        guard let plan = planned.destinations.first?.plan else {
            throw .rsync("planning failed: \(planned.failed.first?.problem ?? "no plan")")
        }
        return plan
    }

    /// What one run did: its journal entry, or what stopped it, and all it printed.
    struct Ran {
        let entry: JournalEntry?
        let error: MicsyncError?
        let output: String
    }

    /// The run, its questions answered with `answers` in order.
    func run(answers: [String] = []) async -> Ran {
        let sink = RecordingSink()
        do {
            let entry = try await SyncRunner(context: context(sink, answers: answers)).run(request)
            return Ran(entry: entry, error: nil, output: sink[.output] + sink[.messages])
        } catch {
            return Ran(entry: nil, error: error, output: sink[.output] + sink[.messages])
        }
    }
}
