import Foundation
import Testing
import TestSupport

/// `micsync verify`, run for real on a sandbox tree.
@Suite struct VerifyTests {
    @Test func copiesToEveryBackup() throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("report", at: "w/docs/report.txt")

        let result = try box.run(["verify", "w/docs"])
        #expect(result.status == 0, "\(result)")
        #expect(box.read("b1/docs/report.txt") == "report")
        #expect(box.read("b2/docs/report.txt") == "report")
    }

    @Test func answersToHelpInBothSpellings() throws {
        let box = try Sandbox()
        for arguments in [["verify", "--help"], ["--verify", "--help"], ["help", "verify"]] {
            let result = try box.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            #expect(result.stdout.contains("Examples:"), "\(arguments): \(result)")
        }
    }
}
