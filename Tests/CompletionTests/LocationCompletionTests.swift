import Foundation
import TestSupport
import Testing

/// `--from`/`--to` by the action's direction, with numbers, descriptions and unplugged locations; names
/// with spaces typed escaped or quoted; `help`, `trash restore` and `adopt`.
@Suite struct LocationCompletionTests {
    let sandbox: Sandbox

    init() throws { sandbox = try Sandbox.withTwoConfigurations() }

    /// Each action's `--from` and `--to` offer the numbers and paths of one role only (main: WORKING w,
    /// BACKUPs b1 and b2), in both spellings.
    @Test(arguments: TestShell.allCases)
    func eachOptionOffersTheRoleOfTheAction(shell: TestShell) async throws {
        let working = ["0", sandbox.path("main/w")]
        let backups = ["0", "1", sandbox.path("main/b1"), sandbox.path("main/b2")]
        let cases: [(line: String, expected: [String])] = [
            ("micsync backup --config-name main --from ", working),
            ("micsync backup --config-name main --to ", backups),
            ("micsync --backup --config-name main --to ", backups),
            ("micsync work --config-name main --from ", backups),
            ("micsync work --config-name main --to ", working),
            ("micsync --work -m --config-name main --from ", backups),
            ("micsync transfer --config-name main --from ", backups),
            ("micsync transfer --config-name main --to ", backups),
            ("micsync tree --config-name main --from ", backups),
            ("micsync tree --config-name main --to ", working),
        ]
        for (line, expected) in cases {
            let completion = try await sandbox.complete(line, in: shell)
            // bash shows no descriptions: its numbers come only once a digit is typed.
            let offered = shell == .bash ? expected.filter { !$0.allSatisfy(\.isNumber) } : expected
            #expect(completion.candidates.sorted() == offered.sorted(), "\(line)\n\(completion)")
            #expect(completion.noise.isEmpty, "\(line)\n\(completion)")
        }
        let digit = try await sandbox.complete("micsync work --config-name main --from 1", in: shell)
        #expect(digit.candidates == ["1"], "\(digit)")
    }

    /// zsh and fish describe a number by its path and a path by its role and number; a location that cannot
    /// be used now is still offered, marked: unplugged (micsync wrote there, the folder is gone), a bare mount
    /// point (the folder is there, micsync's marker is not), or a new one.
    @Test(arguments: [TestShell.zsh, .fish])
    func candidatesAreDescribedAndUnusableOnesMarked(shell: TestShell) async throws {
        try sandbox.makeDirectory("main/b3")
        try sandbox.configure([("main", ["main/w"], ["main/b1", "main/b2", "main/b3", "main/b4"])])
        let backup = try await sandbox.run(["backup", sandbox.path("main/w")])
        #expect(backup.status == 0, "\(backup)")
        try FileManager.default.removeItem(atPath: sandbox.path("main/b2"))
        try FileManager.default.removeItem(atPath: sandbox.path("main/b3/.micsync/id"))
        let completion = try await sandbox.complete("micsync work --config-name main --from ", in: shell)
        let b1 = sandbox.path("main/b1"), b2 = sandbox.path("main/b2"), b3 = sandbox.path("main/b3"),
            b4 = sandbox.path("main/b4")
        let bareMountPoint = "(not mounted? (its micsync marker is missing))"
        #expect(
            Set(completion.described) == [
                "0 -- \(b1)", "1 -- \(b2) (unplugged)", "2 -- \(b3) \(bareMountPoint)",
                "3 -- \(b4) (does not exist yet)",
                "\(b1) -- BACKUP 0", "\(b2) -- BACKUP 1 (unplugged)", "\(b3) -- BACKUP 2 \(bareMountPoint)",
                "\(b4) -- BACKUP 3 (does not exist yet)",
            ], "\(completion)")
    }

    /// A BACKUP on a host that cannot be reached (nothing listens on port 1) is offered by its spelling and
    /// described by its host, without asking it: its reason would say it could not be reached.
    @Test(arguments: TestShell.allCases)
    func aRemoteLocationIsOfferedWithoutAskingItsHost(shell: TestShell) async throws {
        let nas = "ssh://127.0.0.1:1/srv/backup"
        try sandbox.write(
            #"{"configs": [{"name": "main", "work": ["\#(sandbox.path("main/w"))"], "#
                + #""backup": ["\#(sandbox.path("main/b1"))", "\#(nas)"]}]}"#,
            to: sandbox.configFile)
        try sandbox.makeDirectory("main/b1/.micsync/trash/20261124T213005Z")
        let completion = try await sandbox.complete("micsync work --from ", in: shell)
        let b1 = sandbox.path("main/b1")
        #expect(Set(completion.candidates) == Set((shell == .bash ? [] : ["0", "1"]) + [b1, nas]), "\(completion)")
        if shell != .bash {
            #expect(
                Set(completion.described) == [
                    "0 -- \(b1)", "1 -- \(nas) (on 127.0.0.1)", "\(b1) -- BACKUP 0",
                    "\(nas) -- BACKUP 1 (on 127.0.0.1)",
                ], "\(completion)")
        }
        let trash = try await sandbox.complete("micsync trash restore ", in: shell)
        #expect(trash.candidates == ["20261124T213005Z"], "\(trash)")
        #expect(try await sandbox.complete("micsync adopt ", in: shell).candidates.isEmpty)
    }

    /// bash has no descriptions: it lists the full paths (not only their last folder), and no bare numbers
    /// among them; a digit typed completes as a number.
    @Test func bashListsFullPaths() async throws {
        let completion = try await sandbox.complete("micsync work --config-name main --from ", in: .bash)
        #expect(Set(completion.shown) == Set(sandbox.locations("main/b1", "main/b2")), "\(completion)")
        let unique = try await sandbox.complete(
            "micsync work --config-name main --to \(sandbox.path("main/"))", in: .bash)
        #expect(unique.line == "micsync work --config-name main --to \(sandbox.path("main/w")) ", "\(unique)")
    }

    /// A configuration named `Photo archive` whose locations have spaces in their paths.
    private func writeSpacedConfig() throws {
        for folder in ["Photo work", "disc A", "disc B"] { try sandbox.makeDirectory(folder) }
        try sandbox.configure([
            ("Photo archive", ["Photo work"], ["disc A", "disc B"]), ("other", ["other/w"], ["other/b"]),
        ])
    }

    @Test(arguments: TestShell.allCases)
    func namesWithSpacesTypedEscapedOrQuoted(shell: TestShell) async throws {
        try writeSpacedConfig()
        let backups = (shell == .bash ? [] : ["0", "1"]) + [sandbox.path("disc A"), sandbox.path("disc B")]
        for name in [#"Photo\ archive"#, #""Photo archive""#, "'Photo archive'"] {
            let completion = try await sandbox.complete("micsync work --config-name \(name) --from ", in: shell)
            #expect(Set(completion.candidates.map(Self.unescaped)) == Set(backups), "\(name)\n\(completion)")
            #expect(completion.noise.isEmpty, "\(name)\n\(completion)")
        }
        let name = try await sandbox.complete("micsync backup --config-name Pho", in: shell)
        #expect(name.candidates == [shell == .fish ? "Photo archive" : #"Photo\ archive"#], "\(name)")
    }

    /// What bash puts on the line: escaped after an unquoted start, closed quotes after an opening quote.
    @Test func bashInsertsNamesWithSpacesReadyToRun() async throws {
        try writeSpacedConfig()
        let escaped = try await sandbox.complete(#"micsync backup --config-name Photo\ a"#, in: .bash)
        #expect(escaped.line == #"micsync backup --config-name Photo\ archive "#, "\(escaped)")
        let quoted = try await sandbox.complete(#"micsync backup --config-name "Photo a"#, in: .bash)
        #expect(quoted.line == #"micsync backup --config-name "Photo archive" "#, "\(quoted)")
        let work = sandbox.path("Photo work")
        let path = try await sandbox.complete(
            #"micsync backup --config-name 'Photo archive' --from "#
                + work.dropLast(3).replacingOccurrences(of: " ", with: #"\ "#), in: .bash)
        #expect(
            path.line == #"micsync backup --config-name 'Photo archive' --from "#
                + work.replacingOccurrences(of: " ", with: #"\ "#) + " ",
            "\(path)")
        let quotedPath = try await sandbox.complete(
            #"micsync backup --config-name 'Photo archive' --from ""# + work.dropLast(3), in: .bash)
        #expect(
            quotedPath.line == #"micsync backup --config-name 'Photo archive' --from ""# + work + #"" "#,
            "\(quotedPath)")
    }

    @Test(arguments: TestShell.allCases)
    func helpOffersTheActions(shell: TestShell) async throws {
        let completion = try await sandbox.complete("micsync help ", in: shell)
        #expect(
            Set(completion.candidates).isSuperset(of: [
                "backup", "work", "transfer", "tree", "status", "diff", "config", "trash",
            ]),
            "\(completion)")
        #expect(
            try await sandbox.complete("micsync help tr", in: shell).candidates.sorted() == [
                "transfer", "trash", "tree",
            ])
    }

    @Test(arguments: TestShell.allCases)
    func trashRestoreOffersTheTrashTimestamps(shell: TestShell) async throws {
        for (location, timestamp) in [
            ("main/b1", "20261124T213005Z"), ("main/b2", "20261124T213005Z"),
            ("main/w", "20261126T080000Z"), ("other/b", "20261101T000000Z"),
        ] {
            try sandbox.makeDirectory(location + "/.micsync/trash/" + timestamp)
        }
        try sandbox.makeDirectory("main/b1/.micsync/trash/not-a-run")
        let all = try await sandbox.complete("micsync trash restore ", in: shell)
        let newestFirst = ["20261126T080000Z", "20261124T213005Z", "20261101T000000Z"]
        #expect(all.candidates == newestFirst, "\(all)")
        if shell == .bash { #expect(all.shown == newestFirst, "listed newest first, as offered: \(all)") }
        if shell == .zsh {
            let listed = all.described.map { String($0.prefix { $0 != " " }) }
            #expect(listed == newestFirst, "listed newest first, as offered: \(all)")
        }
        let other = try await sandbox.complete("micsync trash restore --config-name other ", in: shell)
        #expect(other.candidates == ["20261101T000000Z"], "\(other)")
        if shell != .bash {
            let b1 = sandbox.path("main/b1"), b2 = sandbox.path("main/b2")
            #expect(all.described.contains("20261124T213005Z -- BACKUP \(b1), BACKUP \(b2)"), "\(all)")
        }
        let location = try await sandbox.complete("micsync trash restore --config-name main --location ", in: shell)
        #expect(
            location.candidates.sorted() == sandbox.locations("main/w", "main/b1", "main/b2").sorted(), "\(location)")
    }

    /// `restore --at` offers the second before each run that filled a trash folder, in local time, newest
    /// first; `restore --from` the locations by path.
    @Test(arguments: TestShell.allCases)
    func restoreOffersTheTimesBeforeEachTrashFolderAndTheLocations(shell: TestShell) async throws {
        for (location, timestamp) in [("main/b1", "20261124T213005Z"), ("main/w", "20261126T080000Z")] {
            try sandbox.makeDirectory(location + "/.micsync/trash/" + timestamp)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        let times = [1_795_680_000 - 1, 1_795_555_805 - 1].map {
            formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0)))
        }
        let at = try await sandbox.complete("micsync restore --config-name main --at ", in: shell)
        #expect(at.candidates == times, "\(at)")
        if shell != .bash {
            #expect(
                at.described.contains("\(times[1]) -- before the run that changed BACKUP \(sandbox.path("main/b1"))"),
                "\(at)")
        }
        let from = try await sandbox.complete("micsync restore --config-name main --from ", in: shell)
        #expect(from.candidates.sorted() == sandbox.locations("main/w", "main/b1", "main/b2").sorted(), "\(from)")
    }

    /// `adopt` offers only the locations whose marker is missing, described by role and reason.
    @Test(arguments: TestShell.allCases)
    func adoptOffersTheLocationsMissingTheirMarker(shell: TestShell) async throws {
        let backup = try await sandbox.run(["backup", sandbox.path("main/w")])
        #expect(backup.status == 0, "\(backup)")
        try FileManager.default.removeItem(atPath: sandbox.path("main/b2/.micsync/id"))
        let completion = try await sandbox.complete("micsync adopt ", in: shell)
        #expect(completion.candidates.map(Self.unescaped) == [sandbox.path("main/b2")], "\(completion)")
        if shell != .bash {
            #expect(
                completion.described == [
                    "\(sandbox.path("main/b2")) -- BACKUP 1 (not mounted? (its micsync marker is missing))"
                ],
                "\(completion)")
        }
        let adopted = try await sandbox.run(["adopt", sandbox.path("main/b2")])
        #expect(adopted.status == 0, "\(adopted)")
        #expect(try await sandbox.complete("micsync adopt ", in: shell).candidates.isEmpty)
    }

    private static func unescaped(_ candidate: String) -> String {
        candidate.replacingOccurrences(of: #"\ "#, with: " ")
    }
}
