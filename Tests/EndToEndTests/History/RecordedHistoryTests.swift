import Foundation
import Testing

/// `restore --at` and `versions` against a scripted sequence of real runs, with the truth recorded after each:
/// for every recorded time, a folder restored as it was equals what it was, each file alone brings back its
/// bytes (or is said not to have existed), and `versions` lists exactly the versions there were. On a local
/// BACKUP, on an exFAT disc and on another host (see `RecordedRuns.edits` for what each leaves out).
@Suite(.serialized, .sshServer) struct RecordedHistoryTests {
    @Test func aLocalBackupKeepsEveryRecordedMoment() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        var runs = RecordedRuns(box: box)
        try await runs.run(RecordedRuns.edits())
        try await expectRestoresAndVersions(runs)
        try await expectRestoreIntoTheWorkingCanBeUndone(runs)
    }

    @Test(.enabled(if: DiscImage.available, "\(DiscImage.unavailable ?? "")"))
    func anExfatBackupKeepsEveryRecordedMoment() async throws {
        let box = try Sandbox()
        let disc = try await DiscImage(.exfat, in: box)
        defer { disc.unmount() }
        try box.makeDirectory("w")
        try box.makeDirectory("disc/b")
        try box.configure([("main", ["w"], ["disc/b"])])
        var runs = RecordedRuns(box: box)
        try await runs.run(RecordedRuns.edits(renames: false))
        try await expectRestoresAndVersions(runs)
        try await expectRestoreIntoTheWorkingCanBeUndone(runs)
    }

    @Test func aBackupOnAnotherHostKeepsEveryRecordedMoment() async throws {
        let remote = try RemoteSandbox()
        var runs = RecordedRuns(box: remote.box, environment: remote.ssh.environment)
        try await runs.run(RecordedRuns.edits())
        try await expectRestoresAndVersions(runs)
        try await expectRestoreIntoTheWorkingCanBeUndone(runs)
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")
    }

    /// For each moment: the folder restored into a folder of its own equals the recorded one, and each file
    /// alone comes back with its bytes or is said not to have been there. Then `versions` of each file.
    private func expectRestoresAndVersions(_ runs: RecordedRuns) async throws {
        let box = runs.box
        for (number, moment) in runs.moments.enumerated() {
            let folder = "out/\(number)"
            try box.makeDirectory(folder)
            let restored = try await box.expectRun(
                ["restore", "--at", moment.time, "--to", folder, "w/docs"], environment: runs.environment, status: 0)
            #expect(runs.files(in: folder) == moment.files, "the folder at \(moment.time): \(restored)")
            for (index, path) in runs.paths.enumerated() {
                let one = "one/\(number)-\(index)"
                try box.makeDirectory(one)
                let arguments = ["restore", "--at", moment.time, "--to", one, "w/" + path]
                if let text = moment.files[path] {
                    let result = try await box.expectRun(arguments, environment: runs.environment, status: 0)
                    let name = (path as NSString).lastPathComponent
                    #expect(box.read(one + "/" + name) == text, "\(path) at \(moment.time): \(result)")
                } else if !moment.files.keys.contains(where: { $0.hasPrefix(path + "/") }) {
                    let result = try await box.expectRun(arguments, environment: runs.environment, status: 3)
                    #expect(result.stderr.contains("did not exist at"), "\(path) at \(moment.time): \(result)")
                }
            }
        }
        for path in runs.paths { try await expectVersions(of: path, runs) }
    }

    /// `versions --json` of `path` lists its recorded contents, newest first, each replaced between the
    /// moment it was last seen and the next one, the newest current when it is there at the end.
    private func expectVersions(of path: String, _ runs: RecordedRuns) async throws {
        var expected: [(text: String, lastSeen: Int)] = []
        for (number, moment) in runs.moments.enumerated() {
            guard let text = moment.files[path] else { continue }
            if expected.last?.text == text, expected.last?.lastSeen == number - 1 {
                expected[expected.count - 1].lastSeen = number
            } else {
                expected.append((text, number))
            }
        }
        let result = try await runs.box.expectRun(
            ["versions", "--json", "w/" + path], environment: runs.environment, status: 0)
        // A path that was a folder for a while has the versions of the files it held besides its own.
        let files = try #require(try runs.box.jsonObject(result.stdout)["files"] as? [[String: Any]], "\(result)")
        let file = try #require(files.first { $0["path"] as? String == path }, "\(path): \(result)")
        let versions = try #require(file["versions"] as? [[String: Any]], "\(result)")
        #expect(
            versions.compactMap { $0["size"] as? Int } == expected.reversed().map(\.text.utf8.count),
            "\(path): \(expected): \(result)")
        for (version, truth) in zip(versions, expected.reversed()) {
            let replaced = (version["replaced"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) }
            guard truth.lastSeen + 1 < runs.moments.count else {
                #expect(replaced == nil, "\(path) \(truth.text) is current: \(result)")
                continue
            }
            let seen = try #require(Self.date(runs.moments[truth.lastSeen].time))
            let gone = try #require(Self.date(runs.moments[truth.lastSeen + 1].time))
            #expect(replaced.map { $0 > seen && $0 < gone } == true, "\(path) \(truth.text): \(result)")
        }
    }

    /// A restore into the WORKING keeps what it replaces in the WORKING's trash, leaves what came later
    /// alone, and restoring the time just before it (with -d) undoes it.
    private func expectRestoreIntoTheWorkingCanBeUndone(_ runs: RecordedRuns) async throws {
        let box = runs.box
        let (before, then) = (runs.files(), runs.moments[1])
        RecordedRuns.nextSecond()
        let beforeRestore = RecordedRuns.now()
        RecordedRuns.nextSecond()
        let restored = try await box.expectRun(
            ["restore", "--at", then.time, "-m", "w/docs"], environment: runs.environment, status: 0)
        let later = before.filter { then.files[$0.key] == nil }
        #expect(runs.files() == then.files.merging(later) { old, _ in old }, "\(restored)")
        #expect(!later.isEmpty && restored.stdout.contains("not there then, left alone"), "\(restored)")
        let trash = try #require(box.trashFolders("w").last, "\(restored)")
        for (path, text) in before where then.files[path].map({ $0 != text }) == true {
            #expect(box.read("w/.micsync/trash/\(trash)/\(path)") == text, "\(path) kept: \(restored)")
        }
        let undone = try await box.expectRun(
            ["restore", "--at", beforeRestore, "-m", "-d", "w/docs"], input: "d\n", environment: runs.environment,
            status: 0)
        #expect(runs.files() == before, "\(undone)")
    }

    private static func date(_ local: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.date(from: local)
    }
}
