import Foundation
import Testing

/// A BACKUP on another host that micsync never wrote to and that does not exist yet, its parent being there:
/// a new location, made only when asked (`--create`), with `mkdir` on the host.
@Suite(.sshServer) struct RemoteNewLocationTests {
    /// The sandbox with BACKUP `testhost:SANDBOX/nas/docs` instead of `nas` (which exists, `docs` does not).
    private func newRemoteBackup() throws -> RemoteSandbox {
        let remote = try RemoteSandbox()
        try remote.box.write("report", at: "w/report")
        try remote.configure(work: [remote.box.path("w")], backup: [remote.remote("nas/docs")])
        return remote
    }

    @Test func withoutCreateItSaysHowToCreateIt() async throws {
        let remote = try newRemoteBackup()
        let result = try await remote.expectRun(["backup", "w"], status: 3)
        #expect(result.stderr.contains("BACKUP \(remote.remote("nas/docs")): does not exist yet"), "\(result)")
        #expect(
            result.stderr.contains("ssh testhost 'mkdir \(remote.box.path("nas/docs"))'")
                && result.stderr.contains("--create"), "\(result)")
        #expect(!remote.box.exists("nas/docs"))
    }

    @Test func aDryRunWithCreateShowsThePlanAndCreatesNothing() async throws {
        let remote = try newRemoteBackup()
        let result = try await remote.expectRun(["backup", "-n", "--create", "w"], status: 0)
        #expect(result.stderr.contains("would create BACKUP \(remote.remote("nas/docs"))"), "\(result)")
        #expect(result.stdout.contains("report"), "its plan is shown: \(result)")
        #expect(!remote.box.exists("nas/docs"), "\(result)")
    }

    @Test func createMakesItOnTheHostAndBacksUp() async throws {
        let remote = try newRemoteBackup()
        let result = try await remote.expectRun(["backup", "--create", "w"], status: 0)
        #expect(result.stderr.contains("created BACKUP \(remote.remote("nas/docs"))"), "\(result)")
        #expect(remote.box.read("nas/docs/report") == "report", "\(result)")
        #expect(remote.box.exists("nas/docs/.micsync/id"), "the first write leaves the marker")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")
    }

    @Test func aKnownLocationThatIsGoneIsNeverCreatedAgain() async throws {
        let remote = try newRemoteBackup()
        try await remote.expectRun(["backup", "--create", "w"], status: 0)
        try FileManager.default.moveItem(atPath: remote.box.path("nas/docs"), toPath: remote.box.path("docs-away"))
        let result = try await remote.expectRun(["backup", "--create", "w"], status: 3)
        #expect(result.stderr.contains("BACKUP \(remote.remote("nas/docs")): not mounted?"), "\(result)")
        #expect(!remote.box.exists("nas/docs"), "written before, so unplugged: \(result)")
    }
}
