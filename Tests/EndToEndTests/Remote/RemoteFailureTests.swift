import Foundation
import Testing

/// Failures on a host say what happened, in words a user acts on; `unlock` removes a lock left by another
/// machine.
@Suite(.sshServer) struct RemoteFailureTests {
    @Test func aLoginThatPrintsTextAndAHostWithoutRsyncAreNamed() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.makeDirectory("chatty")
        try box.makeDirectory("norsync")
        try box.write("a", at: "w/a")
        try remote.configure(
            work: [box.path("w")],
            backup: [remote.remote("chatty", host: "chattyhost"), remote.remote("norsync", host: "norsynchost")])
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 1)
        #expect(
            result.stderr.contains("chattyhost's shell prints text at login")
                && result.stderr.contains("rsync cannot talk through it"), "\(result)")
        #expect(result.stderr.contains("rsync is not installed on norsynchost"), "\(result)")
        #expect(!box.exists("chatty/a") && !box.exists("norsync/a"), "nothing copied")
        #expect(
            !result.stderr.contains("cannot reach chattyhost") && !result.stderr.contains("skipping"),
            "the facts got through the greeting: only rsync's own stream failed: \(result)")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")
    }

    @Test func unlockRemovesALockLeftByAnotherMachine() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        try box.write(
            "host=crashed-laptop pid=77 started=2026-12-01T10:00:00Z run=r\n", at: "nas/.micsync/lock.d/owner")
        try await remote.expectRun(["backup", "-m", "w"], status: 5)
        let unlocked = try await remote.expectRun(["unlock", remote.remote("nas")], status: 0)
        #expect(unlocked.stdout.contains("unlocked BACKUP \(remote.remote("nas"))"), "\(unlocked)")
        #expect(unlocked.stdout.contains("host crashed-laptop, pid 77"), "names whose lock it was: \(unlocked)")
        #expect(!box.exists("nas/.micsync/lock.d"))
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.read("nas/a") == "a")
        let nothing = try await remote.expectRun(["unlock", remote.remote("nas")], status: 0)
        #expect(nothing.stdout.contains("is not locked; nothing to do"), "\(nothing)")
    }
}
