import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The preflight stage: a destination whose micsync folders cannot be trusted is refused with one line,
/// the others go on; a dry run checks nothing.
@MainActor @Suite struct PreflightTests {
    @Test func aDestinationWhoseStateFolderIsASymlinkIsRefusedAndTheOthersAreUsable() async throws {
        let bench = try JobBench(backups: 2)
        try bench.box.makeDirectory("elsewhere")
        try FileManager.default.createSymbolicLink(
            atPath: bench.box.path("b1/.micsync"), withDestinationPath: bench.box.path("elsewhere"))
        let result = try Preflight(job: try await bench.job()).check()
        #expect(result.usable == [bench.destinations[1]])
        #expect(result.refused.map(\.destination) == [bench.destinations[0]])
        let why = try #require(result.refused.first?.notWritten)
        #expect(why.contains(bench.box.path("b1")) && why.contains("is a symlink"), "\(why)")
        #expect(bench.sink[.messages] == "micsync: \(why)\n")
        #expect(bench.sink[.output].isEmpty)
        #expect(bench.box.tree("elsewhere").isEmpty, "preflight changes nothing")
    }

    @Test func aDryRunChecksNothing() async throws {
        let bench = try JobBench(backups: 2)
        try bench.box.write("not a folder", at: "b1/.micsync")
        var options = RunOptions()
        options.dryRun = true
        let result = try Preflight(job: try await bench.job(options)).check()
        #expect(result.usable == bench.destinations)
        #expect(result.refused.isEmpty)
        #expect(bench.sink[.messages].isEmpty)
    }

    @Test func aStateFolderThatIsAFileIsRefusedToo() async throws {
        let bench = try JobBench()
        try bench.box.write("not a folder", at: "b1/.micsync")
        let result = try Preflight(job: try await bench.job()).check()
        #expect(result.usable.isEmpty)
        #expect(result.refused.first?.notWritten?.contains("is not a folder") == true, "\(result.refused)")
        #expect(bench.sink[.messages].contains("is not a folder"))
    }
}
