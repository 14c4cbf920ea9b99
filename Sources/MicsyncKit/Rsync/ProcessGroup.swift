import Foundation

/// rsync forks (a receiver, a generator): the first process micsync starts is not the last to end. Each
/// rsync runs in a process group of its own, so that micsync can signal all its processes and wait until
/// none is left, on every way out.
enum ProcessGroup {
    /// Whether a process of group `group` still lives (a zombie, dead but not yet reaped, does not count).
    static func isAlive(_ group: pid_t) -> Bool {
        guard kill(-group, 0) == 0 else { return false }
        guard let proc = opendir("/proc") else { return true }
        defer { closedir(proc) }
        while let entry = readdir(proc) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = pid_t(name), let (state, processGroup) = status(of: pid) else { continue }
            if processGroup == group, state != "Z", state != "X" { return true }
        }
        return false
    }

    /// Waits until no process of `group` is left.
    static func waitUntilGone(_ group: pid_t) async {
        while isAlive(group) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Sends `signal` to every process of `group`.
    static func send(_ signal: Int32, to group: pid_t) {
        kill(-group, signal)
    }

    /// The state letter and process group of `pid`, from `/proc/PID/stat` (after the name, which may hold
    /// spaces and parentheses, so read from the last `)`).
    private static func status(of pid: pid_t) -> (Character, pid_t)? {
        guard case .success(let data) = FileSystem.contents(of: "/proc/\(pid)/stat", limit: 4096),
            let text = String(data: data, encoding: .utf8), let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 3, let state = fields[0].first, let group = pid_t(fields[2]) else { return nil }
        return (state, group)
    }

    /// A process that keeps `lock` (as its stdin) until no process of `group` is left, so that the lock
    /// outlives micsync when micsync is killed (`kill -9`) while rsync still runs. It ignores the signals
    /// micsync ignores (inherited) and is in a group of its own, so Ctrl-C on the terminal leaves it be.
    /// nil when it could not be started (the lock is then rsync's alone).
    static func startHolder(of lock: Int32, untilGone group: pid_t) -> LockHolder? {
        // While micsync lives it holds the lock itself: the holder sleeps in `read` on a connection that only
        // micsync writes to, which ends however micsync ends (a socket pair: made close-on-exec at once, so
        // no rsync started meanwhile inherits it). Only then does it look at /proc (each process's
        // group after the name's last ")"; a zombie does not count) until the group is gone.
        let script = """
            read -r _ <&3
            while :; do
              alive=
              for f in /proc/[0-9]*/stat; do
                read -r line 2>/dev/null < "$f" || continue
                set -- ${line##*") "}
                if [ "$3" = "$0" ] && [ "$1" != Z ] && [ "$1" != X ]; then alive=1; break; fi
              done
              [ -n "$alive" ] || exit 0
              sleep 0.05
            done
            """
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            return nil
        }
        defer { close(ends[0]) }
        // Nothing else of micsync's (its output, pipes it inherited): whoever reads them must see their end
        // when micsync ends.
        let started = spawn(["/bin/sh", "-c", script, "\(group)"], keeping: 3) { actions in
            posix_spawn_file_actions_adddup2(&actions, lock, 0)
            posix_spawn_file_actions_adddup2(&actions, ends[0], 3)
            for output in [STDOUT_FILENO, STDERR_FILENO] {
                posix_spawn_file_actions_addopen(&actions, output, "/dev/null", O_WRONLY, 0)
            }
        }
        guard case .success(let pid) = started else {
            close(ends[1])
            return nil
        }
        return LockHolder(pid: pid, micsyncAlive: ends[1])
    }

    /// Starts `words` (the program looked up on `PATH` unless it is a path) in a process group of its own, so
    /// that Ctrl-C on the terminal is micsync's to handle: `arrange` sets its first descriptors, and every
    /// other descriptor micsync has open above `keeping` is closed in it. The pid, or the `errno` it failed
    /// with.
    static func spawn(
        _ words: [String], keeping highest: Int32, arrange: (inout posix_spawn_file_actions_t) -> Void
    ) -> Result<pid_t, POSIXError> {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        arrange(&actions)
        for descriptor in openDescriptors() where descriptor > highest {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pointers = words.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var pid: pid_t = 0
        let failure = posix_spawnp(&pid, words[0], &actions, &attributes, &pointers, environ)
        return failure == 0 ? .success(pid) : .failure(POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO))
    }

    /// The holder process and micsync's end of the connection it sleeps on.
    struct LockHolder: Sendable {
        let pid: pid_t
        let micsyncAlive: Int32

        /// Ends the holder once rsync's group is gone (micsync still holds the lock) and collects it.
        func release() async {
            kill(pid, SIGKILL)
            close(micsyncAlive)
            var status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
    }

    /// micsync's open file descriptors, from `/proc/self/fd`.
    private static func openDescriptors() -> [Int32] {
        guard let listing = opendir("/proc/self/fd") else { return [] }
        defer { closedir(listing) }
        let own = dirfd(listing)
        var descriptors: [Int32] = []
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let descriptor = Int32(name), descriptor != own { descriptors.append(descriptor) }
        }
        return descriptors
    }
}
