import Foundation

/// Colour for what micsync prints on stdout: only on a terminal whose TERM is set and not `dumb`, and never
/// when `NO_COLOR` is set (https://no-color.org: any non-empty value); `--color always|never` overrides both.
public struct Style: Sendable {
    public enum Colour: String, Sendable {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case bold = "1"
    }

    /// `--color`: `auto` decides by the terminal and the environment.
    public enum Choice: String, Sendable, CaseIterable {
        case auto, always, never
    }

    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Whether to colour a stream, by `choice`, whether it is a terminal and the environment.
    public static func enabled(_ choice: Choice, isTerminal: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: true
        case .never: false
        case .auto:
            isTerminal && !["", "dumb"].contains(environment["TERM"] ?? "") && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }

    /// `text` in `colour` when given.
    public func colour(_ text: String, _ colour: Colour?) -> String {
        colour.map { self(text, $0) } ?? text
    }

    public func callAsFunction(_ text: String, _ colour: Colour) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
