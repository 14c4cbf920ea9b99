import Foundation

/// What a read-only run found between its source and each destination, for people and as JSON: what is
/// only on one side, and what differs, with which side's copy is newer.
struct DifferenceReport {
    let source: Location
    let byContent: Bool
    let plans: [(Location, Plan)]
    /// Per destination, for each differing item in its plan's order: which copy is newer, or which side it
    /// cannot be read at; each side asked where it lives.
    private let labels: [[Label]]

    enum Label: Equatable {
        case newer(NewerCopy)
        case unreadable(Location)
    }

    init(source: Location, byContent: Bool, plans: [(Location, Plan)], locations: LocationBook) {
        self.source = source
        self.byContent = byContent
        self.plans = plans
        labels = plans.map { destination, plan in
            let paths = plan.modified.map { Array($0.path) }
            let newer = locations.newerCopies(plan.modified, source: source, destination: destination)
            // A dry run with `--checksum` reports an unreadable copy as differing, without a message.
            let unreadable = [source, destination].map { (location: $0, at: locations.unreadable(paths, in: $0) ?? []) }
            return paths.indices.map { index in
                unreadable.first { $0.at.contains(index) }.map { .unreadable($0.location) } ?? .newer(newer[index])
            }
        }
    }

    /// Whether any destination differs from the source.
    var differs: Bool {
        plans.contains { _, plan in
            !plan.new.isEmpty || !plan.deleted.isEmpty || !plan.modified.isEmpty || !plan.cannotStore.isEmpty
        }
    }

    /// How a differing file is listed: which side is newer, or which side could not be read.
    private func text(_ label: Label, at destination: Location) -> String {
        switch label {
        case .unreadable(let location): "cannot be read in \(location.heading)"
        case .newer(.source): "newer in \(source.role.rawValue)"
        case .newer(.destination): "newer in \(destination.role.rawValue)"
        case .newer(.neither): "same modification time"
        }
    }

    /// Writes the JSON document to stdout as it goes: `{"backups": [...], "checksum": …, "working": {…}}`;
    /// each differing item says which side is newer (`"newer": "WORKING"`, `"BACKUP"` or `"same"`).
    func writeJSON(to terminal: Terminal) {
        var json = JSONStream(to: terminal)
        json.object { json in
            json.array("backups") { json in
                for ((location, plan), labels) in zip(plans, labels) {
                    json.object { json in
                        json.unstorable(plan.cannotStore)
                        json.pathList("differing", plan.modified) { index, item in
                            let newer = labels[index]
                            item.value(
                                "newer",
                                newer == .newer(.source)
                                    ? source.role.rawValue
                                    : newer == .newer(.destination) ? location.role.rawValue : "same")
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
        for ((location, plan), labels) in zip(plans, labels) {
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
                lines += section.list.enumerated().map { index, entry in
                    guard section.differing else { return "    \(entry.displayName)" }
                    return "    \(entry.displayName)  (\(text(labels[index], at: location)))"
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
