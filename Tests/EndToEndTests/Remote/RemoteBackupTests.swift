import Foundation
import Testing

/// A BACKUP on another host, reached over ssh through a real OpenSSH server on 127.0.0.1.
@Suite(.sshServer) struct RemoteBackupTests {
    @Test func backupToARemoteBackupThenASecondRunHasNothingToDo() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("report", at: "w/docs/report.txt")
        try box.write("photo", at: "w/photo.jpg")
        let first = try await remote.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.read("nas/docs/report.txt") == "report", "\(first)")
        #expect(box.read("nas/photo.jpg") == "photo")
        #expect(box.exists("nas/.micsync/id"), "the host carries the marker")
        #expect(!box.exists("nas/.micsync/lock.d"), "the lock is let go")
        #expect(remote.ssh.logins == 1, "one login per run: \(remote.ssh.logins)")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")

        let second = try await remote.expectRun(["backup", "w"], status: 0)
        #expect(second.stdout.contains("nothing to do"), "\(second)")
        #expect(box.read("nas/docs/report.txt") == "report")
        #expect(remote.ssh.logins == 2, "one more login: \(remote.ssh.logins)")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")
    }

    @Test func rsyncOverSshCarriesATimeoutForAStalledLink() async throws {
        let remote = try RemoteSandbox()
        try remote.box.write("a", at: "w/a")
        let result = try await remote.expectRun(["backup", "-m", "--print-commands", "w"], status: 0)
        let commands = result.stdout.split(separator: "\n").filter { $0.contains("rsync") && $0.contains(" -e ") }
        #expect(commands.count == 3, "the plan, the creating pass and the root's own time: \(result)")
        #expect(commands.allSatisfy { $0.contains(" --timeout=120 ") }, "\(result)")
        #expect(remote.box.read("nas/a") == "a")
    }

    @Test func overwrittenFilesGoToTheHostsTrash() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("old", at: "w/notes.txt")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try box.write("new text", at: "w/notes.txt")
        try box.touch("w/notes.txt", secondsAgo: -5)
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.read("nas/notes.txt") == "new text", "\(result)")
        let trash = (try? FileManager.default.contentsOfDirectory(atPath: box.path("nas/.micsync/trash"))) ?? []
        #expect(trash.count == 1 && box.read("nas/.micsync/trash/\(trash.first ?? "")/notes.txt") == "old", "\(trash)")
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: box.path("nas/.micsync/tmp"))) ?? []).isEmpty,
            "no temporary file left on the host")

        let timestamp = try #require(trash.first)
        let list = try await remote.expectRun(["trash", "list"], status: 0)
        #expect(list.stdout.contains(timestamp) && list.stdout.contains("1 file"), "\(list)")
        let files = try await remote.expectRun(["trash", "list", timestamp], status: 0)
        #expect(files.stdout.contains("notes.txt"), "\(files)")
        let purge = try await remote.expectRun(["trash", "purge", "--yes"], status: 0)
        #expect(purge.stdout.contains("deleted 1 trash folder"), "\(purge)")
        #expect(!box.exists("nas/.micsync/trash/\(timestamp)"), "purged on the host")
        #expect(box.read("nas/notes.txt") == "new text", "the data stays")
    }

    @Test func workFromATypedRemotePath() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("one", at: "w/photos/2024/a.jpg")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try box.write("two", at: "nas/photos/2024/b.jpg")
        try box.write("elsewhere", at: "nas/other.txt")
        let result = try await remote.expectRun(["work", "-m", remote.remote("nas/photos/2024")], status: 0)
        #expect(box.read("w/photos/2024/b.jpg") == "two", "\(result)")
        #expect(!box.exists("w/other.txt"), "only the typed path: \(result)")
        let missing = try await remote.expectRun(["work", "-m", remote.remote("nas/photos/1999")], status: 3)
        #expect(missing.stderr.contains("not found in the source, BACKUP \(remote.remote("nas"))"), "\(missing)")
        #expect(missing.stderr.contains("\(remote.remote("nas"))/photos/1999"), "\(missing)")
    }

    @Test func aRemoteFolderRenamedAwayIsNotCreatedAgain() async throws {
        let remote = try RemoteSandbox(backups: [])
        let box = remote.box
        try box.write("a", at: "w/a")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try FileManager.default.moveItem(atPath: box.path("nas"), toPath: box.path("nas-unmounted"))
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 3)
        #expect(result.stderr.contains("skipping BACKUP \(remote.remote("nas")): not mounted?"), "\(result)")
        #expect(!box.exists("nas"), "never made again")
    }

    @Test func aRemoteFolderWithoutItsMarkerIsNotWritten() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try FileManager.default.removeItem(atPath: box.path("nas/.micsync/id"))
        try box.write("b", at: "w/b")
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 3)
        #expect(result.stderr.contains("its micsync marker is missing"), "\(result)")
        #expect(!box.exists("nas/b") && !box.exists("nas/.micsync/id"), "nothing written there")

        let adopted = try await remote.expectRun(["adopt", remote.remote("nas")], status: 0)
        #expect(adopted.stdout.contains("adopted BACKUP \(remote.remote("nas"))"), "\(adopted)")
        #expect(box.exists("nas/.micsync/id"), "a new marker on the host")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.read("nas/b") == "b", "used again once adopted")
    }

    @Test func anApprovedOverwriteIsAppliedAfterTheQuestion() async throws {
        let remote = try RemoteSandbox()
        let run = try await remote.backupWaitingAtItsQuestion()
        try run.stdin.write(contentsOf: Data("m\n".utf8))
        await run.finish()
        run.result.expect(status: 0)
        #expect(remote.box.read("nas/a") == "new!", "\(run.result)")
        #expect(remote.ssh.logins == 2, "one login for each of the two runs: \(remote.ssh.logins)")
    }

    @Test func theMarkerIsCheckedAgainRightBeforeWriting() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let run = try await remote.backupWaitingAtItsQuestion()
        // Meanwhile another disc is mounted on the NAS at that place: its folder has no marker.
        try FileManager.default.removeItem(atPath: box.path("nas/.micsync/id"))
        try run.stdin.write(contentsOf: Data("m\n".utf8))
        await run.finish()
        #expect(run.result.status != 0, "\(run.result)")
        #expect(run.result.stderr.contains("no longer carries its micsync marker"), "\(run.result)")
        #expect(box.read("nas/a") == "old", "nothing written there")
    }
}
