import Foundation
import MicsyncKit

/// The status as a table people read, using the terminal's whole width: one block per configuration, a
/// header row, one row per location and under it, in the PATH column, its filesystem and limits, or why it
/// cannot be used.
struct StatusTable {
    let document: StatusDocument
    let style: Style
    let width: Int
    let now: Date

    init(_ document: StatusDocument, style: Style, width: Int, now: Date = Date()) {
        self.document = document
        self.style = style
        self.width = width
        self.now = now
    }

    var text: String {
        var lines = ["config file: \(document.configFile)"]
        var hints: [String] = []
        for configuration in document.configurations {
            let part = configuration.paths == [""] ? "" : " (" + configuration.paths.joined(separator: ", ") + ")"
            lines += ["", style(configuration.name, .bold) + part]
            lines += table(configuration.locations)
            hints += configuration.locations.compactMap {
                $0.facts.access.hint(for: $0.facts.location).map { "  \($0)" }
            }
        }
        return (lines + (hints.isEmpty ? [] : [""] + hints)).joined(separator: "\n")
    }

    private func table(_ locations: [ConfigurationStatus.LocationStatus]) -> [String] {
        let header = ["ROLE", "#", "PATH", "STATE", "FREE", "LAST BACKUP"].map { TextTable.Cell($0, .bold) }
        let rows = locations.map(cells)
        // PATH gets what the other columns leave of the width, the middle of a long path elided.
        let others = (0..<header.count).filter { $0 != 2 }.map { column in
            ([header] + rows).map { $0[column].text.count }.max()!
        }
        let room = max(12, width - 2 - others.reduce(0, +) - 2 * (header.count - 1))
        var table = TextTable()
        table.rows =
            [header]
            + rows.map { row in
                var row = row
                row[2] = .init(MiddleElision.elided(row[2].text, to: room))
                return row
            }
        let lines = table.lines(style: style)
        // The details start under PATH and may use the rest of the line.
        let indent = 2 + others[0] + 2 + others[1] + 2
        var result = [lines[0]]
        for (status, line) in zip(locations, lines.dropFirst()) {
            result.append(line)
            result += details(status).map { detail in
                String(repeating: " ", count: indent)
                    + style.colour(Self.elided(detail.text, to: max(12, width - indent)), detail.colour)
            }
        }
        return result
    }

    private func cells(_ status: ConfigurationStatus.LocationStatus) -> [TextTable.Cell] {
        let location = status.facts.location
        let lastBackup: TextTable.Cell =
            location.role != .backup
            ? .init("")
            : status.lastBackup.map { .init(TimeWords.ago($0, now: now)) } ?? .init("never", .yellow)
        return status.facts.cells + [.init(status.facts.freeBytes.map { ByteCount.readable($0) } ?? ""), lastBackup]
    }

    /// The lines under a location: its filesystem and limits, or why it is not accessible; pending changes.
    private func details(_ status: ConfigurationStatus.LocationStatus) -> [TextTable.Cell] {
        var lines = [status.facts.detail]
        if let pending = status.pending {
            let text = "\(pending.new) new, \(pending.modified) modified, \(pending.onlyInBackup) only in BACKUP"
            lines.append(.init(text, pending.new + pending.modified > 0 ? .yellow : .green))
        }
        return lines
    }

    /// `…/of/a/long/path`: the end of a path is what tells locations apart.
    static func elided(_ text: String, to width: Int) -> String {
        text.count <= width ? text : "…" + text.suffix(width - 1)
    }
}
