import Foundation
import Testing

/// Long lists go through $PAGER on a terminal, and are printed in full otherwise.
@Suite struct PagerTests {
    /// A sandbox with `count` files in w that b1 lacks, and a PAGER that notes each call, waits a little
    /// (so a question asked before it exits would show up first), then shows its input.
    private func sandbox(files count: Int) throws -> (Sandbox, [String: String]) {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for index in 0..<count { try box.write("\(index)\n", at: "w/file\(index).txt") }
        let pager = box.path("pager.sh")
        try box.write("#!/bin/sh\necho called >> '\(box.path("pager-calls"))'\nsleep 0.3\ncat\n", to: pager)
        chmod(pager, 0o755)
        return (box, ["PAGER": pager])
    }

    private func calls(_ box: Sandbox) -> Int { box.read("pager-calls")?.split(separator: "\n").count ?? 0 }

    @Test func longListIsPagedOnATerminal() throws {
        let (box, environment) = try sandbox(files: 100)
        let result = try box.runInTerminal(["backup", "-n", "w"], environment: environment)
        #expect(result.status == 0, "\(result)")
        #expect(calls(box) == 1, "\(result)")
        #expect(result.stdout.contains("new (100):"), "\(result)")
        #expect((0..<100).allSatisfy { result.stdout.contains("    file\($0).txt") }, "\(result)")
        #expect(result.stdout.contains("dry run: nothing was changed"))
    }

    @Test func pagerHasExitedBeforeTheQuestion() throws {
        let (box, environment) = try sandbox(files: 100)
        try box.run(["backup", "w"])
        for index in 0..<100 { try box.write("changed \(index)\n", at: "w/file\(index).txt") }
        // No answer on the terminal: the question is cancelled, but only after the whole list was shown.
        let result = try box.runInTerminal(["backup", "w"], environment: environment)
        #expect(result.status == 4, "\(result)")
        #expect(calls(box) == 1, "\(result)")
        let lastEntry = try #require(result.stdout.range(of: "file99.txt"), "\(result)")
        let question = try #require(result.stdout.range(of: "Overwrite 100 modified items"), "\(result)")
        #expect(lastEntry.upperBound < question.lowerBound, "\(result)")
    }

    @Test func shortListIsNotPaged() throws {
        let (box, environment) = try sandbox(files: 3)
        let result = try box.runInTerminal(["backup", "-n", "w"], environment: environment)
        #expect(result.status == 0, "\(result)")
        #expect(calls(box) == 0, "\(result)")
        #expect(result.stdout.contains("    file2.txt"), "\(result)")
    }

    @Test func printedInFullWithoutATerminal() throws {
        let (box, environment) = try sandbox(files: 2000)
        let result = try box.run(["backup", "-n", "w"], environment: environment)
        #expect(result.status == 0, "\(result)")
        #expect(calls(box) == 0, "\(result)")
        let listed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("    file") }
        #expect(listed.count == 2000, "\(result)")
        #expect(Set(listed).count == 2000)
    }
}
