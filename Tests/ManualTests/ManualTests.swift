import Foundation
import TestSupport
import Testing

/// The committed manual pages in man/ are what `make man` writes from today's command tree, they render
/// without a warning, and micsync's says everything `--help` says and more.
@Suite struct ManualTests {
    static let pages = ["micsync", "micsync-release", "micsync-completions", "micsync-manual"]

    @Test(arguments: pages)
    func committedPageIsCurrent(tool: String) async throws {
        let committed = try String(contentsOfFile: Binary.repository + "/man/\(tool).1", encoding: .utf8)
        // The date is the one `make man` gave (the last commit's); the rest must match today's tree.
        let date = try #require(
            committed.split(separator: "\n").first { $0.hasPrefix(".TH ") }?
                .split(separator: "\"").dropFirst(3).first
        ).replacingOccurrences(of: "\\-", with: "-")
        let binary = tool == "micsync" ? Binary.micsync : Binary.directory + "/" + tool
        let generated = try await Self.run("micsync-manual", ["--date", date, binary])
        #expect(generated.status == 0, "\(generated)")
        #expect(
            committed == generated.stdout,
            """
            man/\(tool).1 is stale: the command tree changed since it was generated. Run `make man` and commit man/.
            """)
    }

    @Test(arguments: pages)
    func pageRendersWithoutWarnings(tool: String) async throws {
        let page = Binary.repository + "/man/\(tool).1"
        let groff = try await Self.run("/usr/bin/env", ["groff", "-man", "-ww", "-z", page])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "\(groff)")
        let man = try await Self.run(
            "/usr/bin/env", ["man", "-l", page], environment: ["LANG": "C.UTF-8", "MANWIDTH": "80"])
        #expect(man.status == 0 && man.stderr.isEmpty, "\(man)")
        #expect(man.stdout.contains("SEE ALSO"), "\(man)")
    }

    @Test func micsyncPageHasTheSectionsHelpHasNot() async throws {
        let man = try await Self.rendered("C.UTF-8")
        for heading in [
            "NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "CONFIGURATION", "ENVIRONMENT",
            "FILES", "SEE ALSO", "REMOTE LOCATIONS (SSH)",
        ] {
            #expect(man.contains(" \(heading) "), "no \(heading) section")
        }
        for text in [
            "143 Interrupted by SIGTERM.", "5 Refused by a safety guard", "MICSYNC_CONFIG", "XDG_CONFIG_HOME",
            "XDG_STATE_HOME", "NO_COLOR", "PAGER", "\"configs\": [", "maxDeletePercent",
            "~/.local/state/micsync/journal.jsonl", "LOCATION/.micsync/trash/TIMESTAMP/",
            "LOCATION/.micsync/partial/", "LOCATION/.micsync/id", "rsync(1)", "user@host:/path", "RSYNC_RSH",
            "Shared connection", "Lock on the host",
        ] {
            #expect(man.contains(text), "the page lacks \(text)")
        }
        #expect(!man.contains("exits 0 on success"))
    }

    /// The help texts' arrows stay: as → in UTF-8 and as -> in ASCII.
    @Test func arrowsOfTheHelpTextStay() async throws {
        #expect(try await Self.rendered("C.UTF-8").contains("the copy always goes WORKING → BACKUP"))
        #expect(try await Self.rendered("C").contains("the copy always goes WORKING -> BACKUP"))
    }

    /// Every command's abstract, every option and every example of `--help` is on the page.
    @Test func pageSaysWhatHelpSays() async throws {
        let man = try await Self.rendered("C.UTF-8")
        let commands = [
            [], ["backup"], ["work"], ["transfer"], ["tree"], ["status"], ["diff"], ["config"],
            ["config", "check"], ["config", "init"], ["trash"], ["trash", "list"], ["trash", "restore"],
            ["trash", "purge"],
        ]
        for command in commands {
            let help = try await Self.run(
                Binary.micsync, command + ["--help"], environment: ["COLUMNS": "1000"])
            #expect(help.status == 0, "\(help)")
            let lines = help.stdout.split(separator: "\n").map(String.init)
            var said: [String] = []
            for line in lines where line.hasPrefix("  -") {
                let spellings = line.split(separator: " ").prefix { $0.hasPrefix("-") }
                said += spellings.flatMap { $0.trimmingCharacters(in: [","]).split(separator: "/").map(String.init) }
            }
            said += lines.filter { $0.hasPrefix("  micsync ") }.map { $0.dropFirst(2).components(separatedBy: "  ")[0] }
            said += lines.filter { $0.hasPrefix("OVERVIEW: ") }.map { String($0.dropFirst(10)) }
            #expect(said.count > 3, "\(help)")
            for text in said {
                #expect(
                    man.contains(text),
                    "`micsync \(command.joined(separator: " ")) --help` says \(text); the page does not")
            }
        }
    }

    @Test func theDateComesFromTheCallerNeverFromToday() async throws {
        let fromEpoch = try await Self.run(
            "micsync-manual", [Binary.micsync], environment: ["SOURCE_DATE_EPOCH": "86400"])
        #expect(fromEpoch.stdout.contains(#".TH "MICSYNC" 1 "1970\-01\-02""#), "\(fromEpoch.stdout.prefix(400))")
        let none = try await Self.run(
            "micsync-manual", [Binary.micsync], environment: ["SOURCE_DATE_EPOCH": ""])
        #expect(none.status != 0 && none.stderr.contains("--date"), "\(none)")
    }

    private static func rendered(_ locale: String) async throws -> String {
        let man = try await Self.run(
            "/usr/bin/env", ["man", "-l", Binary.repository + "/man/micsync.1"],
            environment: ["LANG": locale, "LC_ALL": locale, "MANWIDTH": "100"])
        // Words as they read, whatever the line breaks.
        return man.stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    /// Runs `executable`: a path, or a name in the build directory.
    private static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:])
        async throws
        -> RunResult
    {
        try await Binary.run(
            executable.hasPrefix("/") ? executable : Binary.directory + "/" + executable, arguments,
            directory: Binary.repository, environment: environment)
    }
}
