import Foundation
import MicsyncKit

/// The status as a table people read: one block per configuration, one row per location.
struct StatusTable {
    let document: StatusDocument
    let style: Style
    let now: Date

    init(_ document: StatusDocument, style: Style, now: Date = Date()) {
        self.document = document
        self.style = style
        self.now = now
    }

    var text: String {
        var lines = ["config file: \(document.configFile)"]
        for configuration in document.configurations {
            let part = configuration.paths == [""] ? "" : " (" + configuration.paths.joined(separator: ", ") + ")"
            lines += ["", style(configuration.name, .bold) + part]
            var table = TextTable()
            table.rows = configuration.locations.map(cells)
            lines += table.lines(style: style)
        }
        return lines.joined(separator: "\n")
    }

    private func cells(_ status: ConfigurationStatus.LocationStatus) -> [TextTable.Cell] {
        let location = status.location
        var row: [TextTable.Cell] = [
            .init(location.role.rawValue), .init("\(location.index)"), .init(location.path),
            status.accessible ? .init("accessible", .green) : .init("not accessible", .red),
            .init(status.freeBytes.map { ByteCount.readable($0) + " free" } ?? ""),
        ]
        if location.role == .backup {
            row.append(status.lastBackup.map { .init("last backup " + when($0)) } ?? .init("last backup never", .yellow))
        } else {
            row.append(.init(""))
        }
        if let pending = status.pending {
            let text = "\(pending.new) new, \(pending.modified) modified, \(pending.onlyInBackup) only in BACKUP"
            row.append(.init(text, pending.new + pending.modified > 0 ? .yellow : .green))
        }
        return row
    }

    /// Local time and how long ago: `2025-01-02 13:04 (3 hours ago)`.
    private func when(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let seconds = Int(now.timeIntervalSince(date))
        let ago = switch seconds {
        case ..<60: "just now"
        case ..<3600: "\(seconds / 60) min ago"
        case ..<172_800: "\(seconds / 3600) h ago"
        default: "\(seconds / 86_400) days ago"
        }
        return "\(formatter.string(from: date)) (\(ago))"
    }
}
