import Foundation
import Testing

/// What a plan says: one line per destination when there is nothing to do, deletions in order, real sizes.
@Suite struct PlanOutputTests {
    @Test func aRunWithNothingToDoSaysSoOncePerDestination() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("a", at: "w/a")
        try await box.expectRun(["backup", "w"], status: 0)
        let again = try await box.expectRun(["backup", "w"], status: 0)
        for backup in ["b1", "b2"] {
            let lines = again.lines.filter { $0.contains(box.path(backup)) }
            #expect(lines == ["BACKUP \(box.path(backup)): nothing to do"], "\(again)")
        }
    }

    @Test func theDeleteListComesInOrder() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("kept", at: "b1/kept")
        try box.write("kept", at: "w/kept")
        for name in ["a", "b", "c/d", "c/e", "f"] { try box.write("x", at: "w/\(name)") }
        let result = try await box.expectRun(["work", "-d", "-n", "--list", "w"], status: 0)
        let listed = result.lines.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { ["a", "b", "c/", "c/d", "c/e", "f"].contains($0) }
        #expect(listed == ["a", "b", "c/", "c/d", "c/e", "f"], "\(result)")
    }

    @Test func aNewDirectoryCountsNoBytesInJSON() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("12345", at: "w/new/f")
        let result = try await box.expectRun(["backup", "-n", "--json", "w"], status: 0)
        let document = try box.jsonObject(result.stdout)
        let destination = try #require((document["destinations"] as? [[String: Any]])?.first)
        let new = try #require(destination["new"] as? [String: Any])
        #expect(new["bytes"] as? Int == 5, "\(result)")
        let items = try #require(new["items"] as? [[String: Any]])
        #expect(items.first { $0["path"] as? String == "new/" }?["size"] as? Int == 0, "\(result)")
    }
}
