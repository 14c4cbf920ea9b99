import Foundation

/// One ssh command run to its end (or killed by its watchdog): its standard input, output and errors go
/// through files, never pipes, so that a process that outlives it (a backgrounded ssh master) can never
/// keep micsync waiting for an end of file.
struct HostCommand {
    struct Result {
        /// ssh's exit status (255: ssh itself failed), or nil when the watchdog killed it.
        let status: Int32?
        let output: String
        let errors: String
    }

    let words: [String]
    /// Sent on standard input; nil for none.
    var input: String?
    /// The longest it may take, including a host that accepts and never answers.
    var timeout: Duration = .seconds(25)

    /// Runs it in a process group of its own (Ctrl-C on the terminal is micsync's to handle), with its
    /// files in `folder`, micsync's private folder for this run's ssh.
    func run(in folder: String) -> Result {
        let base = folder + "/command-\(UUID().uuidString.prefix(8))"
        let (inputFile, outputFile, errorFile) = (base + ".in", base + ".out", base + ".err")
        defer { for file in [inputFile, outputFile, errorFile] { unlink(file) } }
        guard FileManager.default.createFile(atPath: inputFile, contents: Data((input ?? "").utf8)) else {
            return Result(status: nil, output: "", errors: "cannot write \(inputFile)")
        }
        // A lock micsync holds must never be kept by an ssh master that outlives the run.
        let started = ProcessGroup.spawn(words, keeping: STDERR_FILENO) { actions in
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, inputFile, O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        let pid: pid_t
        switch started {
        case .success(let started): pid = started
        case .failure(let error):
            let why = String(cString: strerror(error.code.rawValue))
            return Result(status: nil, output: "", errors: "cannot run \(words[0]): \(why)")
        }
        let status = Self.wait(for: pid, timeout: timeout)
        func read(_ file: String) -> String {
            guard case .success(let data) = FileSystem.contents(of: file, limit: 1 << 20) else { return "" }
            return String(decoding: data, as: UTF8.self)
        }
        return Result(status: status, output: read(outputFile), errors: read(errorFile))
    }

    /// The exit status of `pid`; nil when it did not end in time and was killed (with its group).
    private static func wait(for pid: pid_t, timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard ContinuousClock.now < deadline else {
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                return nil
            }
            usleep(10_000)
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
