import MicsyncKit

/// The differences between one WORKING and each BACKUP compared, for people and as JSON.
struct DiffDocument {
    let working: Location
    let checksum: Bool
    let plans: [(Location, Plan)]

    init(working: Location, checksum: Bool, backups plans: [(Location, Plan)]) {
        self.working = working
        self.checksum = checksum
        self.plans = plans
    }

    /// Writes the JSON document to stdout as it goes: `{"backups": [...], "checksum": …, "working": {…}}`.
    func writeJSON() {
        var json = JSONStream()
        json.object { json in
            json.array("backups") { json in
                for (location, plan) in plans {
                    json.object { json in
                        json.unstorable(plan.cannotStore)
                        json.pathList("differing", plan.modified)
                        json.location("location", location)
                        json.pathList("onlyInBackup", plan.deleted)
                        json.pathList("onlyInWorking", plan.new)
                    }
                }
            }
            json.value("checksum", checksum)
            json.location("working", working)
        }
        json.finish()
    }

    func text(style: Style) -> String {
        let how = checksum ? "by content" : "by size and modification time"
        var lines = ["WORKING \(working.path), compared \(how) with:"]
        for (location, plan) in plans {
            let sections: [(String, PathList, Style.Colour)] = [
                ("only in WORKING", plan.new, .green),
                ("only in BACKUP", plan.deleted, .red),
                ("differing", plan.modified, .yellow),
            ]
            let heading = "BACKUP \(location.path)"
            guard sections.contains(where: { !$0.1.isEmpty }) || !plan.cannotStore.isEmpty else {
                lines.append("\(heading): \(style("identical", .green))")
                continue
            }
            lines.append("\(heading):")
            for (title, list, colour) in sections where !list.isEmpty {
                lines.append("  \(style(title, colour)) (\(list.count)):")
                lines += list.map { "    \($0.displayName)" }
            }
            if !plan.cannotStore.isEmpty {
                lines.append("  \(style("cannot be stored on \(location.path)", .red)) (\(plan.cannotStore.count)):")
                lines += plan.cannotStore.map { "    \($0.displayName)  (\($0.reason))" }
            }
        }
        return lines.joined(separator: "\n")
    }
}
