import Foundation

/// Where micsync speaks: lists and reports to stdout, notes, questions and errors to stderr.
public enum Console {
    public static func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A one-line note for the user (a location skipped, a hint), on stderr.
    public static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
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

    /// Writes `prompt` to stderr without a newline.
    public static func prompt(_ prompt: String) {
        FileHandle.standardError.write(Data(prompt.utf8))
    }
}

/// Where answers come from: standard input by default; tests pass their own.
public protocol AnswerSource: Sendable {
    /// The next answer, or nil at end of input.
    func nextAnswer() -> String?
}

public struct StandardInputAnswers: AnswerSource {
    public init() {}

    public func nextAnswer() -> String? { readLine(strippingNewline: true) }
}
