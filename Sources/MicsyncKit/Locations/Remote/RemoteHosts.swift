import Foundation
import Synchronization

/// The ssh of one run: the user's own command (`RSYNC_RSH`, as rsync reads it, and their ssh
/// configuration) with micsync's options added so that a run never waits on a person, and one shared
/// connection per host (an ssh master in a private 0700 folder, its errors in a file there), closed when
/// the run ends. Host-key checking is never turned off: a host ssh does not know is not reachable. Every ssh
/// process it starts is known until it ends, so that closing (at the end, or on a signal at any instant)
/// stops what still runs, lets go of the locks held on hosts, and leaves no ssh process behind; once closed,
/// it starts none.
public final class RemoteHosts: HostChildren {
    /// Added after the user's own words: ssh takes the first value it reads, so the user's options win.
    static let options = [
        "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=15",
        "-o", "ServerAliveCountMax=3", "-o", "RemoteCommand=none", "-o", "RequestTTY=no",
    ]

    private let command: [String]
    /// What each remote location's host said in this run.
    let facts = RemoteFactsCache()
    private let state = Mutex<State>(State())
    /// Held while closing: a signal's handler and the end of the run may both close, one after the other.
    private let closing = Mutex<Void>(())

    private struct State {
        var folder: String?
        /// Each host's shared connection: a nil reason once it is up, else why it could not be made.
        var masters: [String: String?] = [:]
        /// The sessions still running (the locks held on hosts), by pid.
        var sessions: [pid_t: HostSession] = [:]
        /// The ssh commands running now (their process groups).
        var commands: Set<pid_t> = []
        /// Each connection's socket number in the private folder, and its host. Not ssh's `%C`: two host names
        /// of one machine (say, with two keys) share its hash, and would share a connection.
        var sockets: [String: (number: Int, remote: RemotePath)] = [:]
        var closed = false
    }

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let words = environment["RSYNC_RSH"].map(Self.words) ?? []
        command = words.isEmpty ? ["ssh"] : words
    }

    /// `RSYNC_RSH` split as rsync splits it: at blanks, with single and double quotes, a quote doubled
    /// inside its own kind standing for itself.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        var characters = text[...]
        while let character = characters.popFirst() {
            if let open = quote {
                if character != open {
                    current.append(character)
                } else if characters.first == open {
                    current.append(characters.removeFirst())
                } else {
                    quote = nil
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// micsync's private folder for this run's ssh (sockets, logs), made on first use in /tmp: a socket's
    /// path must stay under 108 bytes, which a long TMPDIR would break.
    private func folder() throws(MicsyncError) -> String {
        try state.withLock { state throws(MicsyncError) in
            guard !state.closed else { throw MicsyncError(.interrupted, "the run's ssh is closed") }
            if let folder = state.folder { return folder }
            var template = Array("/tmp/micsync-ssh-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else {
                throw .io("cannot make a private folder for ssh in /tmp: \(String(cString: strerror(errno)))")
            }
            let folder = String(cString: made)
            state.folder = folder
            return folder
        }
    }

    /// The ssh command for `remote` through its shared connection (without the host).
    func ssh(_ remote: RemotePath, folder: String) -> [String] {
        let socket = state.withLock { state in
            if let known = state.sockets[remote.connectionKey] { return known.number }
            state.sockets[remote.connectionKey] = (state.sockets.count, remote)
            return state.sockets.count - 1
        }
        return ssh(remote, controlPath: "\(folder)/\(socket)")
    }

    private func ssh(_ remote: RemotePath, controlPath: String) -> [String] {
        command + Self.options + ["-o", "ControlPath=\(controlPath)"] + (remote.port.map { ["-p", "\($0)"] } ?? [])
    }

    /// rsync's `-e` for `remote`, its words quoted as rsync unquotes them (`words`); nil when the host cannot
    /// be reached.
    func rsyncShell(_ remote: RemotePath) -> String? {
        guard let folder = try? folder(), connect(remote) == nil else { return nil }
        return ssh(remote, folder: folder).map { word in
            word.isEmpty || word.contains(where: { $0.isWhitespace || "'\"".contains($0) })
                ? "'" + word.replacingOccurrences(of: "'", with: "''") + "'" : word
        }.joined(separator: " ")
    }

    /// Starts `remote`'s shared connection once per run; nil when it is up, else why it cannot be made
    /// (ssh's own last words: refused, unknown host, host key, authentication, timed out).
    func connect(_ remote: RemotePath) -> String? {
        if let known = state.withLock({ $0.masters[remote.connectionKey] }) { return known }
        let reason: String?
        do throws(MicsyncError) {
            let folder = try folder()
            let words =
                ssh(remote, folder: folder)
                + ["-o", "ControlMaster=yes", "-o", "ControlPersist=60", "-N", "-f", remote.destination]
            let result = HostCommand(words: words).run(in: folder, children: self)
            reason = result.status == 0 ? nil : Self.reason(result)
        } catch {
            reason = error.message
        }
        state.withLock { $0.masters[remote.connectionKey] = reason }
        return reason
    }

    /// The command that runs the script on its standard input with `/bin/sh` on `remote` (whatever the
    /// login shell), through its shared connection; nil when the host cannot be reached.
    func shellCommand(_ remote: RemotePath) -> [String]? {
        guard let folder = try? folder(), connect(remote) == nil else { return nil }
        return ssh(remote, folder: folder) + ["-o", "ControlMaster=no", remote.destination, "exec /bin/sh -s"]
    }

    /// Runs `script` with `/bin/sh` on `remote`; the failure's reason when the host cannot be reached or
    /// the script did not end.
    func run(_ script: String, on remote: RemotePath) -> Result<String, RemoteFailure> {
        if let reason = connect(remote) { return .failure(.unreachable(reason)) }
        guard let folder = try? folder(), let words = shellCommand(remote) else {
            return .failure(.unreachable("no folder for ssh"))
        }
        let result = HostCommand(words: words, input: script, timeout: .seconds(30)).run(in: folder, children: self)
        if result.tooMuch { return .failure(.tooMuch) }
        guard result.status == 0 else {
            return .failure(
                result.status == 255 || result.status == nil
                    ? .unreachable(Self.reason(result)) : .failed(result.errors))
        }
        return .success(result.output)
    }

    /// Starts `script` with `/bin/sh` on `remote` as a session that lasts until it is ended (`end`), or until
    /// `close`; its answers, or why there are none.
    func session(_ script: String, on remote: RemotePath) -> Result<(HostSession, [String: String]), RemoteFailure> {
        if let reason = connect(remote) { return .failure(.unreachable(reason)) }
        guard let folder = try? folder(), let words = shellCommand(remote) else {
            return .failure(.unreachable("the run's ssh is closed"))
        }
        let session: HostSession
        switch HostSession.start(words, script: script, in: folder) {
        case .success(let started): session = started
        case .failure(let failure): return .failure(failure)
        }
        let kept = state.withLock { state in
            if !state.closed { state.sessions[session.pid] = session }
            return !state.closed
        }
        guard kept else {
            session.end(stopping: true)
            return .failure(.unreachable("the run's ssh is closed"))
        }
        return session.answers().map { (session, $0) }
    }

    /// Ends `session`: what it holds on its host is let go.
    func end(_ session: HostSession) {
        session.end()
        _ = state.withLock { $0.sessions.removeValue(forKey: session.pid) }
    }

    func start(_ spawn: () -> Result<pid_t, POSIXError>) -> Result<pid_t, POSIXError>? {
        state.withLock { state in
            guard !state.closed else { return nil }
            let started = spawn()
            if case .success(let pid) = started { state.commands.insert(pid) }
            return started
        }
    }

    func ended(_ pid: pid_t) {
        _ = state.withLock { $0.commands.remove(pid) }
    }

    /// Asks `remote` once for the facts of every location of `group` (all on that host), so that a host
    /// with several locations answers in one round trip.
    func prefetchFacts(of group: [Location], on remote: RemotePath) {
        let answer = run(HostScript.facts(of: group.map(\.directory)), on: remote)
        for (number, location) in group.enumerated() {
            facts.store(
                answer.flatMap { output in
                    HostScript.sections(output)[number].map { .success($0) }
                        ?? .failure(.failed("its answer was cut short or garbled"))
                }, for: location)
        }
    }

    /// ssh's last line of errors, or what happened when it said nothing.
    private static func reason(_ result: HostCommand.Result) -> String {
        guard let status = result.status else { return "no answer in time (micsync stopped waiting)" }
        return lastLine(result.errors, status: status)
    }

    /// The last line of what ssh or a host said on stderr, escaped; what happened when it said nothing.
    static func lastLine(_ errors: String, status: Int32) -> String {
        let last = errors.split(whereSeparator: \.isNewline).last.map(String.init)?
            .trimmingCharacters(in: .whitespaces)
        return last.flatMap { $0.isEmpty ? nil : DisplayName.readable(String($0.prefix(300))) }
            ?? "ssh ended with exit \(status)"
    }

    /// Lets go of every lock still held on a host (its session ends, and the host removes it), stops every ssh
    /// command still running, closes every shared connection and removes the private folder: no lock, no ssh
    /// process is left behind. From then on no ssh is started.
    public func close() {
        closing.withLock { _ in closeNow() }
    }

    private func closeNow() {
        let sessions = state.withLock { state in
            state.closed = true
            defer { state.sessions = [:] }
            return Array(state.sessions.values)
        }
        for session in sessions { session.end() }
        for pid in state.withLock({ $0.commands }) { kill(-pid, SIGTERM) }
        // Each is reaped where it was started; a few seconds at most.
        let deadline = ContinuousClock.now + .seconds(10)
        while !state.withLock({ $0.commands.isEmpty }), ContinuousClock.now < deadline { usleep(5_000) }
        let (folder, sockets) = state.withLock { state in
            defer { state = State(closed: true) }
            return (state.folder, state.sockets)
        }
        guard let folder else { return }
        // Every master that may have started, also one whose connecting the closing cut short.
        for (number, remote) in sockets.values where FileSystem.exists("\(folder)/\(number)") {
            let socket = "\(folder)/\(number)"
            // `-O exit` answers before the master has gone: its pid tells when it has.
            let master = Self.listenerPid(socket)
            let words = ssh(remote, controlPath: socket) + ["-O", "exit", remote.destination]
            _ = HostCommand(words: words, timeout: .seconds(10)).run(in: folder)
            // A master slow to go (a loaded machine) is ended: it is this run's, and must not outlive it.
            if let master, !Self.waitUntilGone(master) {
                kill(master, SIGTERM)
                if !Self.waitUntilGone(master) { kill(master, SIGKILL) }
            }
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in names { unlink(folder + "/" + name) }
        }
        rmdir(folder)
    }
}

extension RemoteHosts {
    /// The pid of the process that listens on the Unix socket at `path` (an ssh master), as the kernel gives
    /// it for a connection to it; the master takes a connection that says nothing for a client that left.
    static func listenerPid(_ path: String) -> pid_t? {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        // `struct ucred` (pid, uid, gid), which Glibc's module leaves out.
        var credentials: (pid: pid_t, uid: uid_t, gid: gid_t) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard connected == 0, getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0 else {
            return nil
        }
        return credentials.pid
    }

    /// Waits (two seconds at most) until process `pid`, which is not micsync's child, has ended; whether it has.
    static func waitUntilGone(_ pid: pid_t) -> Bool {
        let deadline = ContinuousClock.now + .seconds(2)
        while kill(pid, 0) == 0, ContinuousClock.now < deadline { usleep(2_000) }
        return kill(pid, 0) != 0
    }
}

/// Why a command on a host did not answer.
enum RemoteFailure: Error {
    /// ssh could not reach the host (exit 255, or the watchdog).
    case unreachable(String)
    /// The host answered more than `HostCommand.answerLimit`: it was stopped.
    case tooMuch
    /// The script failed on the host.
    case failed(String)
}
