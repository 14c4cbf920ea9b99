extension Plan {
    /// One plan of the parts' plans of a destination (`ScopeParts`), its lists in the order one dry run
    /// gives them.
    init(parts: [Plan]) {
        self.init()
        new = PathList(interleaving: parts.map(\.new))
        modified = PathList(interleaving: parts.map(\.modified))
        deleted = PathList(interleaving: parts.map(\.deleted))
        attributesOnly = PathList(interleaving: parts.map(\.attributesOnly))
        rootChanged = parts.contains(where: \.rootChanged)
        for part in parts { links.merge(part.links) { first, _ in first } }
        counts = parts.first?.counts ?? RsyncStats()
        for part in parts.dropFirst() { counts.add(part.counts) }
        problems = parts.flatMap(\.problems)
    }
}

extension PathList {
    /// The lists of a scope's parts as one, in the order one rsync walk gives: a top-level entry's own line
    /// lies in the first part's list (the root part's), what it holds in one other part's, and rsync orders
    /// top-level entries files first, then folders, each by name (a folder's with a `/`). A part's entries
    /// stay in its order; nothing is held but one entry per part.
    init(interleaving parts: [PathList]) {
        self.init()
        guard parts.count > 1 else {
            if let only = parts.first { self = only }
            return
        }
        var iterators = parts.map { $0.makeIterator() }
        var heads = iterators.indices.map { iterators[$0].next() }
        while let part = heads.indices.filter({ heads[$0] != nil }).min(by: {
            Self.topLevel(heads[$0]!.path, precedes: heads[$1]!.path)
        }) {
            let first = heads[part]!.path
            while let entry = heads[part], Self.topLevel(entry.path, equals: first) {
                append(entry.path, size: entry.size)
                heads[part] = iterators[part].next()
            }
        }
    }

    /// The top-level entry a path lies in: whether it is a folder, and its name (a folder's with its `/`).
    private static func topLevel(_ path: ArraySlice<UInt8>) -> (folder: Bool, name: ArraySlice<UInt8>) {
        guard let slash = path.firstIndex(of: UInt8(ascii: "/")) else { return (false, path) }
        return (true, path[...slash])
    }

    private static func topLevel(_ left: ArraySlice<UInt8>, precedes right: ArraySlice<UInt8>) -> Bool {
        let (a, b) = (topLevel(left), topLevel(right))
        return a.folder == b.folder ? a.name.lexicographicallyPrecedes(b.name) : !a.folder
    }

    private static func topLevel(_ left: ArraySlice<UInt8>, equals right: ArraySlice<UInt8>) -> Bool {
        let (a, b) = (topLevel(left), topLevel(right))
        return a.folder == b.folder && a.name.elementsEqual(b.name)
    }
}
