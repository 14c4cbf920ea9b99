import Foundation
import Testing

/// `trash restore TIMESTAMP rel/path`: a relative PATH is the path in the location, as the help says, from
/// wherever micsync is run; a path typed from inside the location still means what it says there.
@Suite struct TrashRestorePathTests {
    /// `work -D` deleted `w/p/gone/one` and `w/p/two` into WORKING w's trash: the sandbox and that folder.
    private func deleted() throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("keep", at: "b1/p/keep")
        try box.write("keep", at: "w/p/keep")
        try box.write("one", at: "w/p/gone/one")
        try box.write("two", at: "w/p/two")
        try box.expectRun(["work", "-D", "--force", "w"], status: 0)
        return (box, try #require(box.trashFolders("w").first))
    }

    @Test func withLocationARelativePathIsThePathInTheLocation() throws {
        let (box, folder) = try deleted()
        try box.makeDirectory("elsewhere")
        let result = try box.expectRun(
            ["trash", "restore", "--location", box.path("w"), folder, "p/gone/one"], in: box.path("elsewhere"),
            status: 0)
        #expect(box.read("w/p/gone/one") == "one", "\(result)")
        #expect(!box.exists("w/p/two"), "only that path: \(result)")
    }

    @Test func withoutLocationTheOnlyLocationHoldingTheTimestampIsTaken() throws {
        let (box, folder) = try deleted()
        try box.expectRun(["trash", "restore", folder, "p/two"], in: box.path("b1"), status: 0)
        #expect(box.read("w/p/two") == "two")
    }

    @Test func aPathTypedInsideTheLocationMeansWhatItSaysThere() throws {
        let (box, folder) = try deleted()
        try box.expectRun(["trash", "restore", folder, "gone/one"], in: box.path("w/p"), status: 0)
        #expect(box.read("w/p/gone/one") == "one")
    }
}
