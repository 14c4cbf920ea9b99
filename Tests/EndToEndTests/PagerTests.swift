import Foundation
import Testing

/// A dry run's long lists go through $PAGER on a terminal and are printed in full otherwise; a run that goes
/// on never waits on a pager: its lists are cut, and the question's [l]ist pages the whole plan.
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

    @Test func longListIsPagedOnATerminal() async throws {
        let (box, environment) = try sandbox(files: 100)
        let result = try await box.expectRunInTerminal(["backup", "-n", "w"], environment: environment, status: 0)
        #expect(calls(box) == 1, "\(result)")
        #expect(result.stdout.contains("new (100):"), "\(result)")
        #expect((0..<100).allSatisfy { result.stdout.contains("    file\($0).txt") }, "\(result)")
        #expect(result.stdout.contains("dry run: nothing was changed"))
    }

    /// Two BACKUPs with different plans: one pager for the whole dry run, each plan in it.
    @Test func oneDryRunOpensOnePager() async throws {
        let (box, environment) = try sandbox(files: 100)
        try box.makeDirectory("b2")
        try box.writeAlike("0\n", at: "file0.txt", in: ["w", "b2"])
        try box.configure([("main", ["w"], ["b1", "b2"])])
        let result = try await box.expectRunInTerminal(["backup", "-n", "w"], environment: environment, status: 0)
        #expect(calls(box) == 1, "\(result)")
        #expect(result.stdout.contains("new (100):") && result.stdout.contains("new (99):"), "\(result)")
        #expect(result.stdout.contains("dry run: nothing was changed"), "\(result)")
    }

    /// A run left alone copies: no pager holds its list, which is cut at 20 lines per category.
    @Test func aRunNeverWaitsOnAPager() async throws {
        let (box, environment) = try sandbox(files: 300)
        let result = try await box.expectRunInTerminal(["backup", "w"], environment: environment, status: 0)
        #expect(calls(box) == 0, "\(result)")
        #expect(box.tree("b1").count == 300)
        #expect(result.stdout.contains("new (300):"), "\(result)")
        #expect(result.stdout.contains("    … and 280 more"), "\(result)")
        let listed = result.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("    file") }
        #expect(listed.count == 20, "\(result)")
        #expect(result.stdout.contains("300 copied"), "\(result)")
    }

    /// The question offers [l]ist: the whole plan through the pager, then the same question again.
    @Test func listAtTheQuestionPagesTheWholePlan() async throws {
        let (box, environment) = try sandbox(files: 300)
        try await box.expectRun(["backup", "w"], status: 0)
        for index in 0..<300 { try box.write("changed \(index)\n", at: "w/file\(index).txt") }
        let result = try await box.expectRunInTerminal(
            ["backup", "w"], input: "l\nm\n", environment: environment.merging(["COLUMNS": "200"]) { $1 }, status: 0)
        #expect(calls(box) == 1, "\(result)")
        let question = "Overwrite 300 modified items in \(box.path("b1"))? [m]odify / [n]o / [l]ist / [q]uit"
        let first = try #require(result.stdout.range(of: question), "\(result)")
        let again = try #require(
            result.stdout.range(of: question, range: first.upperBound..<result.stdout.endIndex),
            "asked again after the list:\n\(result)")
        // file99.txt sorts after the first 20: only the paged list, between the two questions, shows it.
        let paged = try #require(result.stdout.range(of: "    file99.txt"), "\(result)")
        #expect(first.upperBound < paged.lowerBound && paged.upperBound < again.lowerBound, "\(result)")
        #expect(result.stdout.contains("300 overwritten"), "\(result)")
        #expect(box.read("b1/file99.txt") == "changed 99\n")
    }

    /// --list shows every item without a pager; the run goes on.
    @Test func listFlagShowsEverything() async throws {
        let (box, environment) = try sandbox(files: 300)
        let result = try await box.expectRunInTerminal(["backup", "--list", "w"], environment: environment, status: 0)
        #expect(calls(box) == 0, "\(result)")
        #expect(
            result.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("    file") }.count == 300, "\(result)")
        #expect(!result.stdout.contains("more"), "\(result)")
    }

    /// Read-only output may page: nothing waits on it.
    @Test func aLongDiffIsPagedOnATerminal() async throws {
        let (box, environment) = try sandbox(files: 100)
        let result = try await box.expectRunInTerminal(
            ["diff", "w"], environment: environment, status: 1, "something differs")
        #expect(calls(box) == 1, "\(result)")
        #expect(result.stdout.contains("    file99.txt"), "\(result)")
    }

    @Test func shortListIsNotPaged() async throws {
        let (box, environment) = try sandbox(files: 3)
        let result = try await box.expectRunInTerminal(["backup", "-n", "w"], environment: environment, status: 0)
        #expect(calls(box) == 0, "\(result)")
        #expect(result.stdout.contains("    file2.txt"), "\(result)")
    }

    @Test func printedInFullWithoutATerminal() async throws {
        let (box, environment) = try sandbox(files: 2000)
        let result = try await box.expectRun(["backup", "-n", "w"], environment: environment, status: 0)
        #expect(calls(box) == 0, "\(result)")
        let listed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("    file") }
        #expect(listed.count == 2000, "\(result)")
        #expect(Set(listed).count == 2000)
    }
}
