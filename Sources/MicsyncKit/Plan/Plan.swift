/// What one rsync pass would do (or did) at one destination, sorted into the kinds of change micsync asks about.
public struct Plan: Sendable {
    /// Absent at the destination: always copied.
    public var new = PathList()
    /// Present at both ends and different by rsync's quick check: copied only when approved.
    public var modified = PathList()
    /// Present only at the destination: deleted only with -d (approved) or -D.
    public var deleted = PathList()
    /// Same content, other permissions, owner or times (a directory whose only change is its time is one).
    var attributesOnly = PathList()

    /// What the destination's filesystem cannot hold, each with its reason: never part of the apply.
    var cannotStore: [Unstorable] = []
    /// Only at the destination, but never deleted: the source's filesystem cannot hold them.
    var keptUnstorable: [Unstorable] = []

    /// rsync's file counts of the dry run: the scope's files at both ends, filters applied.
    var counts = RsyncStats()

    /// rsync's messages about the files it could not plan (a partial dry run, rsync exit 23 or 24).
    var problems: [String] = []

    init() {}

    /// One plan of the parts' plans of a destination (`ScopeParts`), its lists in the order one dry run
    /// gives them.
    init(parts: [Plan]) {
        self.init()
        new = PathList(interleaving: parts.map(\.new))
        modified = PathList(interleaving: parts.map(\.modified))
        deleted = PathList(interleaving: parts.map(\.deleted))
        attributesOnly = PathList(interleaving: parts.map(\.attributesOnly))
        counts = parts.first?.counts ?? RsyncStats()
        for part in parts.dropFirst() { counts.add(part.counts) }
        problems = parts.flatMap(\.problems)
    }

    mutating func add(_ item: ItemizedChange) {
        switch item.change {
        case .new: new.append(item.path, size: item.size)
        case .modified: modified.append(item.path, size: item.size)
        case .deleted: deleted.append(item.path, size: item.size)
        case .attributesOnly: attributesOnly.append(item.path, size: item.size)
        case .unchanged: break
        }
    }
}
