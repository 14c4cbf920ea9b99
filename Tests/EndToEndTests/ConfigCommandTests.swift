import Foundation
import Testing

/// `micsync config check|show|path|init` against real files in a temporary HOME.
@Suite struct ConfigCommandTests {
    @Test func checkAcceptsAGoodFile() async throws {
        let box = try Sandbox()
        try box.standard(extra: #", "exclude": ["*.tmp"], "trash": false, "maxDeletePercent": 10"#)
        let result = try await box.expectRun(["config", "check"], status: 0)
        #expect(result.stdout == "\(box.configFile): OK, 1 configuration\n")
    }

    /// Each kind of bad file: exit 2 and the problem named with its place.
    @Test(arguments: [
        (#"{"configs": [{"name": "a", "work": ["w"],, "backup": ["b"]}]}"#, ["line 1, column", "invalid JSON"]),
        (
            #"{"configs": [{"name": "a", "work": ["w"], "backup": ["b"], "trsh": true}]}"#,
            [#"configs[0]: unknown key "trsh"; did you mean "trash"?"#]
        ),
        (#"{"configs": [{"name": "a", "work": ["w"]}]}"#, [#"configs[0]: missing "backup""#]),
        (#"{"configs": [{"name": 7, "work": ["w"], "backup": ["b"]}]}"#, ["configs[0].name: must be a string"]),
        (#"{"configs": [{"name": "a", "work": [], "backup": ["b"]}]}"#, ["configs[0].work: the list is empty"]),
        (
            #"{"configs": [{"name": "a", "work": ["w"], "backup": ["b"]}, {"name": "a", "work": ["x"], "backup": ["y"]}]}"#,
            [#"configs[1].name: "a" is already the name of configs[0]"#]
        ),
        (#"{"configs": [{"name": "a", "work": ["w"], "backup": ["w/b"]}]}"#, ["configs[0]: work[0]", "overlaps"]),
        (
            #"{"configs": [{"name": "a", "work": ["w"], "backup": ["b"], "maxDeletePercent": 200}]}"#,
            ["configs[0].maxDeletePercent: must be a number from 0 to 100"]
        ),
        (#"["w", "b"]"#, ["must hold an object"]),
        (
            #"{"configs": [{"name": "a, ]", "work": ["/a",], "backup": ["b"]}]}"#,
            ["line 1, column 44", "invalid JSON: a comma before a closing bracket"]
        ),
    ])
    func checkNamesEveryProblemWithItsPlace(contents: String, expected: [String]) async throws {
        let box = try Sandbox()
        try box.write(contents, to: box.configFile)
        let result = try await box.expectRun(["config", "check"], status: 2)
        for text in expected { #expect(result.stdout.contains(text), "\(text) in \(result)") }
        #expect(result.stdout.contains(box.configFile))
        #expect(result.stderr.contains("problem"))
    }

    @Test func checkListsAllProblemsAtOnce() async throws {
        let box = try Sandbox()
        try box.write(#"{"configs": [{"nam": "a", "work": 3, "backup": ["b"], "exclude": [1]}]}"#, to: box.configFile)
        let result = try await box.expectRun(["config", "check"], status: 2)
        #expect(result.stdout.split(separator: "\n").count == 4, "\(result)")
        #expect(result.stderr.contains("4 problems"))
    }

    @Test func checkWithoutAFileSaysWhereItLooked() async throws {
        let box = try Sandbox()
        let result = try await box.expectRun(["config", "check"], status: 2)
        #expect(result.stderr.contains("micsync config init"))
        #expect(result.stderr.contains(box.home + "/.config/micsync/config.json"))
    }

    @Test func initWritesAValidStarterOnceAndNeverOverwrites() async throws {
        let box = try Sandbox()
        let target = box.home + "/.config/micsync/config.json"
        let first = try await box.expectRun(["config", "init"], status: 0)
        #expect(first.stdout.contains("wrote \(target)"))
        #expect(first.stdout.contains("maxDeletePercent") && first.stdout.contains("remind"), "\(first)")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.contains(#""remind": "7d""#), "a new setup is reminded of a stale BACKUP: \(written)")
        try await box.expectRun(["config", "check"], status: 0)

        try box.write(written + " ", to: target)
        let second = try await box.expectRun(["config", "init"], status: 2)
        #expect(second.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == written + " ")
    }

    @Test func initNeverShadowsTheOriginalsFile() async throws {
        let box = try Sandbox()
        try box.standard()
        let result = try await box.expectRun(["config", "init"], status: 2)
        #expect(result.stderr.contains("already in use: \(box.configFile)"))
        #expect(!FileManager.default.fileExists(atPath: box.home + "/.config/micsync/config.json"))

        try await box.expectRun(["config", "init", "--config", "other.json"], status: 0)
        #expect(box.exists("other.json"))
    }

    /// A file that cannot be written is a failure (exit 1), not a usage error.
    @Test func initThatCannotWriteFailsWithOneLine() async throws {
        let box = try Sandbox()
        try box.write("a file, not a folder", at: "blocker")
        let result = try await box.expectRun(["config", "init", "--config", "blocker/config.json"], status: 1)
        #expect(
            result.stderr == "micsync: \(box.path("blocker/config.json")) cannot be created: Not a directory\n",
            "\(result)")
    }

    @Test func pathTellsWhichFileAndWhy() async throws {
        let box = try Sandbox()
        try box.standard()
        let result = try await box.expectRun(["config", "path"], status: 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == box.configFile)
        #expect(result.stdout.contains("in use: the original micsync's config file"))
        #expect(
            lines.contains {
                $0.hasPrefix("  missing")
                    && $0.hasSuffix("\(box.home)/.config/micsync/config.json (the XDG config path)")
            },
            "\(result)")

        try box.write("{}", at: "env.json")
        let fromEnvironment = try await box.expectRun(
            ["config", "path"], environment: ["MICSYNC_CONFIG": box.path("env.json")], status: 0)
        #expect(fromEnvironment.stdout.hasPrefix(box.path("env.json") + "\nin use: named by $MICSYNC_CONFIG"))
        #expect(
            fromEnvironment.stdout.contains("exists, not used  \(box.configFile) (the original"), "\(fromEnvironment)")
    }

    @Test func showResolvesPathsAndTellsWhatIsAccessible() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        try box.write(
            #"{"configs": [{"name": "main", "work": ["w/"], "backup": ["b1", "unplugged"]}]}"#, at: "cfg/c.json")
        let result = try await box.expectRun(["config", "show", "--config", "cfg/../cfg/c.json"], status: 0)
        #expect(result.stdout.contains("WORKING  0  \(box.path("cfg/w"))"), "relative to the config file: \(result)")
        try box.write(
            #"{"configs": [{"name": "main", "work": ["../w/"], "backup": ["../b1", "../unplugged"]}]}"#,
            at: "cfg/c.json")
        let resolved = try await box.expectRun(["config", "show", "--config", "cfg/c.json"], status: 0)
        let rows = resolved.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true)
        }
        #expect(rows.contains(["WORKING", "0", "\(box.path("w"))", "accessible"]), "\(resolved)")
        #expect(rows.contains(["BACKUP", "1", "\(box.path("unplugged"))", "not", "accessible"]), "\(resolved)")
        #expect(resolved.stdout.contains("trash: on"))
    }
}
