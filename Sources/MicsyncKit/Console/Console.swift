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
