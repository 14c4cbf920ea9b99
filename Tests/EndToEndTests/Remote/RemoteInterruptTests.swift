import Foundation
import Testing

/// Ctrl-C during a remote run: rsync stops, micsync waits for it, lets go of the host's lock and closes the
/// shared connection. A link that dies mid-copy says so.
@Suite(.sshServer) struct RemoteInterruptTests {
    @Test func ctrlCMidCopyLeavesNoSshProcessNoLockAndNoTemporaryFileAmongTheData() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let run = try await remote.backupMidCopy()
        defer { run.kill() }
        run.signal(SIGINT)
        await run.finish()
        run.result.expect(status: 130)
        #expect(remote.ssh.clientProcesses.isEmpty, "ssh left: \(remote.ssh.clientProcesses)")
        #expect(!box.exists("nas/.micsync/lock.d"), "the host's lock is let go: \(run.result)")
        #expect(box.tree("nas").allSatisfy { $0 == "big" }, "only the file itself, if anything: \(box.tree("nas"))")
        #expect(!box.exists("nas/big") || box.read("nas/big")?.count == 16 << 20, "never half a file among the data")
    }

    @Test func aLinkThatDiesMidCopySaysToRunAgain() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let run = try await remote.backupMidCopy()
        defer { run.kill() }
        remote.ssh.dropSessions()
        await run.finish()
        run.result.expect(status: 1)
        #expect(run.result.stderr.contains("connection to testhost lost; run the same command again"), "\(run.result)")
        #expect(remote.ssh.clientProcesses.isEmpty, "ssh left: \(remote.ssh.clientProcesses)")
        #expect(!box.exists("nas/big") || box.read("nas/big")?.count == 16 << 20, "never half a file among the data")
    }

    @Test func ctrlCAtAQuestionLetsGoOfTheHostsLockAndConnection() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let run = try await remote.backupWaitingAtItsQuestion()
        defer { run.kill() }
        #expect(box.exists("nas/.micsync/lock.d"), "locked while it asks")
        run.signal(SIGINT)
        // The question's answer stays open, as on a terminal, until micsync has ended.
        await run.waitForExit()
        await run.finish()
        run.result.expect(status: 130)
        #expect(!box.exists("nas/.micsync/lock.d"), "the host's lock is let go: \(run.result)")
        #expect(remote.ssh.clientProcesses.isEmpty, "ssh left: \(remote.ssh.clientProcesses)")
        #expect(box.read("nas/a") == "old")
    }
}
