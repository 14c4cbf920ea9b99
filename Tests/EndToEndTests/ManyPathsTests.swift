import Foundation
import Testing

/// Many typed paths at once: every one reaches the run, options among them still count.
@Suite struct ManyPathsTests {
    @Test func twoHundredTypedPathsWithOptionsBetweenThemAllArrive() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for number in 0..<200 { try box.write("\(number)", at: "w/f\(number)") }
        try box.write("not typed", at: "w/other")
        let paths = (0..<200).map { "w/f\($0)" }
        let result = try box.run(["backup"] + paths[..<100] + ["--config-name", "main", "-m"] + paths[100...])
        #expect(result.status == 0, "\(result)")
        #expect(box.tree("b1").count == 200 && !box.exists("b1/other"), "\(box.tree("b1").count)")
    }
}
