import Foundation
import Testing

/// The overall progress line while applying: on a terminal only, unless --progress / --no-progress say otherwise.
@Suite struct ProgressTests {
    private func sandboxWithData() throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write(String(repeating: "0123456789", count: 400_000), at: "w/big")
        return box
    }

    @Test func shownOnATerminal() throws {
        let box = try sandboxWithData()
        let result = try box.runInTerminal(["backup", "w"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("ETA "), "\(result)")
        #expect(result.stdout.contains("100%"))
        #expect(result.stdout.contains("BACKUP \(box.path("b1")): 1 copied"))
        #expect(box.read("b1/big")?.count == 4_000_000)
    }

    @Test func absentWithoutATerminal() throws {
        let box = try sandboxWithData()
        let result = try box.run(["backup", "w"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("ETA") && !result.stdout.contains("\r"), "\(result)")
        #expect(result.stdout.contains("1 copied"))
    }

    @Test func theFlagsOverrideTheTerminalCheck() throws {
        let box = try sandboxWithData()
        let forced = try box.run(["backup", "--progress", "w"])
        #expect(forced.status == 0, "\(forced)")
        #expect(forced.stdout.contains("ETA "), "\(forced)")

        try box.write("changed", at: "w/big")
        let quiet = try box.runInTerminal(["backup", "-m", "--no-progress", "w"])
        #expect(quiet.status == 0, "\(quiet)")
        #expect(!quiet.stdout.contains("ETA"), "\(quiet)")
        #expect(quiet.stdout.contains("1 overwritten"))
    }
}
