import Foundation

/// micsync's exit codes (README: Exit codes), one per kind of outcome.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case rsyncFailed = 1
    case usage = 2
    case notFound = 3
    case cancelled = 4
    case refused = 5
    case hangup = 129
    case interrupted = 130
    case terminated = 143
}

/// Every failure micsync reports: one short message for stderr and the exit code that goes with it.
public struct MicsyncError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let status: ExitStatus

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }

    /// The message on one line, whatever it holds: its lines joined, a list after its colon, then by semicolons.
    public var oneLine: String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.dropFirst().reduce(lines.first ?? "") { $0 + ($0.hasSuffix(":") ? " " : "; ") + $1 }
    }

    public static func usage(_ message: String) -> Self { .init(.usage, message) }
    public static func config(_ message: String) -> Self { .init(.usage, message) }
    public static func notFound(_ message: String) -> Self { .init(.notFound, message) }
    public static func rsync(_ message: String) -> Self { .init(.rsyncFailed, message) }
    /// micsync's own files or output could not be written or read: a failure, not a usage error.
    public static func io(_ message: String) -> Self { .init(.rsyncFailed, message) }
    public static let cancelled = Self(.cancelled, "cancelled: nothing was changed")
    /// A read-only run found differences: it has said so on stdout, so there is nothing more to print.
    public static let differencesFound = Self(.differencesFound, "")
}

extension ExitStatus {
    /// A read-only action (diff, verify) found differences, like diff(1) and `rclone check`.
    public static let differencesFound = ExitStatus.rsyncFailed
}
