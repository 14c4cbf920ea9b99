import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// How a location on another host is spelled, and what stays local.
@Suite struct RemotePathTests {
    private func parsed(_ text: String) -> RemotePath? {
        guard case .success(let remote) = RemotePath.parse(text) else { return nil }
        return remote
    }

    @Test(
        arguments: [
            ("nas:/srv/backup/", nil, "nas", nil, "/srv/backup", "nas:/srv/backup"),
            ("me@nas:/srv//backup/./x/..", "me", "nas", nil, "/srv/backup", "me@nas:/srv/backup"),
            ("me@[fd00::2]:/srv/backup", "me", "fd00::2", nil, "/srv/backup", "me@[fd00::2]:/srv/backup"),
            ("ssh://me@nas:2222/srv/backup", "me", "nas", 2222, "/srv/backup", "ssh://me@nas:2222/srv/backup"),
            ("ssh://nas/srv/backup", nil, "nas", nil, "/srv/backup", "nas:/srv/backup"),
            ("ssh://[fd00::2]:22/b", nil, "fd00::2", 22, "/b", "ssh://[fd00::2]:22/b"),
        ] as [(String, String?, String, Int?, String, String)])
    func remoteSpellings(
        text: String, user: String?, host: String, port: Int?, directory: String, spelling: String
    ) throws {
        let remote = try #require(parsed(text), "\(text)")
        #expect(remote.user == user && remote.host == host && remote.port == port, "\(remote)")
        #expect(remote.directory == directory)
        #expect(remote.spelling == spelling)
        #expect(parsed(remote.spelling) == remote, "its spelling reads back as itself")
    }

    @Test(arguments: ["/media/disc:2024", "./photos:2024", "~/a:b", "relative/a:b", "plain", "../x:y"])
    func localPathsWithAColonStayLocal(text: String) {
        #expect(RemotePath.parse(text) == nil, "\(text)")
        #expect(Location(role: .backup, index: 0, path: "/media/disc:2024").remote == nil)
    }

    @Test(arguments: ["nas:backup", "nas:", "ssh://nas", "ssh://nas:99999/x", "-oProxyCommand=x:/a", ":/a", "me@:/a"])
    func unusableRemoteSpellingsAreProblems(text: String) {
        guard case .failure = RemotePath.parse(text) else {
            Issue.record("\(text) must be refused")
            return
        }
    }

    @Test func aRemoteLocationsPathsAreItsSpelling() throws {
        let location = Location(role: .backup, index: 0, path: "ssh://me@nas:2222/srv/backup")
        #expect(location.remote?.port == 2222)
        #expect(location.directory == "/srv/backup")
        #expect(location.rsyncName(location.directory + "/./photos") == "me@nas:/srv/backup/./photos")
        #expect(location.contains("ssh://me@nas:2222/srv/backup/photos"))
        #expect(!location.contains("ssh://me@nas:2222/srv/backup2"))
        #expect(PathResolver(base: "/anywhere").location("me@nas:/srv/x/../backup") == "me@nas:/srv/backup")
    }

    @Test func rsyncRshIsSplitAsRsyncSplitsIt() {
        #expect(
            RemoteHosts.words("ssh -F '/my dir/config'  -o \"User=x y\"") == [
                "ssh", "-F", "/my dir/config", "-o", "User=x y",
            ])
        #expect(RemoteHosts.words("") == [])
        #expect(RemoteHosts.words("ssh -i 'it''s key' \"\"") == ["ssh", "-i", "it's key", ""], "doubled quotes")
    }

    @Test func rsyncFailuresOverSshSayWhatHappened() {
        #expect(
            RemoteRsyncFailure.explain(30, messages: ["[sender] io timeout after 120 seconds -- exiting"], host: "nas")
                == "connection to nas timed out (no data for 120 s); run the same command again")
        #expect(
            RemoteRsyncFailure.explain(12, messages: ["rsync: connection unexpectedly closed (42 bytes)"], host: "nas")
                == "connection to nas lost; run the same command again")
        #expect(RemoteRsyncFailure.explain(127, messages: [], host: "nas")?.hasPrefix("rsync is not installed") == true)
        #expect(RemoteRsyncFailure.explain(23, messages: ["rsync: some files"], host: "nas") == nil)
    }

    @Test func aCommandRunOnTheHostQuotesEveryWordAndHandsTheListOnStdin() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("micsync-test-\(UUID()).list")
        try Data("it's\n$(x)\0b c\0".utf8).write(to: list)
        defer { try? FileManager.default.removeItem(at: list) }
        let script = String(
            decoding: try HostScript.rsync(["-a", "--files-from=\(list.path)", "/x/it's/", "/y/"]), as: UTF8.self)
        #expect(
            script.hasPrefix(
                #"printf '%s\0' 'it'\''s"# + "\n" + #"$(x)' 'b c' | rsync '-a' --files-from=- '/x/it'\''s/' '/y/' &"#
                    + "\n"), "\(script)")
        let plain = String(decoding: try HostScript.rsync(["-n", "/a"]), as: UTF8.self)
        #expect(plain.hasPrefix("rsync '-n' '/a' &\n"), "\(plain)")
    }

    /// A name as the host's `sh` gets it: every byte as it is, not UTF-8 and a trailing newline included.
    @Test func aNameIsSetOnTheHostByteForByte() async throws {
        let name: [UInt8] = Array("it's $(x) %s\\ `y`".utf8) + [0xE9, 0x0A, 0x0A]
        // Each byte the shell holds, in hexadecimal: not UTF-8 survives too.
        let script = HostScript.setting("r", to: name) + "; printf '%s' \"$r\" | od -An -v -tx1"
        let printed = try await Binary.run("/bin/sh", ["-c", script], directory: "/", environment: [:])
        let bytes = printed.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(bytes == name.map { String(format: "%02x", $0) }, "\(printed)")
    }

    @Test func hostAnswersAreReadAfterTheSentinelOnly() {
        let output = "Welcome!\nexists=0\n\(HostScript.sentinel)\nexists=1\nmarker=abc\nend=1\n"
        #expect(HostScript.answers(output) == ["exists": "1", "marker": "abc", "end": "1"])
        #expect(HostScript.answers("\(HostScript.sentinel)\nexists=1\n") == nil, "cut short: no end=1")
        #expect(HostScript.quoted("it's") == #"'it'\''s'"#)
        let sections = "noise\n\(HostScript.sentinel)\nsection=0\nexists=1\nend=1\nsection=1\nexists=0\n"
        #expect(HostScript.sections(sections) == [0: ["exists": "1", "end": "1"]], "an unfinished section is none")
    }

    /// The run waits for its ssh master to be gone: the kernel names the process that listens on the
    /// master's socket.
    @Test func theListenerOfAUnixSocketIsFound() throws {
        let path = NSTemporaryDirectory() + "micsync-socket-\(getpid())"
        unlink(path)
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer {
            close(listener)
            unlink(path)
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0 && listen(listener, 1) == 0)
        #expect(RemoteHosts.listenerPid(path) == getpid())
        #expect(RemoteHosts.listenerPid(path + "-none") == nil)
    }
}
