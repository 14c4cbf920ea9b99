import Foundation
import Testing

/// A real OpenSSH server (Debian's `openssh-server`) on 127.0.0.1 at a free port, for the tests of remote
/// locations: its own host key, a user key of the test's, its own `sshd_config`, and a client
/// configuration handed to micsync as rsync reads it (`RSYNC_RSH="ssh -F FILE"`). Its hosts:
/// `testhost` (the server, known, with the user's key), `strangerhost` (the server, its key unknown),
/// `nokeyhost` (the server, no key: a password would be asked), `closedhost` (a port nobody listens on),
/// `silenthost` (a port that accepts and never answers), `chattyhost` (its login prints a greeting),
/// `norsynchost` (no rsync on its PATH), `noflockhost` (no `flock` on its PATH, as on a minimal host),
/// `floodhost` (every command answers an endless stream), `hostilehost` (every command fails, writing escape
/// sequences to stderr) and `aliashost` (the server again, by another name). `stop()` ends it and every
/// session it started; call it in a `defer`.
final class SshServer {
    let folder: String
    let port: Int
    /// sshd, started with `posix_spawn` and reaped here: a Foundation `Process` left running beside the
    /// test's runs of micsync delayed the noticing of their ends.
    private let server: pid_t
    /// The listener of `silenthost`, which never accepts.
    private let silent: Int32

    var configFile: String { folder + "/ssh_config" }
    var logFile: String { folder + "/sshd.log" }
    /// What micsync needs to reach the hosts: rsync's remote shell with this client configuration.
    var environment: [String: String] { ["RSYNC_RSH": "ssh -F \(configFile)"] }

    init(in box: Sandbox) throws {
        let folder = box.path("ssh")
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for key in [
            "host_key", "user_key", "chatty_key", "norsync_key", "slow_key", "noflock_key", "flood_key", "hostile_key",
        ] {
            let made = try Binary.run(
                "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", key, "-f", folder + "/" + key],
                directory: folder, environment: [:])
            try #require(made.status == 0, "ssh-keygen: \(made)")
        }
        let port = try Self.freePort()
        self.port = port
        silent = try Self.listener().0
        let closedPort = try Self.freePort()
        let silentPort = Self.port(of: silent)
        // More keys of the same user, each with a forced command that makes its host misbehave: a login that
        // prints a greeting, a host whose PATH has no rsync (only what micsync's scripts use), and a host
        // whose rsync is slow (1 MB/s).
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
        LogLevel VERBOSE

        """.write(toFile: folder + "/sshd_config", atomically: true, encoding: .utf8)
        func host(_ name: String, port: Int, known: Bool = true, key: String? = "user_key") -> String {
            """
            Host \(name)
              HostName 127.0.0.1
              Port \(port)
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
        try [
            host("testhost", port: port), host("strangerhost", port: port, known: false),
            host("nokeyhost", port: port, key: nil), host("closedhost", port: closedPort),
            host("chattyhost", port: port, key: "chatty_key"), host("norsynchost", port: port, key: "norsync_key"),
            host("silenthost", port: silentPort), host("slowhost", port: port, key: "slow_key"),
            host("noflockhost", port: port, key: "noflock_key"), host("floodhost", port: port, key: "flood_key"),
            host("hostilehost", port: port, key: "hostile_key"), host("aliashost", port: port),
        ].joined().write(toFile: folder + "/ssh_config", atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: folder + "/empty_known_hosts", contents: Data())
        // The privilege separation folder, which a system without a running sshd may lack.
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let arguments = ["/usr/sbin/sshd", "-D", "-E", folder + "/sshd.log", "-f", folder + "/sshd_config"]
        var pointers = arguments.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], nil, nil, &pointers, environ) == 0 else { throw POSIXError(.ENOEXEC) }
        server = pid
        try waitUntilListening()
    }

    /// Ends the server, then every session process it forked (by pid), and closes the silent listener.
    func stop() {
        let sessions = Self.descendants(of: server)
        kill(server, SIGTERM)
        var status: Int32 = 0
        waitpid(server, &status, 0)
        for pid in sessions { kill(pid, SIGKILL) }
        close(silent)
    }

    /// Kills every session the server serves now, as a link that dies would end them.
    func dropSessions() {
        for pid in Self.descendants(of: server) { kill(pid, SIGKILL) }
    }

    /// How many logins the server accepted.
    var logins: Int { count("Accepted publickey") }

    /// How many commands ran on it (sessions of its logins).
    var sessions: Int { count("Starting session") }

    private func count(_ words: String) -> Int {
        let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        return log.components(separatedBy: words).count - 1
    }

    /// The ssh client processes that use this server's client configuration: none may outlive a run.
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

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            if log.contains("Server listening") { return }
            var status: Int32 = 0
            guard waitpid(server, &status, WNOHANG) == 0 else { break }
            usleep(20_000)
        }
        let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        stop()
        Issue.record("sshd did not start:\n\(log)")
        throw POSIXError(.ECONNREFUSED)
    }

    /// A port of 127.0.0.1 that nothing listens on now.
    private static func freePort() throws -> Int {
        let (socket, _) = try listener()
        defer { close(socket) }
        return port(of: socket)
    }

    /// A socket bound to a free port of 127.0.0.1, listening (accepting connections into its backlog).
    private static func listener() throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        return (descriptor, port(of: descriptor))
    }

    private static func port(of socket: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Every process below `pid`, from `/proc/*/stat`'s parent field.
    private static func descendants(of pid: pid_t) -> [pid_t] {
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
