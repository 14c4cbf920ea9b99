import Foundation
import Synchronization

/// The two streams micsync speaks on.
public enum ConsoleStream: Sendable {
    /// Lists and reports.
    case output
    /// Notes, questions and errors.
    case messages
}

/// Where console text goes; tests install their own to run a whole session in process.
public protocol ConsoleSink: Sendable {
    /// Writes `text` as it is; returns the errno of a failed write, nil when it was written.
    func write(_ text: String, to stream: ConsoleStream) -> Int32?
    /// EPIPE when the output's reader went away (`| head`) before anything more was written; nil otherwise.
    func outputReaderGone() -> Int32?
}

extension ConsoleSink {
    public func outputReaderGone() -> Int32? { nil }
}

/// stdout and stderr, written with `write(2)`: a closed, full or broken output is an errno, never a crash.
struct StandardStreams: ConsoleSink {
    func write(_ text: String, to stream: ConsoleStream) -> Int32? {
        let descriptor = stream == .output ? STDOUT_FILENO : STDERR_FILENO
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : EIO }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }

    /// A pipe whose reader has exited polls as an error. `head -3` exits a moment after the lines it
    /// wanted arrive, so the reader is given that moment first.
    func outputReaderGone() -> Int32? {
        var info = stat()
        guard fstat(STDOUT_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else { return nil }
        var descriptor = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
        usleep(50_000)
        guard poll(&descriptor, 1, 0) == 1, descriptor.revents & Int16(POLLERR) != 0 else { return nil }
        return EPIPE
    }
}

/// Where answers come from: standard input by default; tests pass their own.
public protocol AnswerSource: Sendable {
    /// The next answer, or nil at end of input.
    func nextAnswer() -> String?
}

/// Answers read from stdin a byte at a time (nothing read ahead is lost between questions), one line at
/// most `lineLimit` bytes: a longer line comes back in pieces, each an answer of its own, so that a
/// stream without newlines (`/dev/zero`) is never held whole.
public struct StandardInputAnswers: AnswerSource {
    static let lineLimit = 4096

    public init() {}

    public func nextAnswer() -> String? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < Self.lineLimit {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }
}
