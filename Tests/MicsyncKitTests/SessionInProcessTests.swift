import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// A whole sync pipeline run in process: real rsync on real trees, the terminal and the answers in memory.
/// Each run has its own terminal value, so these tests run side by side.
@Suite struct SessionInProcessTests {
    @MainActor @Test func aSessionPlansAsksAppliesAndReturnsWhatItDid() async throws {
        let box = try Sandbox()
        let root = box.root
        for (path, text) in [("w/f", "new"), ("w/added", "n"), ("b/f", "old, longer")] {
            try box.write(text, at: path)
        }
        let source = Location(role: .working, index: 0, path: root + "/w")
        let destination = Location(role: .backup, index: 0, path: root + "/b")
        let scope = Scope(
            configuration: Configuration(name: "c", working: [source], backups: [destination]),
            typedIn: source, relativePaths: [""])
        let sink = RecordingSink()
        let interruption = Interruption { _ in }
        let context = RunContext(
            terminal: .recording(sink), answers: ScriptedAnswers("banana", "n"), interruption: interruption)
        var options = RunOptions()
        options.progress = false
        let job = SyncJob(
            action: "backup", scope: scope, source: source, destinations: [destination], options: options,
            overwrites: true, rsync: try await Rsync.locate(interruption: interruption),
            invocation: RsyncInvocation(source: source, scope: scope, actionFilters: [], deleting: false),
            locks: [:], context: context, started: Date())
        let outcome = await SyncPipeline(job, progress: ProgressLine(requested: false, on: context.terminal)).run()
        #expect(outcome.error == nil)
        #expect(outcome.destinations.map(\.report.copied) == [1])
        #expect(outcome.destinations.map(\.report.overwritten) == [0])
        #expect(
            sink[.output].contains("new (1):\n    added") && sink[.output].contains("modified (1):\n    f"),
            "\(sink[.output])")
        #expect(sink[.messages].contains("Overwrite 1 modified item") && sink[.messages].contains("please answer"))
        #expect(try String(contentsOfFile: root + "/b/f", encoding: .utf8) == "old, longer")
        #expect(try String(contentsOfFile: root + "/b/added", encoding: .utf8) == "n")
    }
}
