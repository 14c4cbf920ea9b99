import Foundation

/// What a read-only run found between its source and each destination, for people and as JSON: what is
/// only on one side, and what differs, with which side's copy is newer.
struct DifferenceReport {
    let source: Location
    let byContent: Bool
    let plans: [(Location, Plan)]

    init(source: Location, byContent: Bool, plans: [(Location, Plan)]) {
        self.source = source
        self.byContent = byContent
        self.plans = plans
    }

    /// Whether any destination differs from the source.
    var differs: Bool {
        plans.contains { _, plan in
            !plan.new.isEmpty || !plan.deleted.isEmpty || !plan.modified.isEmpty || !plan.cannotStore.isEmpty
        }
    }

    func newer(_ relative: ArraySlice<UInt8>, at destination: Location) -> NewerCopy {
        NewerCopy(of: relative, source: source.path, destination: destination.path)
    }

    /// How a differing file is listed: which side is newer, or which side could not be read (a dry run
    /// with `--checksum` reports an unreadable copy as differing, without a message).
    private func label(_ relative: ArraySlice<UInt8>, at destination: Location) -> String {
        for location in [source, destination] where !FileSystem.isReadable(location.path, relative) {
            return "cannot be read in \(location.heading)"
        }
        switch newer(relative, at: destination) {
        case .source: return "newer in \(source.role.rawValue)"
        case .destination: return "newer in \(destination.role.rawValue)"
        case .neither: return "same modification time"
        }
    }

    /// Writes the JSON document to stdout as it goes: `{"backups": [...], "checksum": …, "working": {…}}`;
    /// each differing item says which side is newer (`"newer": "WORKING"`, `"BACKUP"` or `"same"`).
    func writeJSON(to terminal: Terminal) {
        var json = JSONStream(to: terminal)
        json.object { json in
            json.array("backups") { json in
                for (location, plan) in plans {
                    json.object { json in
                        json.unstorable(plan.cannotStore)
                        json.pathList("differing", plan.modified) { entry, item in
                            let newer = newer(entry.path, at: location)
                            item.value(
                                "newer",
                                newer == .source
                                    ? source.role.rawValue
                                    : newer == .destination ? location.role.rawValue : "same")
                        }
                        json.location("location", location)
                        json.pathList("onlyInBackup", plan.deleted)
                        json.pathList("onlyInWorking", plan.new)
                    }
                }
            }
            json.value("checksum", byContent)
            json.location("working", source)
        }
        json.finish()
    }

    func text(style: Style) -> String {
        let how = byContent ? "by content" : "by size and modification time"
        var lines = ["\(source.heading), compared \(how) with:"]
        for (location, plan) in plans {
            let sections: [(title: String, list: PathList, colour: Style.Colour, differing: Bool)] = [
                ("only in \(source.role.rawValue)", plan.new, .green, false),
                ("only in \(location.role.rawValue)", plan.deleted, .red, false),
                ("differing", plan.modified, .yellow, true),
            ]
            guard sections.contains(where: { !$0.list.isEmpty }) || !plan.cannotStore.isEmpty else {
                lines.append("\(location.heading): \(style("identical", .green))")
                continue
            }
            lines.append("\(location.heading):")
            for section in sections where !section.list.isEmpty {
                lines.append("  \(style(section.title, section.colour)) (\(section.list.count)):")
                lines += section.list.map { entry in
                    guard section.differing else { return "    \(entry.displayName)" }
                    return "    \(entry.displayName)  (\(label(entry.path, at: location)))"
                }
            }
            if !plan.cannotStore.isEmpty {
                lines.append("  \(style("cannot be stored on \(location.path)", .red)) (\(plan.cannotStore.count)):")
                lines += plan.cannotStore.map { "    \($0.displayName)  (\($0.reason))" }
            }
        }
        return lines.joined(separator: "\n")
    }
}
