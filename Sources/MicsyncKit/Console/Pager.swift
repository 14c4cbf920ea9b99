import Foundation

/// Long lists that nothing waits on (a dry run's plan, the `[l]ist` answer, a trash's files): through `$PAGER`
/// (default `less -FRX`, run by `/bin/sh -c` as git does) when stdout is a terminal too short for them;
/// written straight to stdout otherwise. A run that goes on never calls it with its plan: a run left alone
/// must not wait for someone to quit a pager. The pager has exited by the time `show` returns, so the
/// question asked next is never hidden behind it. `PAGER=` or `PAGER=cat` turns it off.
public struct Pager {
    let terminal: Terminal
    let interruption: Interruption

    public init(terminal: Terminal, interruption: Interruption) {
        self.terminal = terminal
        self.interruption = interruption
    }

    /// Read-only output (a trash's files): paged like a plan's `[l]ist`. Throws the interruption when a signal
    /// arrived while the pager was open.
    public func show(_ lines: [String]) throws(MicsyncError) {
        try show(lineCount: lines.count) { output in lines.forEach { output.line($0) } }
    }

    /// Writes the `lineCount` lines that `body` produces.
    func show(lineCount: Int, _ body: (inout LineWriter) -> Void) throws(MicsyncError) {
        guard terminal.outputIsTerminal, lineCount >= terminal.height, let command = terminal.pagerCommand,
            let pager = Self.spawn(command)
        else {
            var output = LineWriter(terminal)
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
        let key = interruption.register(pid: pager.pid)
        var status: Int32 = 0
        while waitpid(pager.pid, &status, 0) == -1 && errno == EINTR {}
        interruption.unregister(key)
        try interruption.checkpoint()
    }

    /// `$PAGER`, by default `less -FRX`; nil when it is empty or `cat` (no pager).
    public static func command(_ environment: [String: String]) -> String? {
        let command = environment["PAGER"] ?? "less -FRX"
        let trimmed = command.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "cat" ? nil : command
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
    /// The terminal's stdout (its sink notes a failed output), or a pipe of its own (the pager's).
    private enum Target {
        case terminal(Terminal)
        case descriptor(Int32)
    }

    private let target: Target
    private var buffer: [UInt8] = []
    /// Set once a write fails (the reader went away, the disc is full); what follows is dropped.
    private(set) var failed = false

    init(_ terminal: Terminal) {
        target = .terminal(terminal)
        buffer.reserveCapacity(Self.capacity)
    }

    init(descriptor: Int32) {
        target = .descriptor(descriptor)
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
        switch target {
        case .terminal(let terminal):
            if !buffer.isEmpty { terminal.write(String(decoding: buffer, as: UTF8.self)) }
            failed = terminal.outputFailure != nil
        case .descriptor(let descriptor):
            write(to: descriptor)
        }
    }

    private mutating func write(to descriptor: Int32) {
        var written = 0
        while !failed, written < buffer.count {
            let result = buffer[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result > 0 { written += result } else if result < 0, errno != EINTR { failed = true }
        }
    }
}
