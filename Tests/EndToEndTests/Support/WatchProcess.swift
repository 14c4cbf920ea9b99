import Foundation
import Testing

/// A `micsync watch` started by a test, with a short settle time (`--settle 0.3`) so that a mount is looked at
/// within a second. A test stops it at its end (`await watcher.stop()`) and kills it in a `defer` should it end
/// early (`defer { watcher.kill() }`).
final class WatchProcess {
    let running: RunningProcess

    /// Started, and returned once it has said what it watches (before its first look).
    init(in box: Sandbox, _ arguments: [String] = [], environment: [String: String] = [:]) async throws {
        running = try Binary.start(
            Binary.micsync, ["watch", "--settle", "0.3"] + arguments, directory: box.root,
            environment: box.environment.merging(environment) { $1 })
        try await running.waitForStderr(containing: "micsync watch: watching")
    }

    /// What it says each time it goes back to waiting: at its start, after a mount change, after runs.
    static let waiting = "micsync watch: waiting; next: "

    var stdout: String { running.stdout }

    /// The lines of its automatic runs.
    var runLines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// How many times it has gone back to waiting.
    var waits: Int { running.stderr.components(separatedBy: Self.waiting).count - 1 }

    /// Whether it waits now: the last thing it said is that it waits.
    var isWaiting: Bool {
        running.stderr.split(separator: "\n").last?.hasPrefix(Self.waiting) == true
    }

    /// Waits (up to 30 s) until it has printed `count` run lines.
    func waitForRuns(_ count: Int) async -> Bool {
        await waitUntil(30) { runLines.count >= count }
    }

    /// Waits (up to 30 s) until it waits, having looked at all there was to look at.
    func waitUntilWaiting() async -> Bool {
        await waitUntil(30) { isWaiting }
    }

    /// Once it waits, changes the mounts with `change`, then waits until it has looked at the change and gone
    /// back to waiting: what it has not done by then, it does not do for this change.
    func afterItLooks<Changed>(
        at change: () async throws -> Changed, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Changed {
        try #require(await waitUntilWaiting(), "never waiting: \(running.stderr)", sourceLocation: sourceLocation)
        let waited = waits
        let changed = try await change()
        try #require(
            await waitUntil(30) { waits > waited }, "never back to waiting: \(running.stderr)",
            sourceLocation: sourceLocation)
        return changed
    }

    /// SIGTERM, then its end (SIGKILL after 30 s); how it ended.
    @discardableResult
    func stop() async -> RunResult {
        running.signal(SIGTERM)
        if !(await waitUntil(30) { running.hasExited }) { running.kill() }
        return await running.finish()
    }

    /// SIGKILL unless it has ended: a test's teardown when it ends early.
    func kill() { running.kill() }
}
