import ArgumentParser
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
    public enum Choice: String, Sendable, CaseIterable, ExpressibleByArgument {
        case auto, always, never

        /// `--color`'s help, wherever it is declared.
        public static let help = ArgumentHelp(
            "When to colour: auto is on a terminal whose TERM is not dumb, without NO_COLOR.",
            valueName: "when")
    }

    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Set from `--color` before any command runs.
    nonisolated(unsafe) public static var choice = Choice.auto

    /// The style of stdout, by `choice`, the terminal and the environment.
    public static var standardOutput: Style {
        Style(
            enabled: enabled(
                choice, isTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment))
    }

    static func enabled(_ choice: Choice, isTerminal: Bool, environment: [String: String]) -> Bool {
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
