import Foundation

/// Colour for what micsync prints on stdout: only on a terminal, and never when `NO_COLOR` is set
/// (https://no-color.org: any non-empty value).
public struct Style: Sendable {
    public enum Colour: String, Sendable {
        case red = "31", green = "32", yellow = "33", bold = "1"
    }

    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Colour when stdout is a terminal and `NO_COLOR` is unset or empty.
    public static let standardOutput = Style(
        enabled: isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty)

    public func callAsFunction(_ text: String, _ colour: Colour) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
