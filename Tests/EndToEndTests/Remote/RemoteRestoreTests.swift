import Foundation
import Testing

/// `trash restore` into a BACKUP on another host: rsync runs on the host, from its trash into the location.
@Suite(.sshServer) struct RemoteRestoreTests {
    /// A backup -m that overwrote `nas/name` ("old") with "new text": the trash folder keeping "old".
    private func overwrittenOnTheHost(_ remote: RemoteSandbox, name: String) async throws -> String {
        let box = remote.box
        try box.write("old", at: "w/\(name)")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try box.write("new text", at: "w/\(name)")
        try box.touch("w/\(name)", secondsAgo: -5)
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.read("nas/\(name)") == "new text")
        return try #require(box.trashFolders("nas").first)
    }

    @Test func restoreOnTheHostAsksThenOverwritesAndKeepsWhatItReplaced() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let folder = try await overwrittenOnTheHost(remote, name: "notes.txt")
        let nas = remote.remote("nas")

        let declined = try await remote.expectRun(
            ["trash", "restore", "--location", nas, folder], input: "n\n", status: 0)
        // The host's copy is the newer one, as its own clock says.
        #expect(
            declined.stdout.contains(
                "modified (1), 1 newer at the destination:\n    notes.txt  (newer at the destination)"),
            "\(declined)")
        #expect(declined.stderr.contains("Overwrite 1 modified item"), "\(declined)")
        #expect(box.read("nas/notes.txt") == "new text", "declined: \(declined)")

        try await remote.expectRun(["trash", "restore", folder, nas + "/notes.txt"], status: 4)
        #expect(box.read("nas/notes.txt") == "new text", "no answer: nothing changed")

        let restored = try await remote.expectRun(
            ["trash", "restore", folder, nas + "/notes.txt"], input: "m\n", status: 0)
        #expect(box.read("nas/notes.txt") == "old", "\(restored)")
        #expect(restored.stdout.contains("1 overwritten"), "\(restored)")
        let folders = box.trashFolders("nas")
        #expect(folders.count == 2, "\(folders)")
        #expect(box.read("nas/.micsync/trash/\(folders.last ?? "")/notes.txt") == "new text", "kept on the host")
        #expect(box.read("nas/.micsync/trash/\(folder)/notes.txt") == "old", "the trash stays until purged")
        #expect(!box.exists("nas/.micsync/lock.d"), "the host's lock is let go")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")

        let again = try await remote.expectRun(["trash", "restore", "-m", folder], status: 0)
        #expect(again.stdout.contains("nothing to do"), "\(again)")
    }

    @Test func restoreIsRefusedWhileAnotherRunHoldsTheHostsLock() async throws {
        let remote = try RemoteSandbox()
        let folder = try await overwrittenOnTheHost(remote, name: "notes.txt")
        let run = try await remote.backupWaitingAtItsQuestion()
        let refused = try await remote.expectRun(["trash", "restore", "-m", folder], status: 5)
        #expect(refused.stderr.contains("is being written by another micsync run"), "\(refused)")
        #expect(remote.box.read("nas/notes.txt") == "new text", "nothing restored meanwhile")
        try run.stdin.write(contentsOf: Data("n\n".utf8))
        await run.finish()
    }

    /// rsync's exit status comes back from the host: here 127, a host without rsync.
    @Test func aHostWithoutRsyncSaysSo() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try remote.configure(work: [box.path("w")], backup: [remote.remote("nas", host: "norsynchost")])
        try box.write("kept", at: "nas/.micsync/trash/20261124T213005Z/f")
        let result = try await remote.expectRun(["trash", "restore", "-m", "20261124T213005Z"], status: 1)
        #expect(result.stderr.contains("rsync is not installed on norsynchost"), "\(result)")
        #expect(!box.exists("nas/f") && !box.exists("nas/.micsync/lock.d"), "\(result)")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")
    }

    /// The rsync that runs on the host ends with micsync's: nothing writes there once its lock is let go.
    @Test func ctrlCMidRestoreStopsTheRsyncOnTheHost() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try remote.configure(work: [box.path("w")], backup: [remote.remote("nas", host: "slowhost")])
        try box.makeDirectory("nas/.micsync/trash/20261124T213005Z")
        try Data(repeating: 0x61, count: 16 << 20).write(
            to: URL(fileURLWithPath: box.path("nas/.micsync/trash/20261124T213005Z/big")))
        let run = try Binary.start(
            Binary.micsync, ["trash", "restore", "-m", "20261124T213005Z"], directory: box.root,
            environment: box.environment.merging(remote.ssh.environment) { $1 })
        defer { run.kill() }
        #expect(
            await waitUntil(120) {
                !((try? FileManager.default.contentsOfDirectory(atPath: box.path("nas/.micsync/tmp"))) ?? []).isEmpty
            }, "the host's rsync writes its temporary file")
        run.signal(SIGINT)
        await run.finish()
        run.result.expect(status: 130)
        #expect(await waitUntil(5) { hostRsyncs(in: box.path("nas")).isEmpty }, "\(hostRsyncs(in: box.path("nas")))")
        #expect(!box.exists("nas/.micsync/lock.d"), "the host's lock is let go: \(run.result)")
        #expect(!box.exists("nas/big"), "never half a file among the data")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")
    }

    /// The rsync processes on the host (this machine) that write into `folder`.
    private func hostRsyncs(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> String? in
            guard Int32(name) != nil, let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else {
                return nil
            }
            let line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            return line.hasPrefix("/usr/bin/rsync --bwlimit=1000") && line.contains(folder) ? line : nil
        }
    }

    @Test func restoreOnTheHostPrintsTheCommandItRunsThere() async throws {
        let remote = try RemoteSandbox()
        let folder = try await overwrittenOnTheHost(remote, name: "a")
        let dry = try await remote.expectRun(["trash", "restore", "-n", "--print-commands", folder], status: 0)
        #expect(dry.stdout.contains("ssh testhost 'rsync -a "), "\(dry)")
        #expect(dry.stdout.contains("modified (1), 1 newer at the destination:\n    a  (newer"), "\(dry)")
        #expect(remote.box.read("nas/a") == "new text", "a dry run changes nothing")
    }

    @Test func aHostileNameIsRestoredAsItIsAndNeverRunByTheHostsShell() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let canary = "micsync-canary-\(UUID().uuidString.prefix(8))"
        let name = "it's a \"$(touch \(canary))\" `touch \(canary)`;\nline * [x].txt"
        let folder = try await overwrittenOnTheHost(remote, name: name)

        let restored = try await remote.expectRun(["trash", "restore", "-m", folder], status: 0)
        #expect(box.read("nas/\(name)") == "old", "\(restored)")
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        for place in [home, box.root, box.path("nas"), "/"] {
            #expect(!FileManager.default.fileExists(atPath: place + "/" + canary), "a shell ran a name in \(place)")
        }
    }
}
