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
        var lines = ["config file: " + MiddleElision.elided(document.configFile, to: max(12, width - 13))]
        var hints: [String] = []
        for configuration in document.configurations {
            let part = configuration.paths == [""] ? "" : " (" + configuration.paths.joined(separator: ", ") + ")"
            let metadata = ExtendedMetadata(xattrs: configuration.xattrs, acls: configuration.acls)
            lines += ["", style(configuration.name, .bold) + part + "  (\(metadata.summary))"]
            lines.append("  auto: \(configuration.auto.summary)")
            if let automatic = automaticRuns(configuration.auto) { lines.append("  " + automatic) }
            lines += table(configuration.locations)
            hints += configuration.locations.compactMap {
                $0.facts.access.hint(for: $0.facts.location).map { "  \($0)" }
            }
        }
        let wrapped = hints.map { WordWrap.wrapped($0, width: width) }
        return (lines + (hints.isEmpty ? [] : [""] + wrapped)).joined(separator: "\n")
    }

    /// `last automatic run: 3 h ago (exit 0); next due: 2026-12-05 12:08`; nil when the schedule is off.
    private func automaticRuns(_ auto: ConfigurationStatus.Auto) -> String? {
        guard auto.plugged || auto.everySeconds != nil else { return nil }
        let last = auto.lastRun.map { "\(TimeWords.ago($0.start, now: now)) (exit \($0.exitCode))" } ?? "never"
        let plugged = auto.plugged ? "when a BACKUP is plugged in" : nil
        let due = auto.nextDue.map { $0 <= now ? "now" : TimeWords.local($0) }
        let next = [due, plugged].compactMap { $0 }.joined(separator: ", or ")
        return "last automatic run: \(last); next: \(next)"
    }

    private func table(_ locations: [ConfigurationStatus.LocationStatus]) -> [String] {
        let allColumns = ["ROLE", "#", "PATH", "STATE", "FREE", "LAST BACKUP"].map { TextTable.Cell($0, .bold) }
        let allRows = locations.map(cells)
        // PATH gets what the other columns leave of the width, the middle of a long path elided; on a narrow
        // terminal FREE and LAST BACKUP move under the path, so that PATH keeps room.
        let narrow = room(for: allColumns, allRows) < Self.narrowPath
        let header = Array(allColumns.prefix(narrow ? 4 : 6))
        let rows = allRows.map { Array($0.prefix(header.count)) }
        let others = otherWidths(header, rows)
        let paths = MiddleElision.distinct(rows.map(\.[2].text), to: room(for: header, rows))
        var table = TextTable()
        table.rows =
            [header]
            + zip(rows, paths).map { row, path in
                var row = row
                row[2] = .init(path)
                return row
            }
        let lines = table.lines(style: style)
        // The details start under PATH and may use the rest of the line.
        let indent = 2 + others[0] + 2 + others[1] + 2
        var result = [lines[0]]
        for (status, line) in zip(locations, lines.dropFirst()) {
            result.append(line)
            result += details(status, moved: narrow ? cells(status).suffix(2).map(\.text) : []).map { detail in
                String(repeating: " ", count: indent)
                    + style.colour(Self.elided(detail.text, to: max(12, width - indent)), detail.colour)
            }
        }
        return result
    }

    /// Below this, PATH is too cut to tell locations apart: the table drops its last two columns.
    static let narrowPath = 24

    /// The widest cell of each column but PATH.
    private func otherWidths(_ header: [TextTable.Cell], _ rows: [[TextTable.Cell]]) -> [Int] {
        (0..<header.count).filter { $0 != 2 }.map { column in ([header] + rows).map { $0[column].text.count }.max()! }
    }

    /// What the other columns leave PATH of the width.
    private func room(for header: [TextTable.Cell], _ rows: [[TextTable.Cell]]) -> Int {
        max(12, width - 2 - otherWidths(header, rows).reduce(0, +) - 2 * (header.count - 1))
    }

    private func cells(_ status: ConfigurationStatus.LocationStatus) -> [TextTable.Cell] {
        let ago = status.age.map { age in age.lastWritten.map { TimeWords.ago($0, now: now) } ?? "never" }
        let lastBackup: TextTable.Cell =
            switch (ago, status.overdue) {
            case (nil, _): .init("")
            case (let ago?, true): .init(ago + ", overdue", .red)
            case (let ago?, false): .init(ago, status.age?.lastWritten == nil ? .yellow : nil)
            }
        return status.facts.cells + [.init(status.facts.freeBytes.map { ByteCount.readable($0) } ?? ""), lastBackup]
    }

    /// The lines under a location: its filesystem and limits, or why it is not accessible; on a narrow
    /// terminal its free space and last backup (`moved`); what its `.micsync/` holds; pending changes.
    private func details(_ status: ConfigurationStatus.LocationStatus, moved: [String]) -> [TextTable.Cell] {
        var lines = [status.facts.detail]
        let free = moved.first.flatMap { $0.isEmpty ? nil : "\($0) free" }
        let last = moved.last.flatMap { $0.isEmpty ? nil : "last backup \($0)" }
        let movedLine = [free, last].compactMap { $0 }.joined(separator: ", ")
        if !movedLine.isEmpty { lines.append(.init(movedLine)) }
        if let held = status.holdings?.summary { lines.append(.init(held)) }
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
