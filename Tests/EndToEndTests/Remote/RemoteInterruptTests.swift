import Foundation
import Testing

/// Ctrl-C during a remote run: rsync stops, micsync waits for it, lets go of the host's lock and closes the
/// shared connection. A link that dies mid-copy says so.
@Suite(.serialized) struct RemoteInterruptTests {
    @Test func ctrlCMidCopyLeavesNoSshProcessNoLockAndNoTemporaryFileAmongTheData() throws {
        let remote = try RemoteSandbox()
        defer { remote.server.stop() }
        let box = remote.box
        let run = try remote.backupMidCopy()
        defer { run.finish() }
        kill(run.process.processIdentifier, SIGINT)
        run.finish()
        run.result.expect(status: 130)
        #expect(remote.server.clientProcesses.isEmpty, "ssh left: \(remote.server.clientProcesses)")
        #expect(!box.exists("nas/.micsync/lock.d"), "the host's lock is let go: \(run.result)")
        #expect(box.tree("nas").allSatisfy { $0 == "big" }, "only the file itself, if anything: \(box.tree("nas"))")
        #expect(!box.exists("nas/big") || box.read("nas/big")?.count == 16 << 20, "never half a file among the data")
    }

    @Test func aLinkThatDiesMidCopySaysToRunAgain() throws {
        let remote = try RemoteSandbox()
        defer { remote.server.stop() }
        let box = remote.box
        let run = try remote.backupMidCopy()
        defer { run.finish() }
        remote.server.dropSessions()
        run.finish()
        run.result.expect(status: 1)
        #expect(run.result.stderr.contains("connection to testhost lost; run the same command again"), "\(run.result)")
        #expect(remote.server.clientProcesses.isEmpty, "ssh left: \(remote.server.clientProcesses)")
        #expect(!box.exists("nas/big") || box.read("nas/big")?.count == 16 << 20, "never half a file among the data")
    }

    @Test func ctrlCAtAQuestionLetsGoOfTheHostsLockAndConnection() throws {
        let remote = try RemoteSandbox()
        defer { remote.server.stop() }
        let box = remote.box
        let run = try remote.backupWaitingAtItsQuestion()
        defer { run.finish() }
        #expect(box.exists("nas/.micsync/lock.d"), "locked while it asks")
        kill(run.process.processIdentifier, SIGINT)
        // The question's answer stays open, as on a terminal, until micsync has ended.
        run.process.waitUntilExit()
        run.finish()
        run.result.expect(status: 130)
        #expect(!box.exists("nas/.micsync/lock.d"), "the host's lock is let go: \(run.result)")
        #expect(remote.server.clientProcesses.isEmpty, "ssh left: \(remote.server.clientProcesses)")
        #expect(box.read("nas/a") == "old")
    }
}
