import Testing

@testable import MicsyncCommands

/// `micsync --backup …` is rewritten to `micsync backup …` before parsing, and nothing else is.
@Suite struct OriginalSpellingTests {
    let actions = ["backup", "work"]

    @Test(arguments: [
        (["--backup", "-m", "x"], ["backup", "-m", "x"]),
        (["-m", "--work", "-d", "x"], ["work", "-m", "-d", "x"]),
        (["--backup", "--work", "x"], ["backup", "--work", "x"]),
        (["backup", "--work", "x"], ["backup", "--work", "x"]),
        (["backup", "--", "--work"], ["backup", "--", "--work"]),
        (["status", "--", "--backup"], ["status", "--", "--backup"]),
        (["--config", "c.json", "status"], ["--config", "c.json", "status"]),
        (["--backups", "x"], ["--backups", "x"]),
        (["backup"], ["backup"]),
    ])
    func rewrite(arguments: [String], expected: [String]) {
        #expect(OriginalSpelling.rewrite(arguments, actions: actions) == expected)
    }

    @Test(arguments: [
        (["--config", "c.json", "status"], ["status", "--config", "c.json"]),
        (["--config-name", "backup", "work", "-d", "x"], ["work", "--config-name", "backup", "-d", "x"]),
        (["--config=c.json", "trash", "list", "-v"], ["trash", "list", "--config=c.json", "-v"]),
        (["--config", "c.json", "--backup", "x"], ["--config", "c.json", "--backup", "x"]),
        (["--config", "c.json", "nosuch"], ["--config", "c.json", "nosuch"]),
        (["--config"], ["--config"]),
        (["status", "--config", "c.json"], ["status", "--config", "c.json"]),
    ])
    func leadingConfigOptionsFollowTheCommand(arguments: [String], expected: [String]) {
        #expect(LeadingConfigOptions.rewrite(arguments) == expected)
    }

    @Test func theRegistryDeclaresTheOriginalsAndOnlyThem() {
        #expect(Registry.originalSpellings.starts(with: ["backup", "work", "transfer", "tree"]))
        #expect(!Registry.originalSpellings.contains("config") && !Registry.originalSpellings.contains("status"))
    }
}
