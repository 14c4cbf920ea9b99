import Foundation
import Testing

/// A sandbox with a real ssh server: WORKING `w` here, BACKUP `testhost:SANDBOX/nas` on the server (the
/// same machine, reached over ssh), plus any other locations asked for. The server is the suite's
/// (`@Suite(.sshServer)`); the sandbox, its folders on the "host" and its client configuration are the test's.
struct RemoteSandbox {
    let box: Sandbox
    let ssh: SshClient

    init(backups: [String] = []) throws {
        let server = try #require(SshServer.current, "a remote test's suite has the .sshServer trait")
        box = try Sandbox()
        ssh = try server.client(in: box)
        try box.makeDirectory("w")
        try box.makeDirectory("nas")
        try configure(work: [box.path("w")], backup: [remote("nas")] + backups)
    }

    /// `testhost:` and the sandbox path of `relative`: the same folder as `box.path(relative)`, over ssh.
    func remote(_ relative: String, host: String = "testhost") -> String { "\(host):" + box.path(relative) }

    func configure(work: [String], backup: [String]) throws {
        func list(_ paths: [String]) -> String {
            paths.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\") + "\"" }.joined(separator: ", ")
        }
        try box.write(
            "{\"configs\": [{\"name\": \"main\", \"work\": [\(list(work))], \"backup\": [\(list(backup))]}]}\n",
            to: box.configFile)
    }

    /// Runs micsync with the test's client configuration and checks its exit status.
    @discardableResult
    func expectRun(
        _ arguments: [String], input: String = "", status: Int32, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RunResult {
        try await box.expectRun(
            arguments, input: input, environment: ssh.environment, status: status, comment,
            sourceLocation: sourceLocation)
    }

    /// `backup -m w` of a 16 MiB file with a slow rsync, returned once rsync writes its temporary file under
    /// the host's `.micsync/tmp`.
    func backupMidCopy() async throws -> RunningProcess {
        try Data(repeating: 0x61, count: 16 * 1024 * 1024).write(to: URL(fileURLWithPath: box.path("w/big")))
        let environment = try box.slowRsyncEnvironment().merging(ssh.environment) { $1 }
        let run = try Binary.start(
            Binary.micsync, ["backup", "-m", "w"], directory: box.root, environment: environment)
        #expect(
            await waitUntil(120) {
                !((try? FileManager.default.contentsOfDirectory(atPath: box.path("nas/.micsync/tmp"))) ?? []).isEmpty
            }, "rsync writes its temporary file under the host's .micsync/tmp")
        return run
    }

    /// `backup w` asking whether to overwrite `a` (backed up before, changed since): it holds the host's lock.
    func backupWaitingAtItsQuestion() async throws -> RunningProcess {
        try box.write("old", at: "w/a")
        try await expectRun(["backup", "-m", "w"], status: 0)
        try box.write("new!", at: "w/a")
        try box.touch("w/a", secondsAgo: -5)
        let run = try Binary.start(
            Binary.micsync, ["backup", "w"], directory: box.root,
            environment: box.environment.merging(ssh.environment) { $1 })
        try await run.waitForStderr(containing: "[m]odify")
        return run
    }
}
