import Foundation
import Synchronization

/// A script on a host that lasts as long as micsync keeps it: it reads its own text and then waits on its
/// standard input, a pipe whose other end only micsync holds, so that it ends when micsync closes that end
/// (`end`) or when micsync ends, however that comes (kill -9 too). Its answers (`key=value` lines after the
/// sentinel, up to `end=1`) are read from a file as they arrive; its output is bounded like a command's.
final class HostSession: Sendable {
    let pid: pid_t
    private let input: Mutex<Int32?>
    private let files: [String]

    private init(pid: pid_t, input: Int32, files: [String]) {
        self.pid = pid
        self.input = Mutex(input)
        self.files = files
    }

    /// Starts `words` (ssh running `/bin/sh -s` on the host) with `script` on its standard input, its files
    /// in `folder`; nil with the reason when it could not start.
    static func start(_ words: [String], script: String, in folder: String) -> Result<HostSession, RemoteFailure> {
        let base = folder + "/session-\(UUID().uuidString.prefix(8))"
        let (outputFile, errorFile) = (base + ".out", base + ".err")
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            return .failure(.unreachable("cannot make a pipe: \(String(cString: strerror(errno)))"))
        }
        // No other child may keep the session's input open: its end is micsync's to decide.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let started = ProcessGroup.spawn(words, keeping: STDERR_FILENO) { actions in
            posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        close(ends[0])
        guard case .success(let pid) = started else {
            close(ends[1])
            return .failure(.unreachable("cannot run \(words[0])"))
        }
        // The script is small: the pipe holds it whole, so this write never waits.
        let bytes = Array(script.utf8)
        _ = write(ends[1], bytes, bytes.count)
        return .success(HostSession(pid: pid, input: ends[1], files: [outputFile, errorFile]))
    }

    /// Its answers once it has given them all (`end=1`); else why none came: it ended first (ssh could not
    /// reach the host, 255), it said too much, or it said nothing in time.
    func answers(timeout: Duration = .seconds(30)) -> Result<[String: String], RemoteFailure> {
        let deadline = ContinuousClock.now + timeout
        while true {
            if HostCommand.overflowing(files) {
                end(stopping: true)
                return .failure(.tooMuch)
            }
            // Looked at before the output, so that an answer written just before the end is read.
            let status = peekedStatus()
            if let answers = HostScript.answers(HostCommand.answer(in: files[0])) { return .success(answers) }
            if let status {
                let errors = HostCommand.answer(in: files[1])
                return .failure(
                    status == 255 ? .unreachable(RemoteHosts.lastLine(errors, status: status)) : .failed(errors))
            }
            guard ContinuousClock.now < deadline else {
                end(stopping: true)
                return .failure(.unreachable("no answer in time (micsync stopped waiting)"))
            }
            usleep(10_000)
        }
    }

    /// Its exit status once it has ended, without reaping it (`end` does); 255 when it was reaped already.
    private func peekedStatus() -> Int32? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return 255 }
        let child = info._sifields._sigchld
        guard child.si_pid != 0 else { return nil }
        // CLD_EXITED: the exit code; else the signal that killed it.
        return info.si_code == CLD_EXITED ? child.si_status : 128 + child.si_status
    }

    /// Ends it: closes its input (the script lets go of what it holds and exits), waits for it (ten seconds at
    /// most, then it is killed; at once when `stopping`), reaps it and removes its files. Safe to call twice,
    /// from any thread.
    func end(stopping: Bool = false) {
        guard
            let descriptor = input.withLock({ input in
                defer { input = nil }
                return input
            })
        else { return }
        close(descriptor)
        if stopping { kill(-pid, SIGKILL) }
        let deadline = ContinuousClock.now + .seconds(10)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if ContinuousClock.now >= deadline {
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        for file in files { unlink(file) }
    }
}
