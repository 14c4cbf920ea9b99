import Foundation
import Synchronization

/// The ssh of one run: the user's own command (`RSYNC_RSH`, as rsync reads it, and their ssh
/// configuration) with micsync's options added so that a run never waits on a person, and one shared
/// connection per host (an ssh master in a private 0700 folder, its errors in a file there), closed when
/// the run ends. Host-key checking is never turned off: a host ssh does not know is not reachable.
public final class RemoteHosts: Sendable {
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
        var masters: [String: (remote: RemotePath, reason: String?)] = [:]
        /// How to let go each lock taken on a host and still held, by run id.
        var locks: [String: @Sendable () -> Void] = [:]
        /// Each connection's socket number in the private folder. Not ssh's `%C`: two host names of one
        /// machine (say, with two keys) share its hash, and would share a connection.
        var sockets: [String: Int] = [:]
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
            if let known = state.sockets[remote.connectionKey] { return known }
            state.sockets[remote.connectionKey] = state.sockets.count
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
        if let known = state.withLock({ $0.masters[remote.connectionKey] }) { return known.reason }
        let reason: String?
        do throws(MicsyncError) {
            let folder = try folder()
            let words =
                ssh(remote, folder: folder)
                + ["-o", "ControlMaster=yes", "-o", "ControlPersist=60", "-N", "-f", remote.destination]
            let result = HostCommand(words: words).run(in: folder)
            reason = result.status == 0 ? nil : Self.reason(result)
        } catch {
            reason = error.message
        }
        state.withLock { $0.masters[remote.connectionKey] = (remote, reason) }
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
        let result = HostCommand(words: words, input: script, timeout: .seconds(30)).run(in: folder)
        guard result.status == 0 else {
            return .failure(
                result.status == 255 || result.status == nil
                    ? .unreachable(Self.reason(result)) : .failed(result.errors))
        }
        return .success(result.output)
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
        guard result.status != nil else { return "no answer in time (micsync stopped waiting)" }
        let last = result.errors.split(whereSeparator: \.isNewline).last.map(String.init)?
            .trimmingCharacters(in: .whitespaces)
        return last.flatMap { $0.isEmpty ? nil : $0 } ?? "ssh ended with exit \(result.status ?? 0)"
    }

    /// Keeps `release` until `release(run:)`, or until `close` (a run ended by a signal at a question).
    func hold(run: String, release: @escaping @Sendable () -> Void) {
        state.withLock { $0.locks[run] = release }
    }

    func release(run: String) {
        state.withLock { $0.locks.removeValue(forKey: run) }?()
    }

    /// Lets go every lock still held on a host, closes every shared connection and removes the private
    /// folder: no lock, no ssh process is left behind.
    public func close() {
        closing.withLock { _ in closeNow() }
    }

    private func closeNow() {
        for release in state.withLock({ state in
            defer { state.locks = [:] }
            return state.locks.values
        }) {
            release()
        }
        let (folder, masters, sockets) = state.withLock { state in
            defer { state = State() }
            return (state.folder, state.masters, state.sockets)
        }
        guard let folder else { return }
        for (key, (remote, reason)) in masters where reason == nil {
            let words = ssh(remote, controlPath: "\(folder)/\(sockets[key] ?? 0)") + ["-O", "exit", remote.destination]
            _ = HostCommand(words: words, timeout: .seconds(10)).run(in: folder)
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in names { unlink(folder + "/" + name) }
        }
        rmdir(folder)
    }
}

/// Why a command on a host did not answer.
enum RemoteFailure: Error {
    /// ssh could not reach the host (exit 255, or the watchdog).
    case unreachable(String)
    /// The script failed on the host.
    case failed(String)
}
