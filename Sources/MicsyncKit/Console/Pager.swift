import Foundation

/// Long lists that nothing waits on (a dry run's plan, the `[l]ist` answer, a trash's files): through `$PAGER`
/// (default `less -FRX`, run by `/bin/sh -c` as git does) when stdout is a terminal too short for them;
/// written straight to stdout otherwise. A run that goes on never calls it with its plan: a run left alone
/// must not wait for someone to quit a pager. The pager has exited by the time `show` returns, so the
/// question asked next is never hidden behind it. `PAGER=` or `PAGER=cat` turns it off.
public enum Pager {
    /// Read-only output (a trash's files): paged like a plan's `[l]ist`.
    public static func show(_ lines: [String]) {
        show(lineCount: lines.count) { output in lines.forEach { output.line($0) } }
    }

    /// Writes the `lineCount` lines that `body` produces.
    static func show(lineCount: Int, _ body: (inout LineWriter) -> Void) {
        guard isatty(STDOUT_FILENO) == 1, lineCount >= terminalRows, let command, let pager = spawn(command) else {
            var output = LineWriter(descriptor: STDOUT_FILENO)
            body(&output)
            output.flush()
            return
        }
        // Quitting the pager early closes the pipe: the rest of the list is dropped, micsync goes on.
        let previous = signal(SIGPIPE, SIG_IGN)
        var output = LineWriter(descriptor: pager.input)
        body(&output)
        output.flush()
        close(pager.input)
        signal(SIGPIPE, previous)
        // A Ctrl-C meanwhile went to the pager too (Interruption passes it on); the run ends once it has exited.
        let key = Interruption.shared.register(pid: pager.pid)
        var status: Int32 = 0
        while waitpid(pager.pid, &status, 0) == -1 && errno == EINTR {}
        Interruption.shared.unregister(key)
        if let signal = Interruption.shared.receivedSignal {
            let error = Interruption.error(for: signal)
            Console.error(error.message)
            exit(error.status.rawValue)
        }
    }

    private static var command: String? {
        let command = ProcessInfo.processInfo.environment["PAGER"] ?? "less -FRX"
        let trimmed = command.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "cat" ? nil : command
    }

    /// The terminal's height in lines (24 when it cannot tell).
    private static var terminalRows: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }

    /// Starts `/bin/sh -c command` reading a new pipe; nil when it cannot start (the list is then printed).
    private static func spawn(_ command: String) -> (pid: pid_t, input: Int32)? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, arguments, environ)
        close(pipe[0])
        guard spawned == 0 else {
            close(pipe[1])
            return nil
        }
        return (pid, pipe[1])
    }
}

/// Lines (or any bytes) gathered into large writes: a million names cost a few hundred system calls, not a
/// million.
struct LineWriter {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Set once a write fails (the reader went away, the disc is full); what follows is dropped.
    private(set) var failed = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.capacity)
    }

    private static let capacity = 64 * 1024

    mutating func line(_ text: String) {
        write(text.utf8)
        write(CollectionOfOne(UInt8(ascii: "\n")))
    }

    mutating func write(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { flush() }
    }

    mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        // stdout goes through the console's sink (a test's, or the real one that notes a failed output).
        if descriptor == STDOUT_FILENO {
            if !buffer.isEmpty { Console.write(String(decoding: buffer, as: UTF8.self)) }
            failed = Console.outputFailure != nil
            return
        }
        var written = 0
        while !failed, written < buffer.count {
            let result = buffer[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result > 0 { written += result } else if result < 0, errno != EINTR { failed = true }
        }
    }
}
