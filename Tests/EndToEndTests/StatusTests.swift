import Foundation
import Testing

/// `micsync status`: locations, free space, last backup from the journal, pending changes.
@Suite struct StatusTests {
    /// A configuration whose second BACKUP is unplugged (its directory does not exist).
    private func unpluggedSandbox() throws -> Sandbox {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "unplugged"])])
        return box
    }

    private func locations(_ document: [String: Any]) throws -> [[String: Any]] {
        let configurations = try #require(document["configurations"] as? [[String: Any]])
        return try #require(configurations.first?["locations"] as? [[String: Any]])
    }

    @Test func showsAnUnpluggedBackupAndNeverBackedUp() async throws {
        let box = try unpluggedSandbox()
        let result = try await box.expectRun(["status"], status: 0)
        #expect(result.stdout.contains("  ROLE     #  PATH"), "a header row: \(result)")
        #expect(result.stdout.contains("STATE           FREE     LAST BACKUP"), "\(result)")
        #expect(result.stdout.contains("BACKUP   0  \(box.path("b1"))"), "\(result)")
        #expect(result.stdout.contains("not accessible"))
        #expect(result.stdout.contains("does not exist yet"), "why: \(result)")
        #expect(result.stdout.contains("create it with `mkdir \(box.path("unplugged"))`"), "\(result)")
        #expect(result.stdout.contains("              ext4\n"), "the filesystem, under PATH: \(result)")
        #expect(result.stdout.components(separatedBy: "never").count == 3, "\(result)")

        let json = try box.jsonObject(try await box.expectRun(["status", "--json"], status: 0).stdout)
        let rows = try locations(json)
        #expect(rows.map { $0["role"] as? String } == ["WORKING", "BACKUP", "BACKUP"])
        #expect(rows.map { $0["accessible"] as? Bool } == [true, true, false])
        #expect(rows.map { $0["state"] as? String } == ["accessible", "accessible", "does not exist yet"])
        #expect((rows[1]["filesystem"] as? [String: Any])?["type"] as? String == "ext4")
        #expect(rows[2]["filesystem"] is NSNull)
        #expect((rows[1]["freeBytes"] as? Int ?? 0) > 0)
        #expect(rows[2]["freeBytes"] is NSNull)
        #expect(rows[1]["lastBackup"] is NSNull && rows[2]["lastBackup"] is NSNull)
        #expect(rows[0]["lastBackup"] == nil)
    }

    @Test func showsTheLastSuccessfulBackupFromTheJournal() async throws {
        let box = try unpluggedSandbox()
        try box.write("a", at: "w/a")
        try await box.expectRun(["backup", "w"], status: 0)

        let result = try await box.expectRun(["status"], status: 0)
        #expect(result.stdout.contains("just now"), "\(result)")
        #expect(result.stdout.contains("never"), "the unplugged one: \(result)")

        let rows = try locations(try box.jsonObject(try await box.expectRun(["status", "--json"], status: 0).stdout))
        let when = try #require(rows[1]["lastBackup"] as? String)
        let date = try #require(ISO8601DateFormatter().date(from: when))
        #expect(abs(date.timeIntervalSinceNow) < 120)
        #expect(rows[2]["lastBackup"] is NSNull)
    }

    @Test func countsPendingChangesPerBackup() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("same", at: "w/same")
        try box.write("new", at: "w/docs/new")
        try box.write("changed here", at: "w/docs/changed")
        try await box.expectRun(["backup", "w"], status: 0)
        try box.write("changed there, longer", at: "b1/docs/changed")
        try box.write("stray", at: "b1/docs/stray")
        try FileManager.default.removeItem(atPath: box.path("b2/docs/new"))

        let result = try await box.expectRun(["status", "--changes"], status: 0)
        #expect(result.stdout.contains("0 new, 1 modified, 1 only in BACKUP"), "\(result)")
        #expect(result.stdout.contains("1 new, 0 modified, 0 only in BACKUP"), "\(result)")

        let rows = try locations(
            try box.jsonObject(try await box.expectRun(["status", "--changes", "--json", "w/docs"], status: 0).stdout))
        let pending = try #require(rows[1]["pending"] as? [String: Any])
        #expect(pending["modified"] as? Int == 1 && pending["onlyInBackup"] as? Int == 1 && pending["new"] as? Int == 0)
        #expect(pending["comparedWith"] as? String == box.path("w"))
        #expect(box.read("b1/docs/changed") == "changed there, longer", "status changes nothing")
    }

    @Test func pathSelectsItsConfiguration() async throws {
        let box = try Sandbox()
        for name in ["w", "b", "x", "y"] { try box.makeDirectory(name) }
        try box.configure([("first", ["w"], ["b"]), ("second", ["x"], ["y"])])
        let all = try await box.expectRun(["status"], status: 0)
        #expect(all.stdout.contains("first") && all.stdout.contains("second"))
        let one = try await box.expectRun(["status", "x"], status: 0)
        #expect(one.stdout.contains("second") && !one.stdout.contains("first"), "\(one)")
        let named = try await box.expectRun(["status", "--config-name", "first"], status: 0)
        #expect(named.stdout.contains("first") && !named.stdout.contains("second"))
        let unknown = try await box.expectRun(["status", "--config-name", "third"], status: 2)
        #expect(unknown.stderr.contains("\"first\", \"second\""), "\(unknown)")
        try await box.expectRun(["status", "elsewhere"], status: 3)
    }

    @Test func longPathsAreElidedToFitTheTerminalAndWholeWhenPiped() async throws {
        let box = try Sandbox()
        let long = "w/" + String(repeating: "a-rather-long-folder-name/", count: 4) + "end"
        try box.makeDirectory(long)
        try box.makeDirectory("b")
        try box.configure([("main", [long], ["b"])])
        let terminal = try await box.expectRunInTerminal(
            ["status", "--color", "never"], environment: ["COLUMNS": "80"], status: 0)
        let lines = terminal.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(terminal)")
        #expect(terminal.stdout.contains("…") && terminal.stdout.contains("folder-name/end  accessible"), "\(terminal)")
        let piped = try await box.expectRun(["status"], environment: ["COLUMNS": "80"], status: 0)
        #expect(piped.stdout.contains(box.path(long) + "  accessible"), "never cut when piped: \(piped)")
    }

    /// Two discs whose paths differ only in the middle never read alike, however narrow the terminal.
    @Test func pathsThatDifferInTheMiddleStayApartWhenCut() async throws {
        let box = try Sandbox()
        let (one, two) = (
            "media/a-very-long-disc-name-A/Backups/Documents", "media/a-very-long-disc-name-B/Backups/Documents"
        )
        for name in ["w", one, two] { try box.makeDirectory(name) }
        try box.configure([("main", ["w"], [one, two])])
        for columns in ["50", "80"] {
            let result = try await box.expectRunInTerminal(
                ["status", "--color", "never"], environment: ["COLUMNS": columns], status: 0)
            let rows = result.stdout.split(whereSeparator: \.isNewline).filter { $0.contains("BACKUP  ") }.map {
                String($0.split(separator: " ", omittingEmptySubsequences: true)[2])
            }
            #expect(rows.count == 2 && rows[0] != rows[1], "\(columns) columns: \(result)")
            #expect(rows.first?.contains("-A/") == true && rows.last?.contains("-B/") == true, "\(result)")
        }
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() async throws {
        let box = try unpluggedSandbox()
        let terminal = try await box.expectRunInTerminal(["status"], environment: ["NO_COLOR": ""], status: 0)
        #expect(terminal.stdout.contains("\u{1B}[31mnot accessible\u{1B}[0m"), "\(terminal)")
        let noColor = try await box.expectRunInTerminal(["status"], environment: ["NO_COLOR": "1"], status: 0)
        #expect(noColor.stdout.contains("not accessible") && !noColor.stdout.contains("\u{1B}["), "\(noColor)")
        let piped = try await box.expectRun(["status"], environment: ["NO_COLOR": ""], status: 0)
        #expect(!piped.stdout.contains("\u{1B}["), "\(piped)")
    }
}

/// Whether a configuration keeps extended attributes and ACLs, as `status` and `config show` say it.
@Suite struct ExtendedMetadataStatusTests {
    @Test(arguments: [("", "no xattrs or ACLs kept", false), (", \"xattrs\": true", "keeps xattrs, not ACLs", true)])
    func statusAndConfigShowSayWhetherXattrsAreKept(extra: String, words: String, xattrs: Bool) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: extra)
        let status = try await box.expectRun(["status"], status: 0)
        #expect(status.stdout.contains("main  (\(words))"), "\(status)")
        let json = try box.jsonObject(try await box.expectRun(["status", "--json"], status: 0).stdout)
        let configuration = try #require((json["configurations"] as? [[String: Any]])?.first)
        #expect(configuration["xattrs"] as? Bool == xattrs && configuration["acls"] as? Bool == false)
        let show = try await box.expectRun(["config", "show"], status: 0)
        #expect(show.stdout.contains(words), "\(show)")
    }

    @Test func aKeyThatIsNoBooleanIsAConfigurationError() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"acls\": \"yes\"")
        let result = try await box.expectRun(["config", "check"], status: 2)
        #expect(result.stdout.contains("configs[0].acls") || result.stderr.contains("configs[0].acls"), "\(result)")
    }
}
