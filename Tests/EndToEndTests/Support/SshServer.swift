import Foundation
import Testing

/// A real OpenSSH server (Debian's `openssh-server`) on 127.0.0.1 at a free port, one for all the tests of a
/// suite (`@Suite(.sshServer)`): its own host key, user keys and `sshd_config`. Each test reaches it as a client
/// of its own (`client(in:)`). Its hosts, as a client's configuration names them: `testhost` (the server,
/// known, with the user's key), `strangerhost` (the server, its key unknown), `nokeyhost` (the server, no
/// key: a password would be asked), `closedhost` (a port nobody listens on), `silenthost` (a port that
/// accepts and never answers), `chattyhost` (its login prints a greeting), `norsynchost` (no rsync on its
/// PATH), `slowhost` (its rsync writes at 1 MB/s), `noflockhost` (no `flock` on its PATH, as on a minimal
/// host), `floodhost` (every command answers an endless stream), `hostilehost` (every command fails, writing
/// escape sequences to stderr) and `aliashost` (the server again, by another name).
final class SshServer: Sendable {
    /// The server of the suite running now, set by the `.sshServer` trait.
    @TaskLocal static var current: SshServer?

    let folder: String
    let port: Int
    let closedPort: Int
    let silentPort: Int
    private let sshd: RunningProcess
    /// The listener of `silenthost`, which never accepts.
    private let silent: Int32
    private let clients = Clients()

    var logFile: String { folder + "/sshd.log" }

    /// Makes the keys and configuration in a folder of its own and starts sshd; returns once it listens.
    static func start() async throws -> SshServer {
        let template = NSTemporaryDirectory() + "micsync-sshd-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw POSIXError(.EIO) }
        let folder = String(decoding: bytes.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
        for key in [
            "host_key", "user_key", "chatty_key", "norsync_key", "slow_key", "noflock_key", "flood_key", "hostile_key",
        ] {
            let made = try await Binary.run(
                "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", key, "-f", folder + "/" + key],
                directory: folder, environment: [:])
            try #require(made.status == 0, "ssh-keygen: \(made)")
        }
        // More keys of the same user, each with a forced command that makes its host misbehave: a login that
        // prints a greeting, a host whose PATH has no rsync (only what micsync's scripts use), one without
        // flock, a host whose rsync is slow (1 MB/s), one that floods and one that answers with escape sequences.
        let tools = "sh cat stat df awk head tr findmnt mkdir mv rm rmdir find grep printf dirname"
        for bin in ["norsync-bin", "noflock-bin", "slow-bin"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + bin, withIntermediateDirectories: true)
        }
        for tool in tools.split(separator: " ") {
            for bin in ["norsync-bin", "noflock-bin"] {
                try FileManager.default.createSymbolicLink(
                    atPath: folder + "/\(bin)/\(tool)", withDestinationPath: "/usr/bin/\(tool)")
            }
        }
        for tool in ["rsync", "sleep", "kill", "ls"] {
            try FileManager.default.createSymbolicLink(
                atPath: folder + "/noflock-bin/\(tool)", withDestinationPath: "/usr/bin/\(tool)")
        }
        try "#!/bin/sh\nexec /usr/bin/rsync --bwlimit=1000 \"$@\"\n".write(
            toFile: folder + "/slow-bin/rsync", atomically: true, encoding: .utf8)
        chmod(folder + "/slow-bin/rsync", 0o755)
        func key(_ name: String) throws -> String {
            try String(contentsOfFile: folder + "/\(name).pub", encoding: .utf8)
        }
        let run = #"exec /bin/sh -c \"$SSH_ORIGINAL_COMMAND\""#
        try [
            try key("user_key"),
            #"command="echo Welcome to the NAS; "# + run + "\" " + (try key("chatty_key")),
            #"command="PATH=\#(folder)/norsync-bin; export PATH; "# + run + "\" " + (try key("norsync_key")),
            #"command="PATH=\#(folder)/slow-bin:/usr/bin:/bin; export PATH; "# + run + "\" " + (try key("slow_key")),
            #"command="PATH=\#(folder)/noflock-bin; export PATH; "# + run + "\" " + (try key("noflock_key")),
            #"command="exec yes micsync-flood" "# + (try key("flood_key")),
            #"command="printf '\033]0;pwned\007\033[2J' >&2; exit 1" "# + (try key("hostile_key")),
        ].joined().write(toFile: folder + "/authorized_keys", atomically: true, encoding: .utf8)
        let hostKey = try String(contentsOfFile: folder + "/host_key.pub", encoding: .utf8)
        try "testhost \(hostKey)".write(toFile: folder + "/known_hosts", atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: folder + "/empty_known_hosts", contents: Data())
        let port = try freePort()
        // Every test of the suite may log in at once: none of their connections is dropped for being one
        // too many (MaxStartups), nor for sharing one connection (MaxSessions).
        try """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(folder)/host_key
        PidFile \(folder)/sshd.pid
        AuthorizedKeysFile \(folder)/authorized_keys
        StrictModes no
        UsePAM no
        PermitRootLogin yes
        PubkeyAuthentication yes
        PasswordAuthentication yes
        KbdInteractiveAuthentication no
        MaxStartups 200
        MaxSessions 200
        LogLevel VERBOSE

        """.write(toFile: folder + "/sshd_config", atomically: true, encoding: .utf8)
        // The privilege separation folder, which a system without a running sshd may lack.
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let sshd = try Binary.start(
            "/usr/sbin/sshd", ["-D", "-E", folder + "/sshd.log", "-f", folder + "/sshd_config"], directory: folder,
            environment: [:])
        let server = SshServer(folder: folder, port: port, closedPort: try freePort(), sshd: sshd)
        let listening = await waitUntil(30) { server.log.contains("Server listening") || sshd.hasExited }
        guard listening, !sshd.hasExited else {
            await server.stop()
            Issue.record("sshd did not start:\n\(server.log)")
            throw POSIXError(.ECONNREFUSED)
        }
        return server
    }

    private init(folder: String, port: Int, closedPort: Int, sshd: RunningProcess) {
        self.folder = folder
        self.port = port
        self.closedPort = closedPort
        self.sshd = sshd
        silent = Self.listener()
        silentPort = Self.port(of: silent)
    }

    /// Ends every session, then the server, and removes its folder.
    func stop() async {
        for pid in Self.descendants(of: sshd.pid) { kill(pid, SIGKILL) }
        sshd.signal(SIGTERM)
        await sshd.finish()
        close(silent)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// What the server logged.
    var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// A client of its own for the test of `box`: its configuration in the sandbox, its own source address.
    func client(in box: Sandbox) throws -> SshClient {
        let address = clients.nextAddress()
        let configFile = box.path("ssh_config")
        func host(_ name: String, port: Int, known: Bool = true, key: String? = "user_key") -> String {
            """
            Host \(name)
              HostName 127.0.0.1
              Port \(port)
              BindAddress \(address)
              User root
              HostKeyAlias testhost
              UserKnownHostsFile \(folder)/\(known ? "known_hosts" : "empty_known_hosts")
              GlobalKnownHostsFile /dev/null
              StrictHostKeyChecking yes
              IdentitiesOnly yes
              IdentityFile \(folder)/\(key ?? "no_key")
              PasswordAuthentication \(key == nil ? "yes" : "no")
              LogLevel ERROR

            """
        }
        try box.write(
            [
                host("testhost", port: port), host("strangerhost", port: port, known: false),
                host("nokeyhost", port: port, key: nil), host("closedhost", port: closedPort),
                host("chattyhost", port: port, key: "chatty_key"),
                host("norsynchost", port: port, key: "norsync_key"),
                host("silenthost", port: silentPort), host("slowhost", port: port, key: "slow_key"),
                host("noflockhost", port: port, key: "noflock_key"), host("floodhost", port: port, key: "flood_key"),
                host("hostilehost", port: port, key: "hostile_key"), host("aliashost", port: port),
            ].joined(), to: configFile)
        return SshClient(server: self, address: address, configFile: configFile)
    }

    /// The server's session processes (each login's, and what it runs) that serve `address`, found by the
    /// SSH_CONNECTION their commands carry: each login's whole tree below the server.
    func sessions(from address: String) -> [pid_t] {
        let parents = Self.parents()
        let logins = parents.filter { $0.value == sshd.pid }.map(\.key)
        return logins.flatMap { login in
            let tree = [login] + Self.descendants(of: login, parents)
            let serves = tree.contains { pid in
                let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") ?? Data()
                return environment.split(separator: 0).contains {
                    String(decoding: $0, as: UTF8.self).hasPrefix("SSH_CONNECTION=\(address) ")
                }
            }
            return serves ? tree : []
        }
    }

    /// The source addresses handed to clients, one per test: 127.77.0.1, 127.77.0.2, …
    private final class Clients: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func nextAddress() -> String {
            let number = lock.withLock {
                count += 1
                return count
            }
            return "127.77.\(number / 250).\(number % 250 + 1)"
        }
    }

    /// A port of 127.0.0.1 that nothing listens on now.
    private static func freePort() throws -> Int {
        let socket = listener()
        guard socket >= 0 else { throw POSIXError(.EADDRINUSE) }
        defer { close(socket) }
        return port(of: socket)
    }

    /// A socket bound to a free port of 127.0.0.1, listening (accepting connections into its backlog), or -1.
    private static func listener() -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 128) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            return -1
        }
        return descriptor
    }

    private static func port(of socket: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Each process's parent, from `/proc/*/stat`.
    private static func parents() -> [pid_t: pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var parents: [pid_t: pid_t] = [:]
        for name in names {
            guard let child = pid_t(name),
                let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { parents[child] = parent }
        }
        return parents
    }

    /// Every process below `pid`.
    private static func descendants(of pid: pid_t, _ parents: [pid_t: pid_t] = parents()) -> [pid_t] {
        var found: [pid_t] = []
        var frontier = [pid]
        while let next = frontier.popLast() {
            let children = parents.filter { $0.value == next }.map(\.key)
            found += children
            frontier += children
        }
        return found
    }
}

/// One test's way to the suite's server: a client configuration of its own in its sandbox, naming the
/// server's hosts, and a source address of its own (`BindAddress`), by which the server's log and sessions tell
/// its logins from the other tests'.
struct SshClient {
    let server: SshServer
    let address: String
    let configFile: String

    /// What micsync needs to reach the hosts: rsync's remote shell with this client configuration.
    var environment: [String: String] { ["RSYNC_RSH": "ssh -F \(configFile)"] }

    /// How many logins of this client the server accepted.
    var logins: Int { count("Accepted publickey for root from \(address) port ") }

    /// How many commands ran for this client on the server (sessions of its logins).
    var sessions: Int { count("Starting session: command for root from \(address) port ") }

    private func count(_ words: String) -> Int { server.log.components(separatedBy: words).count - 1 }

    /// The ssh client processes that use this client configuration: none may outlive a run.
    var clientProcesses: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> String? in
            guard Int32(name) != nil,
                let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline")
            else { return nil }
            let line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            return line.hasPrefix("ssh ") && line.contains(configFile) ? "\(name): \(line)" : nil
        }
    }

    /// Kills every session the server serves this client now, as a link that dies would end them.
    func dropSessions() {
        for pid in server.sessions(from: address) { kill(pid, SIGKILL) }
    }
}

/// One ssh server for the tests of a suite, started before the first and stopped after the last
/// (`SshServer.current` in each).
struct SshServerTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await SshServer.start()
        do {
            try await SshServer.$current.withValue(server) { try await function() }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

extension Trait where Self == SshServerTrait {
    static var sshServer: Self { Self() }
}
