import Foundation
import Testing

/// A location on another host is asked every per-file question on that host (what is there, of which type,
/// mode, size and time), never this machine about a `host:/path` it cannot see.
@Suite(.serialized, .sshServer) struct RemotePerFileTests {
    @Test func aChmodInTheWorkingReachesTheHost() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("text", at: "w/notes.txt")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        chmod(box.path("w/notes.txt"), 0o600)
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 0)
        let mode = try FileManager.default.attributesOfItem(atPath: box.path("nas/notes.txt"))[.posixPermissions]
        #expect(mode as? Int == 0o600, "\(result)")
        #expect(!result.stderr.contains("changed since the plan"), "\(result)")
        let again = try await remote.expectRun(["backup", "-m", "w"], status: 0)
        #expect(again.stdout.contains("nothing to do"), "\(again)")
    }

    @Test func aFileThatBecameAFolderReplacesItOnTheHostAndGoesToItsTrash() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a file", at: "w/t")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try FileManager.default.removeItem(atPath: box.path("w/t"))
        try box.write("in a folder", at: "w/t/inner")
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.read("nas/t/inner") == "in a folder", "\(result)")
        #expect(result.stdout.contains("1 copied (11 B), 1 overwritten, 0 deleted"), "\(result)")
        let trash = try FileManager.default.contentsOfDirectory(atPath: box.path("nas/.micsync/trash"))
        #expect(trash.count == 1 && box.read("nas/.micsync/trash/\(trash[0])/t") == "a file", "\(trash)")
    }

    @Test func diffAndWorkSayWhichCopyIsNewerOnTheHost() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("backed up", at: "nas/report")
        try box.touch("nas/report", secondsAgo: 3_600)
        try box.write("edited since", at: "w/report")
        let diff = try await remote.expectRun(["diff", "w"], status: 1)
        #expect(diff.stdout.contains("report  (newer in WORKING)"), "\(diff)")
        let work = try await remote.expectRun(["work", "-n", "w"], status: 0)
        #expect(work.stdout.contains("modified (1), 1 newer at the destination:"), "\(work)")
    }

    @Test func aTransferFromTheHostOfFilesWithOtherOwnersEndsInAgreement() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.makeDirectory("b2")
        try remote.configure(work: [box.path("w")], backup: [remote.remote("nas"), box.path("b2")])
        for name in ["a", "b", "c"] { try box.write(name, at: "nas/\(name)") }
        try await remote.expectRun(["transfer", "-m", "--from", "0", "--to", "1", "w"], status: 0)
        for name in ["a", "b", "c"] { chown(box.path("nas/\(name)"), 4242, 4242) }
        let owners = try await remote.expectRun(["transfer", "-m", "--from", "0", "--to", "1", "w"], status: 0)
        #expect(!owners.stderr.contains("changed since the plan"), "\(owners)")
        let owner = try FileManager.default.attributesOfItem(atPath: box.path("b2/a"))[.ownerAccountID]
        #expect(owner as? Int == 4242, "\(owners)")
        let again = try await remote.expectRun(["transfer", "-m", "--from", "0", "--to", "1", "w"], status: 0)
        #expect(again.stdout.contains("nothing to do"), "\(again)")
    }

    @Test func configCheckFindsALocationOnlyTheHostHolds() async throws {
        let remote = try RemoteSandbox()
        try remote.configure(work: [remote.box.path("nowhere")], backup: [remote.remote("nas")])
        let result = try await remote.expectRun(["config", "check"], status: 0)
        #expect(!result.stdout.contains("none of its locations exists"), "\(result)")
    }
}
