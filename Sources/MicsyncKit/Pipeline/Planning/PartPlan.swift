/// One dry run's plan, with what joining it to the other parts of its destination's scope needs.
struct PartPlan {
    var plan = Plan()
    /// The `dev:inode` rsync tells of the first name of each hard-link group it lists (`inodeDebugging`).
    var inodes: Set<Substring> = []
    /// Whether rsync could not read everything (exit 23): rsync then skips every deletion, and so does the
    /// plan, whatever part of the scope the error was in.
    var readError = false

    /// rsync's debugging of hard links, which tells each group's first name's inode: `[sender] dev:inode for
    /// #6 is 65024:16228506`.
    static let inodeDebugging = "--debug=HLINK3"

    /// Reads one line that itemizes nothing: an inode rsync tells, or one of its counts.
    mutating func read(_ line: some Collection<UInt8>) {
        let prefix = "[sender] dev:inode for #".utf8
        guard line.starts(with: prefix) else { return plan.counts.read(line) }
        let text = String(decoding: line, as: UTF8.self)
        if let range = text.range(of: " is ") { inodes.insert(text[range.upperBound...]) }
    }

    /// The parts' plans of one destination as one, or the first part's failure; nil when two parts hold names
    /// of one hard-link group, which only one walk plans right.
    static func merged(_ parts: [Result<PartPlan, MicsyncError>]) -> Result<Plan, MicsyncError>? {
        var plans: [PartPlan] = []
        for part in parts {
            switch part {
            case .failure(let error): return .failure(error)
            case .success(let plan): plans.append(plan)
            }
        }
        var seen: Set<Substring> = []
        for part in plans {
            guard seen.isDisjoint(with: part.inodes) else { return nil }
            seen.formUnion(part.inodes)
        }
        var plan = plans.count == 1 ? plans[0].plan : Plan(parts: plans.map(\.plan))
        if plans.contains(where: \.readError), !plan.deleted.isEmpty {
            plan.deleted = PathList()
            if !plan.problems.contains(where: { $0.contains(skippingDeletion) }) {
                plan.problems.append(skippingDeletion)
            }
        }
        return .success(plan)
    }

    /// rsync's own words when an error stops its deletions.
    static let skippingDeletion = "IO error encountered -- skipping file deletion"
}
