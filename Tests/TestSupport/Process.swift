import Foundation
import Testing

/// What a finished process printed, and its exit status.
public struct RunResult: CustomStringConvertible, Sendable {
    /// The exit status, or the number of the signal that killed the process when `killedBySignal`.
    public let status: Int32
    /// A crash (SIGILL 4 or SIGTRAP 5) must never pass for exit status 4 or 5.
    public let killedBySignal: Bool
    public let stdout: String
    public let stderr: String
    /// The bytes it read (`rchar` in `/proc/PID/io`, its collected children's reads included), measured when it
    /// had exited and before it was collected.
    public var bytesRead: Int?

    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    public var description: String {
        (killedBySignal ? "killed by signal \(status)" : "exit \(status)")
            + "\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// A process a test runs: the executable, its arguments, its whole stdin, its folder, and what its environment
/// adds to the test runner's (whose `MICSYNC_` variables it never sees).
public struct Command: Sendable {
    public var executable: String
    public var arguments: [String]
    public var input: String
    public var directory: String
    public var environment: [String: String]
    /// Its stdout's reader is gone before it writes (as with `| head` once it has read what it wanted).
    public var stdoutReaderGone = false

    public init(
        _ executable: String, _ arguments: [String], input: String = "", directory: String,
        environment: [String: String] = [:]
    ) {
        self.executable = executable
        self.arguments = arguments
        self.input = input
        self.directory = directory
        self.environment = environment
    }

    /// Runs it to its end; no thread of the test runner waits meanwhile.
    public func run() async throws -> RunResult {
        try await RunningProcess(self, input: input).ended()
    }
}

/// The built executables, found next to the test bundle, and the one way tests run a process.
public enum Binary {
    public static let directory: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.path + "/micsync") { return url.path }
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug"
    }()

    /// The micsync the tests run: `MICSYNC_BINARY` when set (`make test` sets its release build, which starts
    /// in a twentieth of the time: a debug build's ArgumentParser checks the whole command tree at each start),
    /// else the one built beside the tests.
    public static let micsync = ProcessInfo.processInfo.environment["MICSYNC_BINARY"] ?? directory + "/micsync"

    /// `PATH` with that micsync and the other built tools first.
    public static var path: String {
        [(micsync as NSString).deletingLastPathComponent, directory, ProcessInfo.processInfo.environment["PATH"]]
            .compactMap { $0 }.joined(separator: ":")
    }

    /// The root of this package (its completions/, man/, scripts/ and sources).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs `executable` to its end with `input` as its whole stdin.
    public static func run(
        _ executable: String, _ arguments: [String], input: String = "", directory: String,
        environment: [String: String]
    ) async throws -> RunResult {
        try await Command(executable, arguments, input: input, directory: directory, environment: environment).run()
    }

    /// Starts a process whose stdin stays open until `finish()`, its output collected as it comes.
    public static func start(
        _ executable: String, _ arguments: [String], directory: String,
        environment: [String: String]
    ) throws -> RunningProcess {
        try RunningProcess(Command(executable, arguments, directory: directory, environment: environment), input: nil)
    }
}

/// A running child. Two threads of its own wait on it, never one of the test runner's: one drains its stdout
/// and stderr as they come (a long output never blocks it), one waits for its exit; a test awaits its end. It
/// runs in a process group of its own, as a shell starts a command, with no descriptor of the test runner's
/// but its three pipes, so that a long-lived child (a server, a watcher) never holds another test's output open.
public final class RunningProcess: Sendable {
    public let pid: pid_t
    /// Its stdin, open until `finish()` (when started with `Binary.start`).
    public let stdin: FileHandle
    private let state = ChildState()

    init(_ command: Command, input: String?) throws {
        _ = Self.ignoreBrokenPipes
        let stdin = try Pipe2(), stdout = try Pipe2(), stderr = try Pipe2()
        do {
            pid = try Self.spawn(command, stdin: stdin.read, stdout: stdout.write, stderr: stderr.write)
        } catch {
            for descriptor in [stdin.read, stdin.write, stdout.read, stdout.write, stderr.read, stderr.write] {
                close(descriptor)
            }
            throw error
        }
        for descriptor in [stdin.read, stdout.write, stderr.write] { close(descriptor) }
        if command.stdoutReaderGone { close(stdout.read) }
        self.stdin = FileHandle(fileDescriptor: stdin.write, closeOnDealloc: true)
        let (state, pid) = (state, pid)
        let output = command.stdoutReaderGone ? -1 : stdout.read
        Thread.detachNewThread { state.drain(output, stderr.read) }
        Thread.detachNewThread { state.reap(pid) }
        if let input {
            let handle = self.stdin
            Thread.detachNewThread {
                try? handle.write(contentsOf: Data(input.utf8))
                try? handle.close()
            }
        }
    }

    /// A child left running by a test that failed on its way is killed; its threads collect it.
    deinit { signal(SIGKILL) }

    /// A child that exits without reading its input must not kill the test runner with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { Glibc.signal(SIGPIPE, SIG_IGN) }()

    public var stdout: String { state.lock.withLock { String(decoding: state.out, as: UTF8.self) } }
    public var stderr: String { state.lock.withLock { String(decoding: state.err, as: UTF8.self) } }
    public var hasExited: Bool { state.lock.withLock { state.status != nil } }

    /// Sends `signal` to it unless it has exited (never to another process that got its pid since).
    public func signal(_ signal: Int32) {
        state.lock.withLock {
            if state.status == nil { _ = Glibc.kill(pid, signal) }
        }
    }

    /// SIGKILL unless it has exited, without waiting: what a test's `defer` does (it cannot await) to leave
    /// nothing running when the test ends early; the child's own threads collect it.
    public func kill() { signal(SIGKILL) }

    /// Waits until its stderr shows `text`; fails the test when it exits or 90 s (a safety net) pass without.
    public func waitForStderr(
        containing text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        _ = await waitUntil(90) { self.stderr.contains(text) || self.hasExited }
        try #require(
            stderr.contains(text), "waited for \(text) on stderr, got:\n\(stderr)", sourceLocation: sourceLocation)
    }

    /// Waits until it has exited, its stdin left open (as a terminal's stays until the program ends).
    public func waitForExit() async {
        await withCheckedContinuation { continuation in state.when(.exited) { continuation.resume() } }
    }

    /// Closes its stdin, waits for its end and all its output; what it printed and how it ended.
    @discardableResult
    public func finish() async -> RunResult {
        try? stdin.close()
        return await ended()
    }

    /// Waits for its end and all its output, its stdin left as it is.
    func ended() async -> RunResult {
        await withCheckedContinuation { continuation in state.when(.ended) { continuation.resume() } }
        return result
    }

    /// Blocks the calling thread until the process has exited (or ended, its output all read): only for the
    /// synchronous helpers.
    func block(untilEnded: Bool) {
        let semaphore = DispatchSemaphore(value: 0)
        state.when(untilEnded ? .ended : .exited) { semaphore.signal() }
        semaphore.wait()
    }

    /// What it printed and how it ended; once it has ended (`finish()`).
    public var result: RunResult {
        state.lock.withLock {
            let status = state.status ?? 0
            precondition(state.status != nil, "the result of process \(pid) before its end")
            // The wait status: a signal number in the low 7 bits, else the exit status above them.
            let signal = status & 0x7f
            return RunResult(
                status: signal != 0 ? signal : (status >> 8) & 0xff, killedBySignal: signal != 0,
                stdout: String(decoding: state.out, as: UTF8.self), stderr: String(decoding: state.err, as: UTF8.self),
                bytesRead: state.bytesRead)
        }
    }

    /// `posix_spawn` of `command` in its folder (`env -C`), in a process group of its own, with default signal
    /// handling and nothing blocked, and every descriptor above stderr closed.
    private static func spawn(_ command: Command, stdin: Int32, stdout: Int32, stderr: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) }
        for descriptor in open ?? [] where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words = ["/usr/bin/env", "-C", command.directory, "--", command.executable] + command.arguments
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MICSYNC_") }
            .merging(command.environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var argv = words.map { strdup($0) } + [nil]
        var envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let failure = posix_spawn(&pid, words[0], &actions, &attributes, &argv, &envp)
        guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
        return pid
    }
}

/// A pipe whose two ends are closed on exec: no child inherits them but through `dup2`.
private struct Pipe2 {
    let read: Int32
    let write: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        (read, write) = (ends[0], ends[1])
    }
}

/// What a child's threads learn (its output, its wait status), and who waits for what: under `lock`.
private final class ChildState: @unchecked Sendable {
    enum Moment {
        /// It has exited and is collected.
        case exited
        /// It has exited and its stdout and stderr are closed: everything it printed is here.
        case ended
    }

    let lock = NSLock()
    var out = Data(), err = Data()
    /// Its wait status, once collected.
    var status: Int32?
    var bytesRead: Int?
    var drained = false
    private var waiting: [(moment: Moment, wake: @Sendable () -> Void)] = []

    private func reached(_ moment: Moment) -> Bool { status != nil && (moment == .exited || drained) }

    /// Calls `wake` (at once if it is so already) when the child reaches `moment`.
    func when(_ moment: Moment, _ wake: @escaping @Sendable () -> Void) {
        let now = lock.withLock {
            if reached(moment) { return true }
            waiting.append((moment, wake))
            return false
        }
        if now { wake() }
    }

    /// Changes the state under the lock, then wakes whoever waited for what it has reached.
    private func update(_ change: () -> Void) {
        let woken = lock.withLock {
            change()
            let ready = waiting.filter { reached($0.moment) }
            waiting.removeAll { reached($0.moment) }
            return ready
        }
        for waiter in woken { waiter.wake() }
    }

    /// Reads stdout and stderr until both are closed (by the child and every process that inherited them).
    func drain(_ stdout: Int32, _ stderr: Int32) {
        var descriptors = [stdout, stderr].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while descriptors.contains(where: { $0.fd >= 0 }) {
            if poll(&descriptors, 2, -1) < 0 && errno != EINTR { break }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = read(descriptors[index].fd, &buffer, buffer.count)
                if count > 0 {
                    update { index == 0 ? out.append(buffer, count: count) : err.append(buffer, count: count) }
                } else if count == 0 || errno != EINTR {
                    close(descriptors[index].fd)
                    // poll passes over a negative descriptor.
                    descriptors[index].fd = -1
                }
            }
        }
        update { drained = true }
    }

    /// Waits for the child's exit, then collects it under the lock, so that no signal is sent to its pid after;
    /// what it read is read from `/proc` in between, while it is there to be read.
    func reap(_ pid: pid_t) {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        let io = (try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8)) ?? ""
        let bytesRead = io.split(separator: "\n").first { $0.hasPrefix("rchar:") }
            .flatMap { Int($0.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces)) }
        update {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            self.status = status
            self.bytesRead = bytesRead
        }
    }
}

/// Checks `condition` every 20 ms until it holds (true) or `seconds` have passed (false), sleeping between
/// checks without holding a thread: a wait for what a process does, never a measure of how long it takes.
public func waitUntil(_ seconds: Double = 30, _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while try !condition() {
        if ContinuousClock.now > deadline { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return true
}
