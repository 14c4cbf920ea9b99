import Foundation
import Testing

/// Hosts that cannot be reached are unplugged discs: skipped with one line that says why and what to run,
/// within ssh's connect timeout, never a prompt, and the other locations go on.
@Suite(.sshServer) struct RemoteReachTests {
    @Test func unreachableHostsAreSkippedQuicklyAndTheOthersGoOn() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let dead = ["closedhost", "silenthost", "strangerhost", "nokeyhost"]
        try remote.configure(
            work: [box.path("w")], backup: [remote.remote("nas")] + dead.map { remote.remote("nas-\($0)", host: $0) })
        for host in dead { try box.makeDirectory("nas-\(host)") }
        try box.write("a", at: "w/a")
        let result = try await remote.expectRun(["backup", "-m", "w"], input: "yes\nyes\n", status: 0)
        // The host that never answers is given up by ssh's own connect timeout, not waited for.
        #expect(result.stderr.contains("timed out"), "\(result)")
        #expect(box.read("nas/a") == "a", "the reachable host is written: \(result)")
        for host in dead {
            #expect(!box.exists("nas-\(host)/a"), "\(host) is not written: \(result)")
            #expect(
                result.stderr.contains(
                    "skipping BACKUP \(remote.remote("nas-\(host)", host: host)): cannot reach \(host)"),
                "\(host): \(result)")
        }
        #expect(result.stderr.contains("Connection refused"), "\(result)")
        #expect(!result.stderr.contains("\r"), "ssh's CRLF is not carried into micsync's lines: \(result)")
        #expect(result.stderr.contains("Host key verification failed"), "\(result)")
        #expect(result.stderr.contains("Permission denied"), "\(result)")
        // What to do fits what ssh said: only a host key that could not be verified is answered with `ssh HOST`.
        let hints = [
            "closedhost": "is the ssh server on closedhost running, and on the port your ssh config says?",
            "silenthost": "is silenthost switched on and on this network?",
            "strangerhost": "run `ssh strangerhost` once, to check and accept its host key",
            "nokeyhost": "load your key into the agent (`ssh-add`), or add it to nokeyhost's authorized_keys",
        ]
        for (host, hint) in hints {
            let line = result.stderr.split(separator: "\n").first { $0.contains("cannot reach \(host)") } ?? ""
            #expect(line.contains(hint), "\(host): \(line)")
        }
        #expect(result.stderr.components(separatedBy: "accept its host key").count == 2, "\(result)")
        #expect(!result.stderr.contains("password:") && !result.stderr.contains("(yes/no"), "never a prompt: \(result)")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")
    }

    @Test func statusShowsARemoteBackupsFreeSpaceAndAnUnreachableOne() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.makeDirectory("nas2")
        try remote.configure(
            work: [box.path("w")],
            backup: [remote.remote("nas"), remote.remote("gone", host: "closedhost"), remote.remote("nas2")])
        let result = try await remote.expectRun(["status", "--json"], status: 0)
        #expect(remote.ssh.sessions == 1, "one round trip for both folders of the host: \(remote.ssh.sessions)")
        let document = try box.jsonObject(result.stdout)
        let configurations = try #require(document["configurations"] as? [[String: Any]])
        let rows = try #require(configurations.first?["locations"] as? [[String: Any]])
        #expect(rows.map { $0["accessible"] as? Bool } == [true, true, false, true], "\(result)")
        #expect((rows[1]["freeBytes"] as? Int ?? 0) > 0, "the host's free space: \(result)")
        #expect((rows[1]["filesystem"] as? [String: Any])?["type"] as? String != nil, "\(result)")
        #expect((rows[2]["state"] as? String ?? "").contains("cannot reach closedhost"), "\(result)")
        let table = try await remote.expectRun(["status"], status: 0)
        #expect(table.stdout.contains("BACKUP   0  testhost:/") && table.stdout.contains("accessible"), "\(table)")
    }

    @Test func relativeRemotePathsAreConfigurationErrors() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try remote.configure(work: [box.path("w")], backup: ["nas:backup"])
        let result = try await remote.expectRun(["backup", "w"], status: 2)
        #expect(result.stderr.contains("configs[0].backup[0]"), "\(result)")
        #expect(result.stderr.contains("must be absolute"), "\(result)")
        try remote.configure(work: [box.path("w")], backup: ["./nas:colon"])
        try box.makeDirectory("home/nas:colon")
        try box.write("a", at: "w/a")
        try await remote.expectRun(["backup", "w"], status: 0)
        #expect(box.read("home/nas:colon/a") == "a", "a local path with a colon stays local, next to the config")
    }
}
