import Foundation

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

/// Where answers come from: standard input by default; tests pass their own.
public protocol AnswerSource: Sendable {
    /// The next answer, or nil at end of input.
    func nextAnswer() -> String?
}
