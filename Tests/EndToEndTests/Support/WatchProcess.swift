import Foundation
import Testing

/// A `micsync watch` started by a test, with a short settle delay so that a mount is looked at within a
/// second. A test stops it in its teardown (`defer { watcher.stop() }`); SIGKILL if SIGTERM was not enough.
final class WatchProcess {
    let running: RunningProcess

    init(in box: Sandbox, _ arguments: [String] = [], environment: [String: String] = [:]) throws {
        running = try Binary.start(
            Binary.micsync, ["watch"] + arguments, directory: box.root,
            environment: box.environment.merging(["MICSYNC_WATCH_SETTLE": "0.3"]) { $1 }.merging(environment) { $1 })
        try running.waitForStderr(containing: "micsync watch: watching")
    }

    var stdout: String { running.stdout }

    /// The lines of its automatic runs.
    var runLines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// Waits (up to 30 s) until it has printed `count` run lines.
    func waitForRuns(_ count: Int) -> Bool {
        waitUntil(30) { runLines.count >= count }
    }

    /// SIGTERM, then the process's end (SIGKILL after 30 s); returns how it ended.
    @discardableResult
    func stop() -> RunResult {
        let process = running.process
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            if !waitUntil(30, { !process.isRunning }) { kill(process.processIdentifier, SIGKILL) }
        }
        running.finish()
        return running.result
    }
}
