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
    /// Whether it plans a whole location, whose root's own attributes (permissions, times) are synced too
    /// (`rsync -a` syncs them), and whether they differ.
    var coversRoot = false
    var rootChanged = false

    /// The hard links rsync would make, each name with the name it links to (`hf… b => a`): both go to one
    /// pass, or rsync copies the file instead of linking it.
    var links: [[UInt8]: [UInt8]] = [:]
    /// The paths where an item of another type replaces what the destination holds (a folder where a file
    /// is, say), each listed as modified: what rsync deletes at or below them makes way, and is no deletion
    /// of its own (`sortingTypeChanges`).
    var typeChanges: Set<[UInt8]> = []

    /// What the destination's filesystem cannot hold, each with its reason: never part of the apply.
    var cannotStore: [Unstorable] = []
    /// Only at the destination, but never deleted: the source's filesystem cannot hold them.
    var keptUnstorable: [Unstorable] = []

    /// rsync's file counts of the dry run: the scope's files at both ends, filters applied.
    var counts = RsyncStats()

    /// rsync's messages about the files it could not plan (a partial dry run, rsync exit 23 or 24).
    var problems: [String] = []

    init() {}

    mutating func add(_ item: ItemizedChange) {
        guard item.path != ItemizedChange.root else {
            if item.change != .unchanged { rootChanged = true }
            return
        }
        if let leader = item.leader { links[item.path] = leader }
        switch item.change {
        case .new: new.append(item.path, size: item.size)
        case .modified: modified.append(item.path, size: item.size)
        case .deleted: deleted.append(item.path, size: item.size)
        case .attributesOnly: attributesOnly.append(item.path, size: item.size)
        case .unchanged: break
        }
    }
}
