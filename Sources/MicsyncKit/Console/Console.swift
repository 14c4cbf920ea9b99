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
public struct StandardStreams: ConsoleSink {
    public init() {}

    public func write(_ text: String, to stream: ConsoleStream) -> Int32? {
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

/// Where micsync speaks: lists and reports to stdout, notes, questions and errors to stderr. Once stdout
/// cannot be written (closed, full, a reader gone), further lists are dropped and `outputFailure` says why.
public enum Console {
    private struct State {
        var sink: any ConsoleSink = StandardStreams()
        var outputFailure: Int32?
    }

    private static let state = Mutex(State())

    /// Replaces where text goes (tests); returns the previous sink.
    @discardableResult
    public static func install(_ sink: any ConsoleSink) -> any ConsoleSink {
        state.withLock { state in
            defer {
                state.sink = sink
                state.outputFailure = nil
            }
            return state.sink
        }
    }

    /// The errno that stopped stdout, if it failed.
    public static var outputFailure: Int32? { state.withLock { $0.outputFailure } }

    /// Throws once stdout has failed, so that a run whose plan could not be shown changes nothing.
    public static func checkOutput() throws(MicsyncError) {
        guard let code = outputFailure else { return }
        throw .io("cannot write to standard output (\(String(cString: strerror(code)))); nothing was changed")
    }

    /// At the end of a command: throws when part of its output was lost to a closed or full stdout. A reader
    /// that went away (`| head`) is no failure: it had read what it wanted.
    public static func checkOutputKept() throws(MicsyncError) {
        guard let code = outputFailure, code != EPIPE else { return }
        throw .io("cannot write to standard output (\(String(cString: strerror(code)))); the output is incomplete")
    }

    public static func print(_ line: String) {
        write(line + "\n")
    }

    /// Writes `text` to stdout as it is (a progress line redrawn in place).
    public static func write(_ text: String) {
        let sink: (any ConsoleSink)? = state.withLock { $0.outputFailure == nil ? $0.sink : nil }
        if let code = sink?.write(text, to: .output) { state.withLock { $0.outputFailure = $0.outputFailure ?? code } }
    }

    /// A one-line note for the user (a location skipped, a hint), on stderr.
    public static func note(_ line: String) {
        prompt(line + "\n")
    }

    /// Set by -q: `notice` says nothing.
    nonisolated(unsafe) public static var quiet = false

    /// A note that -q silences: a location skipped, what a dry run's guard would refuse.
    public static func notice(_ line: String) {
        if !quiet { note(line) }
    }

    public static func error(_ message: String) {
        note("micsync: " + message)
    }

    /// Writes `prompt` to stderr without a newline; a failed stderr is ignored (there is nowhere to say so).
    public static func prompt(_ prompt: String) {
        _ = state.withLock { $0.sink }.write(prompt, to: .messages)
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
    public static let lineLimit = 4096

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
