import Foundation
import Testing

/// `micsync versions`: what each location holds of a path, grouped and numbered as `restore --version` takes
/// them; here and on another host, odd names included.
@Suite(.sshServer) struct VersionsTests {
    /// The same bytes at two times: two versions by size and time, one by content, here and on a host.
    @Test(arguments: [false, true])
    func identicalCopiesAreOneVersionBySizeAndTimeOrByContent(remote: Bool) async throws {
        let sandbox = remote ? try RemoteSandbox() : nil
        let box = try sandbox?.box ?? Sandbox()
        if sandbox == nil { try box.standard(backups: 1) }
        let backup = sandbox == nil ? "b1" : "nas"
        let environment = sandbox?.ssh.environment ?? [:]
        try box.write("same", at: "w/f")
        try box.write("same", at: "\(backup)/f")
        try box.touch("\(backup)/f", secondsAgo: 3600)

        let byTime = try await box.expectRun(["versions", "w/f"], environment: environment, status: 0)
        #expect(byTime.stdout.contains("f: 2 versions\n  #  from"), "\(byTime)")
        let byContent = try await box.expectRun(["versions", "--checksum", "w/f"], environment: environment, status: 0)
        #expect(byContent.stdout.contains("f: 1 version\n"), "\(byContent)")
        let place = sandbox == nil ? "BACKUP \(box.path("b1"))" : "BACKUP \(box.path("nas")) on testhost"
        #expect(byContent.stdout.contains("current  4 B   WORKING \(box.path("w")); \(place)"), "\(byContent)")
        let json = try await box.expectRun(["versions", "--json", "-c", "w/f"], environment: environment, status: 0)
        #expect(json.stdout.contains(#""checksum" : 3852406982"#), "POSIX cksum of \"same\": \(json)")
    }

    @Test func anOddNameOnAHostComesBackWholeAndIsShownEscaped() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let name = "odd\nname $(x) [1].txt"
        try box.write("kept", at: "nas/.micsync/trash/20261124T213005Z/docs/\(name)")
        try box.makeDirectory("w/docs")
        let listed = try await remote.expectRun(["versions", "w/docs"], status: 0)
        #expect(listed.stdout.contains(#"docs/odd\nname $(x) [1].txt: 1 version"#), "\(listed)")
        #expect(listed.stdout.contains("trash 20261124T213005Z"), "\(listed)")
        let restored = try await remote.expectRun(["restore", "--version", "0", "w/docs/\(name)"], status: 0)
        #expect(box.read("w/docs/\(name)") == "kept", "\(restored)")
    }

    @Test func aPathNoLocationHoldsIsNotFound() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let result = try await box.expectRun(["versions", "w/nothing"], status: 3)
        #expect(result.stderr.contains("no accessible location of \"main\" holds nothing, now or in its trash"))
        try await box.expectRun(["restore", "w/nothing"], status: 3)
    }
}
