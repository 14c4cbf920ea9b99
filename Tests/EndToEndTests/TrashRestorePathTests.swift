import Foundation
import Testing

/// `trash restore TIMESTAMP rel/path`: a relative PATH is the path in the location, as the help says, from
/// wherever micsync is run; a path typed from inside the location still means what it says there.
@Suite struct TrashRestorePathTests {
    private func deleted() async throws -> (Sandbox, String) { try await Sandbox.deletedIntoTrash() }

    @Test func withLocationARelativePathIsThePathInTheLocation() async throws {
        let (box, folder) = try await deleted()
        try box.makeDirectory("elsewhere")
        let result = try await box.expectRun(
            ["trash", "restore", "--location", box.path("w"), folder, "p/gone/one"], in: box.path("elsewhere"),
            status: 0)
        #expect(box.read("w/p/gone/one") == "one", "\(result)")
        #expect(!box.exists("w/p/two"), "only that path: \(result)")
    }

    @Test func withoutLocationTheOnlyLocationHoldingTheTimestampIsTaken() async throws {
        let (box, folder) = try await deleted()
        try await box.expectRun(["trash", "restore", folder, "p/two"], in: box.path("b1"), status: 0)
        #expect(box.read("w/p/two") == "two")
    }

    @Test func aPathTypedInsideTheLocationMeansWhatItSaysThere() async throws {
        let (box, folder) = try await deleted()
        try await box.expectRun(["trash", "restore", folder, "gone/one"], in: box.path("w/p"), status: 0)
        #expect(box.read("w/p/gone/one") == "one")
    }

    @Test func aLocationWithoutTheTimestampNamesTheOneThatHasIt() async throws {
        let (box, folder) = try await deleted()
        let result = try await box.expectRun(["trash", "restore", folder, box.path("b1/p/two")], status: 3)
        #expect(
            result.stderr.contains("no trash \(folder) in BACKUP \(box.path("b1")); it is in WORKING \(box.path("w"))"),
            "\(result)")
        #expect(result.stderr.contains("give --location \(box.path("w"))"), "\(result)")
    }
}
