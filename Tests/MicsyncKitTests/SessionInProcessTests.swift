import Foundation
import Synchronization
import TestSupport
import Testing

@testable import MicsyncKit

/// Console text kept in memory, per stream.
final class RecordingSink: ConsoleSink {
    private let text = Mutex<[ConsoleStream: String]>([:])

    func write(_ text: String, to stream: ConsoleStream) -> Int32? {
        self.text.withLock { $0[stream, default: ""] += text }
        return nil
    }

    subscript(_ stream: ConsoleStream) -> String { text.withLock { $0[stream, default: ""] } }
}

/// A whole session run in process: real rsync on real trees, the console and the answers in memory.
@Suite(.serialized) struct SessionInProcessTests {
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
        let previous = Console.install(sink)
        defer { Console.install(previous) }
        var options = RunOptions()
        options.progress = false
        let session = SyncSession(
            action: "backup", rsync: try await Rsync.locate(),
            invocation: RsyncInvocation(source: source, scope: scope, actionFilters: [], deleting: false),
            scope: scope, source: source, destinations: [destination], options: options,
            questions: Questions(source: ScriptedAnswers("banana", "n")))
        let outcome = await session.run()
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
