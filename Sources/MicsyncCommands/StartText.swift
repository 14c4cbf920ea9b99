import ArgumentParser
import MicsyncKit

/// `micsync` alone: what it is and where to start, in a dozen lines (the whole help is `micsync help`); the
/// original's spelling last.
enum StartText {
    static func rendered(width: Int) -> String {
        let start = [
            ("micsync config init", "write a starter config file of your WORKING and BACKUP locations"),
            ("micsync status", "is every location there, and when was each BACKUP last written?"),
        ]
        let actions = Registry.commands.prefix(4).map { command in
            ("micsync \(command._commandName) PATH…", sentence(command.configuration.abstract))
        }
        let help = [
            ("micsync help", "every action and option"), ("micsync help ACTION", "one action, with examples"),
        ]
        let column = (start + actions + help).map(\.0.count).max() ?? 0
        func rows(_ rows: [(String, String)]) -> [String] {
            rows.map { "  " + $0.0.padding(toLength: column, withPad: " ", startingAt: 0) + "   " + $0.1 }
        }
        let lines =
            ["micsync: " + sentence(Micsync.configuration.abstract), "", "Start here:"] + rows(start)
            + ["", "The four actions:"] + rows(actions) + [""] + rows(help)
            + ["", "The original's spellings work too: micsync --backup -m PATH…"]
        return WordWrap.wrapped(lines.joined(separator: "\n"), width: width, hanging: true)
    }

    /// `Copy from a BACKUP …; may delete.` as a row says it: `copy from a BACKUP …; may delete`.
    private static func sentence(_ abstract: String) -> String {
        let text = abstract.hasSuffix(".") ? String(abstract.dropLast()) : abstract
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
