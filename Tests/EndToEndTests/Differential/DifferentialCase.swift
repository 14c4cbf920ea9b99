import Foundation

@testable import MicsyncKit

/// One case of the differential test: a random tree, random filter rules and random changes on both sides
/// (all from the seed), synced by micsync and by plain `rsync -aH --sparse --force [--delete]` with the same
/// rules, each on its own copies, once planned whole and once in parts (over ssh: whole, as micsync plans
/// there). For each, micsync's plan must list what rsync's itemized dry run lists, micsync's result must be
/// rsync's (types, sizes, content, permissions, times of files, folders and symlinks, hard-link groups, the
/// root's own permissions and time), everything replaced or deleted must be in the trash, the counts must
/// be rsync's per kind, and a second plan must be empty.
@MainActor
struct DifferentialCase {
    enum Action: String, CaseIterable {
        case backup = "backup -m"
        case workAsking = "work -d (answered)"
        case workDeleting = "work -D -m"
        case transfer = "transfer -d (answered)"
    }

    enum Remote: String {
        case none = "local"
        case source = "source over ssh"
        case destination = "destination over ssh"
    }

    let seed: UInt64
    let action: Action
    let remote: Remote
    let parts: Int

    init(seed: UInt64, overSsh: Bool) {
        self.seed = seed
        var random = SeededRandom(seed: seed ^ 0xC0FFEE)
        action = random.pick(Action.allCases)
        remote = overSsh ? random.pick([.source, .destination]) : .none
        parts = overSsh ? 1 : random.int(2...4)
    }

    var description: String { "seed \(seed): \(action.rawValue), \(remote.rawValue)" }

    /// What differs from rsync, one line each; empty when micsync did what rsync does.
    func run(ssh environment: [String: String]?) async throws -> [String] {
        let box = try Sandbox()
        var generator = TreeGenerator(random: SeededRandom(seed: seed))
        let base = RawTree(box.path("base"))
        try box.makeDirectory("base")
        generator.base(base)
        let filters = generator.filters()
        try await copy(box.path("base"), box.path("prepared-source"))
        try await copy(box.path("base"), box.path("prepared-destination"))
        generator.change(RawTree(box.path("prepared-source")), count: generator.random.int(1...6), onlyHere: false)
        generator.change(RawTree(box.path("prepared-destination")), count: generator.random.int(0...3), onlyHere: true)
        var differences: [String] = []
        var plans: [Plan] = []
        for parts in remote == .none ? [1, parts] : [1] {
            let (found, plan) = try await variant(box, parts: parts, filters: filters, ssh: environment)
            differences += found.map { "\(parts == 1 ? "whole" : "\(parts) parts"): \($0)" }
            if let plan { plans.append(plan) }
        }
        if plans.count == 2, Self.lists(plans[0]) != Self.lists(plans[1]) {
            differences.append("the plan in parts is not the plan of one walk")
        }
        // `make fuzz SEED=… KEEP=DIR` keeps the case's trees to look at.
        if let keep = ProcessInfo.processInfo.environment["MICSYNC_FUZZ_KEEP"] {
            try await copy(box.root, keep + "/seed-\(seed)")
        }
        return differences.isEmpty ? [] : ["filters: \(filters)"] + differences
    }

    private static func lists(_ plan: Plan) -> [[[UInt8]]] {
        [plan.new, plan.modified, plan.deleted, plan.attributesOnly].map { $0.map { Array($0.path) } }
    }

    private func copy(_ from: String, _ to: String) async throws {
        let copied = try await Binary.run("/bin/cp", ["-a", from, to], directory: "/", environment: [:])
        guard copied.status == 0 else { throw POSIXError(.EIO) }
    }

    /// One variant on fresh copies of the prepared sides: what differs, and micsync's plan.
    private func variant(_ box: Sandbox, parts: Int, filters: [String], ssh environment: [String: String]?) async throws
        -> (
            [String], Plan?
        )
    {
        let folder = "parts-\(parts)"
        let (sourceName, destinationName) =
            switch action {
            case .backup: ("w", "b1")
            case .workAsking, .workDeleting: ("b1", "w")
            case .transfer: ("b1", "b2")
            }
        for name in ["w", "b1", "b2"] { try box.makeDirectory(folder + "/" + name) }
        for (prepared, name) in [("source", sourceName), ("destination", destinationName)] {
            try FileManager.default.removeItem(atPath: box.path("\(folder)/\(name)"))
            try await copy(box.path("prepared-\(prepared)"), box.path("\(folder)/\(name)"))
        }
        try await copy(box.path("prepared-destination"), box.path("\(folder)/ref"))
        func spelled(_ name: String) -> String {
            let path = box.path("\(folder)/\(name)")
            let isRemote =
                (remote == .source && name == sourceName) || (remote == .destination && name == destinationName)
            return isRemote ? "testhost:" + path : path
        }
        let working = Location(role: .working, index: 0, path: spelled("w"))
        let backups = ["b1", "b2"].enumerated().map { Location(role: .backup, index: $0, path: spelled($1)) }
        let configuration = Configuration(name: "fuzz", working: [working], backups: backups, exclude: filters)
        let (source, destination) =
            switch action {
            case .backup: (working, backups[0])
            case .workAsking, .workDeleting: (backups[0], working)
            case .transfer: (backups[0], backups[1])
            }
        var options = RunOptions()
        options.modify = action == .backup || action == .workDeleting
        options.deletion = [.backup: .never, .workDeleting: .always][action] ?? .ask
        options.force = true
        options.progress = false
        options.printCommands = true
        let sync = InProcessSync(
            configuration, from: source, to: destination, options: options, parts: parts,
            state: box.path("\(folder)/state"), ssh: environment ?? [:])
        defer { sync.book.close() }
        let deleting = options.deletion != .never
        let reference = RawTree(box.path("\(folder)/ref")), target = RawTree(box.path("\(folder)/\(destinationName)"))
        let before = TreeSnapshot(reference)
        let runs = Int64(Date().timeIntervalSince1970 * 1e9)
        let rsync = try await Rsync.locate(interruption: Interruption { _ in })
        let (expected, rsyncFailed) = try await rsyncReference(
            rsync, from: box.path("\(folder)/\(sourceName)"), to: box.path("\(folder)/ref"), filters: filters,
            deleting: deleting)
        var differences: [String] = []
        let planned: Plan
        do { planned = try await sync.plan() } catch { return ([error.message], nil) }
        // The run, every question answered as the action's options say (modify, delete).
        let ran = await sync.run(
            answers: (planned.modified.isEmpty || options.modify ? [] : ["m"])
                + (planned.deleted.isEmpty || options.deletion != .ask ? [] : ["d"]))
        if let error = ran.error, !rsyncFailed { differences.append("the run failed: \(error.message)\n\(ran.output)") }
        // Where rsync cannot do everything (a folder to replace holds what a rule keeps), micsync says so too,
        // and deletes nothing: rsync's own result is no measure then.
        guard !rsyncFailed else {
            if ran.error == nil { differences.append("rsync failed, and the run did not say so") }
            return (differences, planned)
        }
        differences += Self.compare(planned, with: expected, deleting: deleting, before: before)
        if let entry = ran.entry { differences += Self.counts(entry, planned, deleting: deleting) }
        let result = TreeSnapshot(target)
        differences += result.differences(from: TreeSnapshot(reference), runs: runs).map { "result: \($0)" }
        differences += Self.trashed(before: before, after: result, trash: target)
        // A second run plans what a second rsync would: nothing, but what rsync tries in vain (a folder to
        // delete that holds what a rule keeps).
        let (rsyncAgain, _) = try await rsyncReference(
            rsync, from: box.path("\(folder)/\(sourceName)"), to: box.path("\(folder)/ref"), filters: filters,
            deleting: deleting, dryRunOnly: true)
        do {
            let again = try await sync.plan()
            differences += Self.compare(again, with: rsyncAgain, deleting: deleting, before: result).map {
                "second run: \($0)"
            }
        } catch {
            differences.append("planning again: \(error.message)")
        }
        return (differences, planned)
    }

    /// What plain rsync does: its itemized dry run, then (unless `dryRunOnly`) the run itself, and whether that
    /// failed.
    private func rsyncReference(
        _ rsync: Rsync, from source: String, to destination: String, filters: [String], deleting: Bool,
        dryRunOnly: Bool = false
    ) async throws -> (Plan, failed: Bool) {
        let arguments =
            ["-aH", "--sparse", "--force"] + (deleting ? ["--delete"] : []) + ["--exclude=/.micsync/"]
            + filters.map { "--exclude=\($0)" } + [source + "/", destination + "/"]
        var plan = Plan()
        _ = try await rsync.run(["--dry-run"] + ItemizedChange.outputFormat + arguments) { line in
            if let item = ItemizedChange.parse(line) { plan.add(item) }
        }
        guard !dryRunOnly else { return (plan, false) }
        return (plan, try await rsync.run(arguments) { _ in }.exitCode != 0)
    }

    /// micsync's plan against rsync's itemized dry run: the same items to create or change (by rsync's
    /// reading of a type change: what it deletes to make way is part of that modification), the same
    /// deletions, the same hard links, the root alike; new only what the destination lacks.
    private static func compare(_ planned: Plan, with expected: Plan, deleting: Bool, before: TreeSnapshot) -> [String]
    {
        var lines: [String] = []
        func names(_ paths: some Sequence<[UInt8]>) -> String {
            paths.sorted { $0.lexicographicallyPrecedes($1) }.prefix(8).map { DisplayName.readable($0) }.joined(
                separator: ", ")
        }
        func set(_ lists: PathList...) -> Set<[UInt8]> { Set(lists.flatMap { $0.map { Array($0.path) } }) }
        let changed = set(planned.new, planned.modified, planned.attributesOnly)
        let rsyncChanged = set(expected.new, expected.modified, expected.attributesOnly)
        if changed != rsyncChanged {
            lines.append(
                "plan: micsync lists [\(names(changed.subtracting(rsyncChanged)))], rsync "
                    + "[\(names(rsyncChanged.subtracting(changed)))]")
        }
        if planned.rootChanged != expected.rootChanged { lines.append("plan: the root's change differs") }
        let deleted = set(planned.deleted), rsyncDeleted = set(expected.deleted)
        let extra = deleted.subtracting(rsyncDeleted)
        let missing = rsyncDeleted.subtracting(deleted).filter {
            !planned.isReplaced($0.last == UInt8(ascii: "/") ? Array($0.dropLast()) : $0)
        }
        if !extra.isEmpty || (deleting && !missing.isEmpty) || (!deleting && !deleted.isEmpty) {
            lines.append("plan: deletes [\(names(extra))], rsync also [\(names(missing))]")
        }
        if planned.links != expected.links {
            lines.append("plan: hard links \(planned.links) against rsync's \(expected.links)")
        }
        let present = planned.new.filter { before.entries[Array($0.listedName)] != nil }.map { Array($0.path) }
        if !present.isEmpty { lines.append("plan: new, yet at the destination: \(names(present))") }
        return lines
    }

    /// The run's counts against its plan, approved whole: each file copied new (below a replaced folder
    /// too), each modification one overwrite (a type change too), each file deleted.
    private static func counts(_ entry: JournalEntry, _ plan: Plan, deleting: Bool) -> [String] {
        let replaced = plan.modified.filter { plan.isReplaced(Array($0.listedName)) }
        let below = replaced.filter { !plan.typeChanges.contains(Array($0.listedName)) }
        let copied = plan.new.count { !$0.isDirectory } + below.count { !$0.isDirectory }
        let overwritten = plan.modified.count - below.count
        let deleted = deleting ? plan.deleted.count { !$0.isDirectory } : 0
        guard (entry.copied, entry.overwritten, entry.deleted) != (copied, overwritten, deleted) else { return [] }
        return [
            "counts: \(entry.copied) copied, \(entry.overwritten) overwritten, \(entry.deleted) deleted; the plan "
                + "says \(copied), \(overwritten), \(deleted)"
        ]
    }

    /// Every file or symlink the run replaced or deleted is in the trash as it was.
    private static func trashed(before: TreeSnapshot, after: TreeSnapshot, trash target: RawTree) -> [String] {
        let trash = Array(".micsync/trash".utf8)
        let folders = target.names(in: trash).map { trash + [UInt8(ascii: "/")] + $0 }
        var lines: [String] = []
        for (path, old) in before.entries where [S_IFREG, S_IFLNK].contains(mode_t(old.kind)) {
            let now = after.entries[path]
            guard now?.kind != old.kind || now?.content != old.content || now?.target != old.target else { continue }
            let kept = folders.contains { folder in
                let copy = folder + [UInt8(ascii: "/")] + path
                return mode_t(old.kind) == S_IFREG
                    ? target.status(copy) != nil && target.contents(copy).count == Int(old.size)
                    : target.target(copy) == old.target
            }
            if !kept {
                lines.append("trash: \(DisplayName.readable(path)) was replaced or deleted, and is not in the trash")
            }
        }
        return lines
    }
}
