import ArgumentParser
import MicsyncKit

/// `--help` and `help ACTION` rendered for the terminal's width by micsync, not by ArgumentParser: its wrap
/// sends the example lines and option descriptions back to column 0; this one keeps them in their column.
enum HelpText {
    static func rendered(for arguments: [String], width: Int) -> String {
        let words = arguments.first == "help" ? Array(arguments.dropFirst()) : arguments
        let command = ParserErrors.command(of: words) ?? Micsync.self
        return WordWrap.wrapped(Micsync.helpMessage(for: command, columns: 10_000), width: width, hanging: true)
    }
}
