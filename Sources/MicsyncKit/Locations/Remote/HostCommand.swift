import Foundation

/// One ssh command run to its end (or stopped: by its watchdog, when it says too much, or when the run
/// closes): its standard input, output and errors go through files, never pipes, so that a process that
/// outlives it (a backgrounded ssh master) can never keep micsync waiting for an end of file. A host's
/// answer is bounded: a command whose output or errors grow past `answerLimit` is stopped at once, so that a
/// host that floods never fills micsync's folder.
struct HostCommand {
    /// The most a host may answer one command with, output and errors each.
    static let answerLimit = 1 << 20

    struct Result {
        /// ssh's exit status (255: ssh itself failed), or nil when it was stopped.
        let status: Int32?
        let output: String
        let errors: String
        /// It was stopped for answering more than `answerLimit`.
        var tooMuch = false
    }

    let words: [String]
    /// Sent on standard input; nil for none.
    var input: String?
    /// The longest it may take, including a host that accepts and never answers.
    var timeout: Duration = .seconds(25)

    /// Runs it in a process group of its own (Ctrl-C on the terminal is micsync's to handle), with its
    /// files in `folder`, micsync's private folder for this run's ssh. `children` learns of it while it runs,
    /// so that the run's end can stop it.
    func run(in folder: String, children: HostChildren? = nil) -> Result {
        let base = folder + "/command-\(UUID().uuidString.prefix(8))"
        let (inputFile, outputFile, errorFile) = (base + ".in", base + ".out", base + ".err")
        defer { for file in [inputFile, outputFile, errorFile] { unlink(file) } }
        guard FileManager.default.createFile(atPath: inputFile, contents: Data((input ?? "").utf8)) else {
            return Result(status: nil, output: "", errors: "cannot write \(inputFile)")
        }
        // A lock micsync holds must never be kept by an ssh master that outlives the run.
        let spawn = {
            ProcessGroup.spawn(words, keeping: STDERR_FILENO) { actions in
                posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, inputFile, O_RDONLY, 0)
                posix_spawn_file_actions_addopen(
                    &actions, STDOUT_FILENO, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                posix_spawn_file_actions_addopen(
                    &actions, STDERR_FILENO, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            }
        }
        let pid: pid_t
        let started: Swift.Result<pid_t, POSIXError>? = if let children { children.start(spawn) } else { spawn() }
        switch started {
        case .success(let started): pid = started
        case .failure(let error):
            let why = String(cString: strerror(error.code.rawValue))
            return Result(status: nil, output: "", errors: "cannot run \(words[0]): \(why)")
        case nil:
            return Result(status: nil, output: "", errors: "the run's ssh is closed")
        }
        defer { children?.ended(pid) }
        let (status, tooMuch) = Self.wait(for: pid, timeout: timeout, files: [outputFile, errorFile])
        return Result(
            status: status, output: Self.answer(in: outputFile), errors: Self.answer(in: errorFile), tooMuch: tooMuch)
    }

    /// What a command wrote into `file`, at most `answerLimit` of it.
    static func answer(in file: String) -> String {
        guard case .success(let data) = FileSystem.contents(of: file, limit: answerLimit) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether one of `files` grew past `answerLimit`.
    static func overflowing(_ files: [String]) -> Bool {
        files.contains { file in
            var info = stat()
            return stat(file, &info) == 0 && Int(info.st_size) > answerLimit
        }
    }

    /// The exit status of `pid`, nil when it did not end in time or said too much and was killed (with its
    /// group); and whether it said too much.
    private static func wait(for pid: pid_t, timeout: Duration, files: [String]) -> (Int32?, tooMuch: Bool) {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            let tooMuch = overflowing(files)
            guard ContinuousClock.now < deadline, !tooMuch else {
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                return (nil, tooMuch)
            }
            usleep(10_000)
        }
        return (exitStatus(status), false)
    }

    /// WIFEXITED / WEXITSTATUS, which Swift does not import: the exit code, or 128 + the signal.
    static func exitStatus(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// The ssh processes of one run that are running now, so that the run's end (a signal's handler, say)
/// stops them and waits for them rather than leave them behind.
protocol HostChildren: Sendable {
    /// Runs `spawn` and counts the process it started as running, in one step that a closing waits for (a
    /// process started the instant before a signal's handler closes, and not yet counted, would outlive
    /// micsync); nil, and nothing started, once the run is closing.
    func start(_ spawn: () -> Result<pid_t, POSIXError>) -> Result<pid_t, POSIXError>?
    /// A command ended and was reaped.
    func ended(_ pid: pid_t)
}
