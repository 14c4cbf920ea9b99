import Foundation
import Testing

/// One change is one question and one listing, whatever the number of destinations it goes to; a dry run
/// ends with what each destination's plan comes to and what they come to in all.
@Suite struct OneQuestionPerChangeTests {
    @Test func aFirstBackupToTwoDiscsIsListedOnceWithTotals() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("12345", at: "w/d/a")
        try box.write("123", at: "w/d/b")
        let result = try await box.expectRun(["backup", "-n", "w"], status: 0)
        let (b1, b2) = ("BACKUP \(box.path("b1"))", "BACKUP \(box.path("b2"))")
        #expect(result.lines.filter { $0.hasSuffix("d/a") } == ["    d/a"], "listed once: \(result)")
        #expect(result.lines.contains("\(b1), \(b2):"), "\(result)")
        let totals = Array(result.lines.drop { $0 != "dry run totals:" })
        #expect(
            totals == [
                "dry run totals:", "  \(b1): 3 new (8 B to copy)", "  \(b2): 3 new (8 B to copy)",
                "  in all: 6 items (16 B to copy)", "dry run: nothing was changed",
            ], "\(result)")
        let quiet = try await box.expectRun(["backup", "-n", "-q", "w"], status: 0)
        #expect(
            quiet.lines == [
                "\(b1): 3 new (8 B to copy)", "\(b2): 3 new (8 B to copy)", "in all: 6 items (16 B to copy)",
                "dry run: nothing was changed",
            ], "one line per destination, then the whole: \(quiet)")
    }

    @Test func aModifiedFileGoingToTwoBackupsIsAskedOnce() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("old", at: "w/f")
        try await box.expectRun(["backup", "w"], status: 0)
        try box.write("new, longer", at: "w/f")
        let result = try await box.expectRun(["backup", "w"], input: "m\n", status: 0)
        #expect(result.stderr.components(separatedBy: "Overwrite").count == 2, "one question: \(result)")
        #expect(result.stderr.contains("Overwrite 1 modified item in 2 BACKUPs?"), "\(result)")
        #expect(result.lines.filter { $0.hasSuffix("    f") }.count == 1, "one listing: \(result)")
        for backup in ["b1", "b2"] { #expect(box.read("\(backup)/f") == "new, longer", "\(result)") }
    }

    @Test func differentPlansAreListedAndAskedEach() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("old", at: "w/f")
        try box.write("old", at: "w/g")
        try await box.expectRun(["backup", "w"], status: 0)
        try box.write("new, longer", at: "w/f")
        try box.write("new, longer", at: "w/g")
        try FileManager.default.removeItem(atPath: box.path("b2/g"))
        let result = try await box.expectRun(["backup", "w"], input: "m\nn\n", status: 0)
        #expect(result.stderr.contains("Overwrite 2 modified items in \(box.path("b1"))?"), "\(result)")
        #expect(result.stderr.contains("Overwrite 1 modified item in \(box.path("b2"))?"), "\(result)")
        #expect(box.read("b1/f") == "new, longer" && box.read("b1/g") == "new, longer", "\(result)")
        #expect(box.read("b2/f") == "old" && box.read("b2/g") == "new, longer", "\(result)")
    }
}
