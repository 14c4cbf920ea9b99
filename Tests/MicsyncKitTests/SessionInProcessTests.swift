import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// A whole sync pipeline run in process: real rsync on real trees, the terminal and the answers in memory.
/// Each run has its own terminal value, so these tests run side by side.
@Suite struct SessionInProcessTests {
    @MainActor @Test func aSessionPlansAsksAppliesAndReturnsWhatItDid() async throws {
        let bench = try JobBench()
        for (path, text) in [("w/f", "new"), ("w/added", "n"), ("b1/f", "old, longer")] {
            try bench.box.write(text, at: path)
        }
        let job = try await bench.job(answers: ScriptedAnswers("banana", "n"))
        let outcome = await SyncPipeline(job, progress: ProgressLine(requested: false, on: job.terminal)).run()
        let sink = bench.sink
        #expect(outcome.error == nil)
        #expect(outcome.destinations.map(\.report.copied) == [1])
        #expect(outcome.destinations.map(\.report.overwritten) == [0])
        #expect(
            sink[.output].contains("new (1):\n    added") && sink[.output].contains("modified (1):\n    f"),
            "\(sink[.output])")
        #expect(sink[.messages].contains("Overwrite 1 modified item") && sink[.messages].contains("please answer"))
        #expect(bench.box.read("b1/f") == "old, longer")
        #expect(bench.box.read("b1/added") == "n")
    }
}
