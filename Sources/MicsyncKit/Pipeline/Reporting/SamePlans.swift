/// Destinations whose plans read the same (a first backup to two empty discs, say): listed once and asked
/// about once, so that one change is one question whatever the number of destinations it goes to.
enum SamePlans {
    /// `items` in groups of those `same` says alike, each group in the order of its first member.
    static func groups<Item>(_ items: [Item], same: (Item, Item) -> Bool) -> [[Item]] {
        var groups: [[Item]] = []
        for item in items {
            if let index = groups.firstIndex(where: { same($0[0], item) }) {
                groups[index].append(item)
            } else {
                groups.append([item])
            }
        }
        return groups
    }

    /// Whether two destinations' plans list the same items, newer ones marked alike. A plan with items its
    /// filesystem cannot hold is its disc's own, never grouped.
    static func listTheSame(_ one: PlannedDestination, _ other: PlannedDestination) -> Bool {
        let (a, b) = (one.plan, other.plan)
        return a.cannotStore.isEmpty && b.cannotStore.isEmpty && one.newer == other.newer
            && a.new.sameEntries(as: b.new) && a.modified.sameEntries(as: b.modified)
            && a.deleted.sameEntries(as: b.deleted)
    }

    /// `BACKUP /media/a, BACKUP /media/b`: the heading of a group's one listing.
    static func heading(_ destinations: [Location]) -> String {
        destinations.map(\.heading).joined(separator: ", ")
    }

    /// `/media/a` alone; `2 BACKUPs` for a group: where a question's change goes.
    static func place(_ destinations: [Location]) -> String {
        guard destinations.count > 1, let role = destinations.first?.role.rawValue else {
            return destinations.first?.path ?? ""
        }
        return plural(destinations.count, role, role + "s")
    }
}

extension PathList {
    /// Whether both list the same paths with the same sizes, in the same order.
    func sameEntries(as other: PathList) -> Bool {
        count == other.count && totalSize == other.totalSize
            && elementsEqual(other) { $0.path == $1.path && $0.size == $1.size }
    }
}
