import Foundation
import Testing

/// What a person at a real terminal sees: questions that fit its width, Ctrl-C at a question, a `| head`
/// noticed before the question, the status table using the whole width.
@Suite struct TerminalTests {
    /// Runs `shellCommand` in bash under a pseudo-terminal of `columns` columns; `micsync` is on PATH.
    private func inTerminal(_ box: Sandbox, columns: Int, _ shellCommand: String, input: String = "") async throws
        -> RunResult
    {
        return try await Binary.run(
            "/usr/bin/script", ["-qec", "stty cols \(columns) rows 40; \(shellCommand)", "/dev/null"], input: input,
            directory: box.root,
            environment: box.environment.merging(["PATH": Binary.path, "SHELL": "/bin/bash"]) { $1 })
    }

    /// A backup whose plan has ten new files and one modified file: a question is asked.
    private func modifiedSandbox() throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for index in 0..<10 { try box.write("new", at: "w/new\(index)") }
        try box.write("old", at: "b1/a")
        try box.write("changed", at: "w/a")
        try box.touch("w/a", secondsAgo: 10)
        try box.touch("b1/a", secondsAgo: 100)
        return box
    }

    @Test(arguments: [50, 80])
    func theQuestionFitsTheWidthWithoutBreakingWords(columns: Int) async throws {
        let box = try modifiedSandbox()
        let result = try await inTerminal(box, columns: columns, "micsync backup --no-progress w", input: "n\n")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.components(separatedBy: "\r\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Overwrite") }, "\(result)")
        let end = try #require(lines.firstIndex { $0.contains("[q]uit") }, "\(result)")
        var question = Array(lines[start...end])
        let last = question[question.count - 1]
        question[question.count - 1] = String(last[..<last.range(of: "[q]uit: ")!.upperBound])
        #expect(question.allSatisfy { $0.count <= columns }, "\(question)")
        #expect(question.count > 1 || columns > 80, "a long question is wrapped: \(question)")
        let words = question.joined(separator: " ").split(separator: " ")
        #expect(words.contains("[m]odify") && words.contains("\(box.path("b1"))?"), "no word is cut: \(question)")
    }

    @Test(arguments: [50, 80])
    func helpFitsTheWidthAndKeepsItsExamplesIndented(columns: Int) async throws {
        let box = try Sandbox()
        for command in ["micsync help trash list", "micsync backup --help", "micsync --help"] {
            let result = try await inTerminal(box, columns: columns, command)
            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.count <= columns }, "\(command) fits: \(result)")
            let examples = lines.drop { $0 != "Examples:" }.dropFirst().prefix { !$0.isEmpty }
            #expect(!examples.isEmpty && examples.allSatisfy { $0.hasPrefix("  ") }, "\(command): \(examples)")
        }
    }

    @Test(arguments: [50, 80])
    func theStatusTableFitsANarrowTerminal(columns: Int) async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "unplugged"])])
        try box.write("a", at: "w/a")
        try await box.expectRun(["backup", "w"], status: 0)
        let result = try await inTerminal(box, columns: columns, "micsync status")
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(result.status == 0 && lines.allSatisfy { $0.count <= columns }, "\(result)")
        let row = try #require(lines.first { $0.hasPrefix("  BACKUP   0") }, "\(result)")
        #expect(row.contains("/tmp/") && row.contains("/b1 "), "a long path keeps its start and end: \(row)")
        #expect(result.stdout.contains("just now"), "the last backup stays: \(result)")
    }

    @Test func aDumbTerminalGetsNoEscapeSequence() async throws {
        let box = try modifiedSandbox()
        for term in ["dumb", "xterm"] {
            let result = try await Binary.run(
                "/usr/bin/script",
                ["-qec", "micsync backup -m --bwlimit 1 w; micsync status; micsync help backup", "/dev/null"],
                directory: box.root,
                environment: box.environment.merging(["PATH": Binary.path, "TERM": term]) { $1 }
                    .filter { $0.key != "NO_COLOR" })
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("\u{1B}") == (term != "dumb"), "TERM=\(term): \(result)")
            try box.write("changed again \(term)", at: "w/a")
            try box.touch("w/a", secondsAgo: term == "dumb" ? 5 : 1)
        }
    }

    @Test func ctrlCAtAQuestionEndsOnAFreshLine() async throws {
        let box = try modifiedSandbox()
        let running = try Binary.start(
            "/usr/bin/script", ["-qec", "micsync backup w", "/dev/null"], directory: box.root,
            environment: box.environment.merging(["PATH": Binary.path]) { $1 })
        _ = await waitUntil { running.stdout.contains("[q]uit") }
        try running.stdin.write(contentsOf: Data([3]))
        await running.finish()
        let result = running.result
        #expect(result.status == 130, "\(result)")
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines.contains("micsync: interrupted; nothing was changed"), "on a line of its own: \(result)")
        #expect(box.read("b1/a") == "old" && !box.exists("b1/new0"))
    }

    @Test func aReaderGoneBeforeTheQuestionIsNoticedBeforeAsking() async throws {
        let box = try modifiedSandbox()
        let result = try await inTerminal(
            box, columns: 80, #"micsync backup w | head -3; echo "micsync exit ${PIPESTATUS[0]}""#, input: "m\n")
        #expect(!result.stdout.contains("[m]odify"), "the question is never asked: \(result)")
        #expect(
            result.stdout.contains("cannot write to standard output (Broken pipe); nothing was changed"), "\(result)")
        #expect(result.stdout.contains("micsync exit 1"), "\(result)")
        #expect(box.read("b1/a") == "old" && !box.exists("b1/new0"), "nothing was changed")
    }

    /// With its changes approved by `-m`, the run asks nothing: it goes on, and says so where it can be read.
    @Test func aReaderGoneFromARunThatAsksNothingIsSaidOnStderr() async throws {
        let box = try modifiedSandbox()
        let result = try await box.runToAGoneReader(["backup", "-m", "w"])
        result.expect(status: 0)
        #expect(
            result.stderr.contains(
                "note: standard output's reader has gone (| head); the changes approved by the options are made "
                    + "all the same"), "\(result)")
        #expect(box.read("b1/a") == "changed" && box.exists("b1/new0"), "\(result)")
    }

    @Test func theStatusTableUsesTheWholeWidthAndCutsTheMiddleOfLongPaths() async throws {
        let box = try Sandbox()
        let long = "w/" + String(repeating: "a-rather-long-folder-name/", count: 6) + "the-end"
        try box.makeDirectory(long)
        try box.makeDirectory("b1")
        try box.configure([("main", [long], ["b1"])])
        for columns in [120, 160] {
            let result = try await inTerminal(box, columns: columns, "micsync status")
            #expect(result.status == 0, "\(result)")
            let row = try #require(
                result.stdout.components(separatedBy: "\r\n").first { $0.hasPrefix("  WORKING") }, "\(result)")
            #expect(row.count <= columns && row.count > columns - 25, "the whole width: \(row)")
            #expect(row.contains(box.root) && row.contains("…") && row.contains("the-end"), "the middle cut: \(row)")
        }
    }
}
