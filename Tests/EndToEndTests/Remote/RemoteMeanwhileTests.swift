import Foundation
import Testing

/// What changed between the plan and the answer, when the source is on another host: asked of the host,
/// never guessed from this machine's files.
@Suite(.sshServer) struct RemoteMeanwhileTests {
    @Test func whatAppearedHereAndWhatLeftTheHostAreNamedRightly() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("old", at: "w/a")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try box.write("newer on the NAS", at: "nas/a")
        try box.touch("nas/a", secondsAgo: -5)
        try box.write("new", at: "nas/b")
        try box.write("gone soon", at: "nas/c")
        let run = try Binary.start(
            Binary.micsync, ["work", "w"], directory: box.root,
            environment: box.environment.merging(remote.ssh.environment) { $1 })
        try await run.waitForStderr(containing: "[m]odify")
        try box.write("made here meanwhile", at: "w/b")
        try FileManager.default.removeItem(atPath: box.path("nas/c"))
        try run.stdin.write(contentsOf: Data("m\n".utf8))
        await run.finish()
        run.result.expect(status: 0)
        let stderr = run.result.stderr
        #expect(box.read("w/a") == "newer on the NAS", "\(run.result)")
        #expect(box.read("w/b") == "made here meanwhile", "left alone: \(run.result)")
        #expect(!box.exists("w/c"), "\(run.result)")
        #expect(stderr.contains("1 item appeared at the destination since the plan; left alone: b"), "\(run.result)")
        #expect(stderr.contains("1 item left the source since the plan; not copied: c"), "\(run.result)")
    }
}
