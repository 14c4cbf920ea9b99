import Foundation
import Testing

/// ArgumentParser's errors in micsync's one style: `micsync: what went wrong; what to do`, exit 2, no usage.
@Suite struct ParserErrorTests {
    @Test(arguments: [
        (["backup", "--exlude", "x", "w"], "micsync: unknown option '--exlude'; did you mean '--exclude'?"),
        (["work", "--delete", "w"], "micsync: unknown option '--delete'; use -d (asks first) or -D"),
        (["work", "-x"], "micsync: unknown option '-x'; see 'micsync help work'"),
        (["backup", "--frobnicate", "w"], "micsync: unknown option '--frobnicate'; see 'micsync help backup'"),
        (["trash", "list", "--jsno"], "micsync: unknown option '--jsno'; did you mean '--json'?"),
        (["backup", "--from"], "micsync: missing value for '--from <from>'; see 'micsync help backup'"),
    ])
    func oneLineWithWhatToDo(arguments: [String], expected: String) async throws {
        let box = try Sandbox()
        try box.standard()
        let result = try await box.expectRun(arguments, status: 2)
        #expect(result.stderr == expected + "\n", "\(result)")
        #expect(!result.stderr.contains("USAGE") && !result.stderr.contains("Usage"), "no usage block")
        #expect(result.stdout.isEmpty)
    }

    @Test func theUsageBlockIsHelps() async throws {
        let box = try Sandbox()
        let help = try await box.expectRun(["backup", "--help"], status: 0)
        #expect(help.stdout.contains("USAGE"), "\(help)")
    }

    @Test(arguments: [["-V"], ["--version"]])
    func theVersion(arguments: [String]) async throws {
        let box = try Sandbox()
        let result = try await box.expectRun(arguments, status: 0)
        #expect(result.stdout.first?.isNumber == true, "\(result)")
        #expect(result.lines.count == 1)
    }
}
