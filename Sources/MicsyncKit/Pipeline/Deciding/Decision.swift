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
    }

    /// The paths the `pass` gets: new items (and folders whose attributes differ) always; overwrites and
    /// type changes when approved, with the files whose attributes alone differ; deletions when approved
    /// (the apply keeps only those still absent from the source).
    func list(_ pass: RsyncInvocation.Pass) -> PathList {
        switch pass {
        case .create:
            var list = plan.new
            for entry in plan.attributesOnly where entry.isDirectory { list.append(entry.path, size: entry.size) }
            return list
        case .update:
            var list = PathList()
            for entry in plan.attributesOnly where !entry.isDirectory { list.append(entry.path, size: entry.size) }
            if overwrite { for entry in plan.modified { list.append(entry.path, size: entry.size) } }
            return list
        case .delete:
            return delete ? plan.deleted : PathList()
        }
    }

    /// What the list file of `pass` holds: `list(pass)`; with `wholeFolders`, the creating pass's new items
    /// with each new folder standing for all it holds, for a pass that recurses (`--recursive`): rsync walks
    /// a listed folder far faster than it looks up each of its items. See `createsWholeFolders(scope:)`.
    func written(_ pass: RsyncInvocation.Pass, wholeFolders: Bool) -> PathList {
        pass == .create && wholeFolders ? plan.new.outermost() : list(pass)
    }

    /// Whether the creating pass may list new folders whole: over a whole location, whatever a new folder held
    /// when planned was planned as new too. Not when a folder above a typed path is new (it holds more than
    /// the scope), nor when a folder's attributes alone differ: it exists, and recursing into it would reach
    /// further than its own attributes.
    func createsWholeFolders(scope: Scope) -> Bool {
        scope.relativePaths == [""] && !plan.attributesOnly.contains(where: \.isDirectory)
    }

    /// Whether any pass has something to do.
    var hasWork: Bool { RsyncInvocation.Pass.allCases.contains { !list($0).isEmpty } }
}
