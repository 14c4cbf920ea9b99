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
        (["backup", "--bwlimit", "abc", "w"], "micsync: --bwlimit: abc \(notARate)"),
        (["backup", "--bwlimit", "1e99", "w"], "micsync: --bwlimit: 1e99 \(notARate)"),
        (["backup", "--bwlimit", "-1", "w"], "micsync: --bwlimit: -1 \(notARate)"),
        (
            ["backup", "--bwlimit=100b", "w"],
            "micsync: --bwlimit: 100b is too small; give at least 512 bytes per second, or 0 for no limit"
        ),
        (
            ["backup", "--bwlimit", "8192P", "w"],
            "micsync: --bwlimit: 8192P is too large; give less than 8 EiB per second, or 0 for no limit"
        ),
    ])
    func oneLineWithWhatToDo(arguments: [String], expected: String) async throws {
        let box = try Sandbox()
        try box.standard()
        let result = try await box.expectRun(arguments, status: 2)
        #expect(result.stderr == expected + "\n", "\(result)")
        #expect(!result.stderr.contains("USAGE") && !result.stderr.contains("Usage"), "no usage block")
        #expect(result.stdout.isEmpty)
    }

    private static let notARate =
        "is not a rate; give a number of KiB per second, with a suffix or not (500, 1.5M, 2G; 0 for no limit)"

    /// rsync's own grammar: a fraction, a suffix with B (1000) or iB (1024), a +1 or -1 after.
    @Test func everyRateRsyncTakesIsTaken() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for rate in ["0", "500", "1.5M", ".5m", "5MB", "5MiB", "2g", "1T", "5m+1", "8191P"] {
            let result = try await box.expectRun(
                ["backup", "-n", "--print-commands", "--bwlimit", rate, "w"], status: 0, "\(rate)")
            #expect(result.stdout.contains(" --bwlimit=\(rate) "), "given to rsync as it is: \(result)")
        }
    }

    /// A pattern that starts with `-` is the option's value, as rsync takes it.
    @Test func anExcludePatternMayStartWithADash() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for name in ["-x", "keep"] { try box.write(name, at: "w/\(name)") }
        try await box.expectRun(["backup", "--exclude", "-x", "w"], status: 0)
        #expect(box.tree("b1") == ["keep"])
    }

    /// `-v` beside `--json`: the document alone on stdout, the rsync commands on stderr.
    @Test func verboseJSONIsJSON() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("x", at: "w/x")
        let result = try await box.expectRun(["backup", "-n", "--json", "-v", "w"], status: 0)
        _ = try box.jsonObject(result.stdout)
        #expect(result.stderr.contains("rsync ") && result.stderr.contains("--dry-run"), "\(result)")
    }

    @Test func theUsageBlockIsHelps() async throws {
        let box = try Sandbox()
        let help = try await box.expectRun(["backup", "--help"], status: 0)
        #expect(help.stdout.contains("USAGE"), "\(help)")
    }

    @Test(arguments: [["-V"], ["--version"], ["backup", "-V"], ["trash", "list", "--version"]])
    func theVersion(arguments: [String]) async throws {
        let box = try Sandbox()
        let result = try await box.expectRun(arguments, status: 0)
        #expect(result.stdout.first?.isNumber == true, "\(result)")
        #expect(result.lines.count == 1)
    }
}
