import MicsyncKit

/// The differences between one WORKING and each BACKUP compared, for people and as JSON.
struct DiffDocument: Encodable {
    struct Side: Encodable {
        let location: LocationJSON
        let onlyInWorking: PathListJSON
        let onlyInBackup: PathListJSON
        let differing: PathListJSON
    }

    let working: LocationJSON
    let checksum: Bool
    let backups: [Side]
    private let plans: [(Location, Plan)]

    enum CodingKeys: String, CodingKey { case working, checksum, backups }

    init(working: Location, checksum: Bool, backups plans: [(Location, Plan)]) {
        self.working = LocationJSON(working)
        self.checksum = checksum
        self.plans = plans
        backups = plans.map { location, plan in
            Side(location: LocationJSON(location), onlyInWorking: PathListJSON(plan.new),
                 onlyInBackup: PathListJSON(plan.deleted), differing: PathListJSON(plan.modified))
        }
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
            guard sections.contains(where: { !$0.1.isEmpty }) else {
                lines.append("\(heading): \(style("identical", .green))")
                continue
            }
            lines.append("\(heading):")
            for (title, list, colour) in sections where !list.isEmpty {
                lines.append("  \(style(title, colour)) (\(list.count)):")
                lines += list.map { "    \($0.displayName)" }
            }
        }
        return lines.joined(separator: "\n")
    }
}
