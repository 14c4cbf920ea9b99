import Foundation
import TestSupport
import Testing

/// TAB in bash, zsh and fish with the committed scripts: actions, each action's own options, paths, and the
/// live configuration names and locations of the sandbox's config, answered by the built `micsync`.
@Suite struct CompletionTests {
    let sandbox: Sandbox

    init() throws { sandbox = try Sandbox.withTwoConfigurations() }

    @Test(arguments: TestShell.allCases)
    func actionsAtTheRoot(shell: TestShell) async throws {
        let actions = try await sandbox.complete("micsync ", in: shell)
        #expect(Set(actions.candidates).isSuperset(of: ["backup", "work", "transfer", "tree"]), "\(actions)")
        let spellings = try await sandbox.complete("micsync --", in: shell)
        #expect(
            Set(spellings.candidates).isSuperset(of: ["--backup", "--work", "--transfer", "--tree", "--version"]),
            "\(spellings)")
    }

    @Test(arguments: TestShell.allCases)
    func eachActionOffersItsOwnOptions(shell: TestShell) async throws {
        let cases: [(line: String, offered: [String], notOffered: [String])] = [
            ("micsync backup -", ["-m", "-s", "-v", "--config", "--from", "--to"], ["-d", "-D", "--backup"]),
            ("micsync --backup -", ["-m", "--config-name"], ["-d", "-D", "--backup"]),
            ("micsync work -", ["-m", "-d", "-D", "--dry-run"], ["--work"]),
            ("micsync -m --transfer -", ["-d", "-D"], ["-m"]),
            ("micsync tree -", ["-s", "--config"], ["-m", "-d", "-D"]),
        ]
        for (line, offered, notOffered) in cases {
            let completion = try await sandbox.complete(line, in: shell)
            #expect(Set(completion.candidates).isSuperset(of: offered), "\(line)\n\(completion)")
            #expect(Set(completion.candidates).isDisjoint(with: notOffered), "\(line)\n\(completion)")
        }
    }

    @Test(arguments: TestShell.allCases)
    func configurationNames(shell: TestShell) async throws {
        #expect(
            try await sandbox.complete("micsync backup --config-name ", in: shell).candidates.sorted() == [
                "main", "other",
            ])
        #expect(try await sandbox.complete("micsync --work --config-name o", in: shell).candidates == ["other"])
        if shell != .bash {
            let described = try await sandbox.complete("micsync backup --config-name ", in: shell).described
            #expect(described.count == 2, "\(described)")
            #expect(described.allSatisfy { $0.contains(" → ") && $0.contains("BACKUP") }, "its own: \(described)")
            #expect(!described.contains { $0.contains("The configuration to use") }, "no option help: \(described)")
        }
    }

    @Test(arguments: TestShell.allCases)
    func locations(shell: TestShell) async throws {
        // bash shows no descriptions: numbers come once a digit is typed (see LocationCompletionTests).
        let numbers = { (offered: [String]) in shell == .bash ? [] : offered }
        let all = try await sandbox.complete("micsync backup --from ", in: shell)
        #expect(all.candidates.sorted() == (numbers(["0"]) + sandbox.locations("main/w", "other/w")).sorted(), "\(all)")
        let named = try await sandbox.complete("micsync work --config-name other --to ", in: shell)
        #expect(named.candidates.sorted() == (numbers(["0"]) + [sandbox.path("other/w")]).sorted(), "\(named)")
        let holdingPath = try await sandbox.complete("micsync --tree \(sandbox.path("main/w")) --from ", in: shell)
        #expect(
            holdingPath.candidates.sorted()
                == (numbers(["0", "1"]) + sandbox.locations("main/b1", "main/b2")).sorted(),
            "\(holdingPath)")
    }

    @Test(arguments: TestShell.allCases)
    func theConfigMicsyncWouldUse(shell: TestShell) async throws {
        let other = sandbox.path("elsewhere.json")
        try sandbox.configure([("typed", ["other/w"], ["other/b"])], to: other)
        let typed = try await sandbox.complete("micsync backup --config \(other) --config-name ", in: shell)
        #expect(typed.candidates == ["typed"], "\(typed)")
        let fromEnvironment = try await sandbox.complete(
            "micsync backup --config-name ", in: shell,
            environment: ["MICSYNC_CONFIG": other])
        #expect(fromEnvironment.candidates == ["typed"], "\(fromEnvironment)")
    }

    @Test(arguments: TestShell.allCases)
    func filesForPathsAndConfig(shell: TestShell) async throws {
        let inside = try await sandbox.complete("micsync backup \(sandbox.path("main/w/"))", in: shell)
        #expect(inside.names == ["report.txt"], "\(inside)")
        let original = try await sandbox.complete("micsync --backup -m \(sandbox.path("main/w/r"))", in: shell)
        #expect(original.names == ["report.txt"], "\(original)")
        try sandbox.configure([("typed", ["other/w"], ["other/b"])], to: sandbox.path("elsewhere.json"))
        let config = try await sandbox.complete("micsync work --config \(sandbox.path("el"))", in: shell)
        #expect(config.names == ["elsewhere.json"], "\(config)")
    }

    @Test(arguments: TestShell.allCases)
    func aBrokenConfigOffersNothingAndPrintsNothing(shell: TestShell) async throws {
        try sandbox.breakConfig()
        for line in ["micsync backup --config-name ", "micsync --work --from ", "micsync tree --to /"] {
            let completion = try await sandbox.complete(line, in: shell)
            #expect(completion.candidates.isEmpty, "\(line)\n\(completion)")
            #expect(completion.noise.isEmpty, "\(line)\n\(completion)")
        }
    }

    @Test(arguments: TestShell.allCases)
    func noConfigOffersNothingAndPrintsNothing(shell: TestShell) async throws {
        try FileManager.default.removeItem(atPath: sandbox.home + "/.micsync.json")
        let completion = try await sandbox.complete("micsync backup --config-name ", in: shell)
        #expect(completion.candidates.isEmpty, "\(completion)")
        #expect(completion.noise.isEmpty, "\(completion)")
    }

    @Test func zshScriptParses() async throws {
        let result = try await sandbox.run("/usr/bin/env", ["zsh", "-n", Binary.script("_micsync")])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
    }
}
