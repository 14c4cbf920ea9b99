/// What the user approved of one destination's plan, and the lists each apply pass gets. Deciding is pure:
/// the plan, the options and the answers given; it never touches files.
struct Decision: Sendable {
    /// The answers to a destination's questions; nil for a question not asked.
    struct Answers: Sendable {
        var overwrite: Bool?
        var delete: Bool?

        init(overwrite: Bool? = nil, delete: Bool? = nil) {
            self.overwrite = overwrite
            self.delete = delete
        }
    }

    let plan: Plan
    let overwrite: Bool
    let delete: Bool
    /// New hard links to a name the destination already holds (`hf+++ b => a`, `a` there): the update pass
    /// makes them, since the creating pass skips what is there, and with it the name to link to.
    let linksToExisting: Set<[UInt8]>
    /// The names a pass gets only so that rsync links another name to them: nothing is done to them unless
    /// they changed since the plan (the apply checks that first).
    let linkLeaders: [RsyncInvocation.Pass: PathList]

    /// Whether `plan` needs the question about overwriting, given the options.
    static func asksOverwrite(_ plan: Plan, _ options: RunOptions) -> Bool {
        !options.dryRun && !options.modify && !plan.modified.isEmpty
    }

    /// Whether `plan` needs the question about deleting, given the options.
    static func asksDelete(_ plan: Plan, _ options: RunOptions) -> Bool {
        !options.dryRun && options.deletion == .ask && !plan.deleted.isEmpty
    }

    /// -m approves every overwrite and -D every deletion; otherwise the answer does. A dry run approves
    /// nothing.
    init(_ plan: Plan, options: RunOptions, answers: Answers) {
        self.plan = plan
        overwrite = !options.dryRun && (options.modify || answers.overwrite == true)
        delete =
            !options.dryRun
            && (options.deletion == .always || (options.deletion == .ask && answers.delete == true))
        (linksToExisting, linkLeaders) = Self.links(of: plan, overwrite: overwrite)
    }

    /// The paths the `pass` gets: new items (and folders whose attributes differ) always; type changes (with
    /// what is planned below them) when approved; other overwrites when approved, with the files whose
    /// attributes alone differ and the hard links to names already there; deletions when approved (the apply
    /// keeps only those still absent from the source); the location root's own attributes last, when they
    /// differ and nothing was declined, or a pass adds or removes something in it (which changes its time).
    /// Each pass that links a name gets the name it links to as well.
    func list(_ pass: RsyncInvocation.Pass) -> PathList {
        var list = PathList()
        switch pass {
        case .create:
            list = linksToExisting.isEmpty ? plan.new : plan.new.removing(linksToExisting)
            for entry in plan.attributesOnly where entry.isDirectory { list.append(entry.path, size: entry.size) }
        case .replace:
            if overwrite {
                for entry in plan.modified where replaces(entry) { list.append(entry.path, size: entry.size) }
            }
        case .update:
            for entry in plan.attributesOnly where !entry.isDirectory { list.append(entry.path, size: entry.size) }
            if overwrite {
                for entry in plan.modified where !replaces(entry) { list.append(entry.path, size: entry.size) }
            }
            for entry in plan.new where linksToExisting.contains(Array(entry.path)) {
                list.append(entry.path, size: entry.size)
            }
        case .delete:
            return delete ? plan.deleted : PathList()
        case .root:
            return (plan.rootChanged && !declinesAny) || (plan.coversRoot && writesAtTop) ? .root : PathList()
        }
        for entry in linkLeaders[pass] ?? PathList() { list.append(entry.path, size: entry.size) }
        return list
    }

    /// Whether `entry` of the modified items is, or lies below, an item of another type that replaces what
    /// the destination holds: the replacing pass's, apart from the other overwrites, since rsync makes way for
    /// it while other files are written, and its processes then trip over each other making one trash folder.
    private func replaces(_ entry: PathList.Entry) -> Bool { plan.isReplaced(Array(entry.listedName)) }

    /// Whether a pass creates, replaces or deletes an entry of the root.
    private var writesAtTop: Bool {
        let written = [plan.new, overwrite ? plan.modified : PathList(), delete ? plan.deleted : PathList()]
        return written.contains { list in list.contains { !$0.path.dropLast().contains(UInt8(ascii: "/")) } }
    }

    /// Which new hard links go to the update pass, and the names each pass gets with the links it makes: a
    /// link to a name the destination holds (the creating pass cannot make it), and with an approved
    /// overwrite a relink of two copies (`hf b => a`). A new link whose name to link to is a declined
    /// overwrite stays a copy of its own: making it would overwrite that name.
    private static func links(of plan: Plan, overwrite: Bool) -> (Set<[UInt8]>, [RsyncInvocation.Pass: PathList]) {
        guard !plan.links.isEmpty else { return ([], [:]) }
        let new = Set(plan.new.map { Array($0.path) }), modified = Set(plan.modified.map { Array($0.path) })
        var listed: [RsyncInvocation.Pass: Set<[UInt8]>] = [
            .update: Set(plan.attributesOnly.map { Array($0.path) }), .replace: [],
        ]
        if overwrite {
            for path in modified { listed[plan.isReplaced(path) ? .replace : .update, default: []].insert(path) }
        }
        var toExisting: Set<[UInt8]> = [], leaders: [RsyncInvocation.Pass: PathList] = [:]
        for (name, leader) in plan.links.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let pass: RsyncInvocation.Pass
            if new.contains(name) {
                guard !new.contains(leader), overwrite || !modified.contains(leader) else { continue }
                toExisting.insert(name)
                pass = .update
            } else if overwrite && modified.contains(name) {
                pass = plan.isReplaced(name) ? .replace : .update
            } else {
                continue
            }
            if listed[pass, default: []].insert(leader).inserted {
                leaders[pass, default: PathList()].append(leader, size: 0)
            }
        }
        return (toExisting, leaders)
    }

    /// What the list file of `pass` holds: `list(pass)`; with `wholeFolders`, the creating pass's new items
    /// with each new folder standing for all it holds, for a pass that recurses (`--recursive`): rsync walks
    /// a listed folder far faster than it looks up each of its items. See `createsWholeFolders(scope:)`.
    func written(_ pass: RsyncInvocation.Pass, wholeFolders: Bool) -> PathList {
        pass == .create && wholeFolders ? list(.create).outermost() : list(pass)
    }

    /// Whether the creating pass may list new folders whole: over a whole location, whatever a new folder held
    /// when planned was planned as new too. Not when a folder above a typed path is new (it holds more than
    /// the scope), nor when a folder's attributes alone differ: it exists, and recursing into it would reach
    /// further than its own attributes; nor when a new link goes to the update pass, which a folder listed
    /// whole would copy.
    func createsWholeFolders(scope: Scope) -> Bool {
        scope.relativePaths == [""] && !plan.attributesOnly.contains(where: \.isDirectory) && linksToExisting.isEmpty
    }

    /// Whether an overwrite or a deletion of the plan was declined: the destination is not to look synced
    /// then, not even by its root's own time.
    private var declinesAny: Bool { (!overwrite && !plan.modified.isEmpty) || (!delete && !plan.deleted.isEmpty) }

    /// Whether any pass has something to do.
    var hasWork: Bool { RsyncInvocation.Pass.allCases.contains { !list($0).isEmpty } }
}
