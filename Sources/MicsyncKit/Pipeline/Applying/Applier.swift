import Foundation

/// What one destination got: rsync's own counts, what was left alone because the world changed since the
/// plan, and why nothing or not everything was written.
struct DestinationOutcome: Sendable {
    let destination: Location
    var report = ApplyReport()
    /// Planned as new, but something was at the destination by then: left alone.
    var appeared: [String] = []
    /// Planned, but gone from the source by then: nothing done.
    var vanished: [String] = []
    /// Planned but left alone, on a host that could not be asked whether it appeared or vanished.
    var untold: [String] = []
    /// Approved for deletion, but back at the source by then: kept.
    var returned: [String] = []
    /// Planned for its attributes alone, but its content changed by then: left alone.
    var changed: [String] = []
    /// Why the destination was not written at all.
    var notWritten: String?
    /// rsync's failure at this destination, with its messages.
    var problem: String?
    /// What the user said No to here.
    var declined = RunSummary.Declined()
    /// How long its passes took.
    var elapsed: Duration?

    init(_ destination: Location) {
        self.destination = destination
    }
}

/// The apply stage: applies exactly what was approved, one rsync pass per kind of change, each unable to do
/// more than its kind. It never asks; before every pass it re-checks the source and the destination
/// (`Recheck`) and writes nothing to a location that changed since the plan. A signal stops the running
/// pass; the destinations not started yet are named. A destination without room for what the plan adds is not
/// written (`SpaceCheck`).
@MainActor
struct Applier {
    let job: SyncJob
    let recheck: Recheck
    let progress: ProgressLine
    let reporter: any SessionReporter

    private var rsync: Rsync { job.rsync }
    private var source: Location { job.source }

    /// What each destination got, in their order; destinations on different discs are applied at once
    /// (`DiscSchedule`). After a signal, the destinations done so far (the caller ends the run).
    func apply(_ prepared: [PreparedDestination]) async -> [DestinationOutcome] {
        let interruption = job.context.interruption
        progress.expect(
            bytes: prepared.reduce(0) { $0 + $1.decision.bytesToCopy }, files: prepared.reduce(0) { $0 + $1.items })
        interruption.applying(true)
        defer { interruption.applying(false) }
        var outcomes: [DestinationOutcome] = []
        var interrupted: [(PreparedDestination, DestinationOutcome)] = []
        let started = await DiscSchedule.run(
            prepared.map { DiscSchedule.Disc($0.destination, planned: $0.check) },
            stopped: { interruption.receivedSignal != nil },
            { index in
                let start = ContinuousClock.now
                var done = await apply(prepared[index])
                done.elapsed = .now - start
                done.declined = prepared[index].decision.declined(job.options.deletion)
                return done
            },
            inOrder: { index, done in
                outcomes.append(done)
                reporter.applied(done)
                if interruption.receivedSignal != nil { interrupted.append((prepared[index], done)) }
            })
        let notStarted = prepared.indices.filter { !started.contains($0) }.map { prepared[$0].destination }
        for (position, (destination, done)) in interrupted.enumerated() {
            let planned = destination.items
            job.terminal.note(
                RunSummary.interrupted(
                    at: destination.destination, left: planned - done.report.items, of: planned,
                    notStarted: position == interrupted.count - 1 ? notStarted : [],
                    automatic: job.options.automatic))
        }
        return outcomes
    }

    private func apply(_ prepared: PreparedDestination) async -> DestinationOutcome {
        let destination = prepared.destination
        let lock = job.locks[destination]
        var outcome = DestinationOutcome(destination)
        for (pass, file, arguments) in prepared.passes where job.context.interruption.receivedSignal == nil {
            // Before every pass: a disc unplugged after the first one gets no more.
            if let why = recheck.whyNot(writing: destination, plannedAs: prepared.check, trash: prepared.keepsTrash) {
                if pass == prepared.passes.first?.pass {
                    outcome.notWritten = why
                } else {
                    outcome.problem = "  " + why
                }
                break
            }
            if pass == prepared.passes.first?.pass,
                let why = SpaceCheck(job: job).whyNot(writing: prepared.decision, to: destination)
            {
                outcome.notWritten = why
                break
            }
            let list = approvedNow(pass, of: prepared.decision, into: &outcome)
            guard !list.isEmpty else { continue }
            do throws(MicsyncError) {
                let wholeFolders = prepared.createsWholeFolders
                try file.write(pass == .create ? prepared.decision.written(.create, wholeFolders: wholeFolders) : list)
                let (done, result) = try await run(
                    arguments, of: pass, to: destination, files: pass == .root ? 0 : list.count, holding: lock)
                let failed = count(done, planned: list, failed: result.exitCode != 0, of: prepared, into: &outcome)
                if result.exitCode != 0 {
                    // A partial pass goes on to the next one: keep every pass's list of what failed.
                    let text = problem(result, firstFailed: failed, at: destination)
                    outcome.problem = outcome.problem.map { $0 + "\n" + text } ?? text
                    if !result.isPartial { break }
                }
            } catch {
                outcome.problem = "  \(destination.heading): \(error.message)"
                break
            }
        }
        return outcome
    }

    /// What `pass` may still do right before it runs, as approved and checked against each end now (asked
    /// where it lives): deletions only of what the source still lacks; attributes, and hard links to names
    /// already there, only where the two copies still match the plan; such a link only where nothing
    /// appeared meanwhile. What is left out is noted in `outcome`.
    private func approvedNow(
        _ pass: RsyncInvocation.Pass, of decision: Decision, into outcome: inout DestinationOutcome
    ) -> PathList {
        let (list, book, destination) = (decision.list(pass), job.context.locations, outcome.destination)
        switch pass {
        case .create, .root: return list
        case .delete:
            guard let (deletions, returned) = list.deletions(missingFrom: source, in: book) else {
                outcome.untold += list.map(\.displayName)
                return PathList()
            }
            outcome.returned = returned
            return deletions
        case .replace, .update:
            let attributes = pass == .update ? decision.plan.attributesOnly.filter { !$0.isDirectory } : []
            // A name to link to that this run overwrites anyway differs from the source by plan: only one
            // that is to stay as it is must still match it.
            let leaders = decision.linkLeaders[pass] ?? PathList()
            let overwritten = leaders.isEmpty ? [] : Set(decision.plan.modified.map { Array($0.path) })
            let expected = (attributes + leaders.filter { !overwritten.contains(Array($0.path)) }).map {
                Array($0.path)
            }
            let links = pass == .update ? decision.linksToExisting.sorted { $0.lexicographicallyPrecedes($1) } : []
            guard let changed = book.changedCopies(expected, source: source, destination: destination),
                let there = book.entries(links, in: destination)
            else {
                outcome.untold += list.map(\.displayName)
                return PathList()
            }
            let appeared = Set(zip(links, there).compactMap { $1 == nil ? nil : $0 })
            let left = changed.union(decision.plan.links.compactMap { changed.contains($1) ? $0 : nil })
            outcome.appeared += appeared.sorted { $0.lexicographicallyPrecedes($1) }.map(DisplayName.readable)
            outcome.changed += list.filter { left.contains(Array($0.path)) }.map(\.displayName)
            return list.removing(left.union(appeared))
        }
    }

    /// Runs one pass, returning what rsync itemized.
    private func run(
        _ arguments: [String], of pass: RsyncInvocation.Pass, to destination: Location, files: Int,
        holding lock: LocationLock?
    ) async throws(MicsyncError) -> (PassResult, Rsync.Outcome) {
        var done = PassResult(pass)
        progress.passStarted(at: destination, files: files)
        let outcome = try await rsync.run(arguments, holding: lock, on: job.invocation.hostCommand(to: destination)) {
            line in
            guard !progress.consume(line, at: destination), let item = ItemizedChange.parse(line) else { return }
            done.add(item)
        }
        progress.passFinished(at: destination)
        return (done, outcome)
    }

    /// Counts what rsync did, each item by the kind of change it is in the plan (what rsync deletes to make
    /// way for an item of another type is part of that modification); after a failed pass, only what is
    /// really there (a file rsync started but could not finish, on a full disc say, is not counted). Notes
    /// the planned items rsync left alone. Returns the first item rsync itemized but did not do.
    private func count(
        _ done: PassResult, planned: PathList, failed: Bool, of prepared: PreparedDestination,
        into outcome: inout DestinationOutcome
    ) -> ItemizedChange? {
        let (book, plan) = (job.context.locations, prepared.decision.plan)
        var firstFailed: ItemizedChange?
        if failed {
            let items = Array(done.items)
            for (item, isDone) in zip(items, book.done(items, from: source, at: outcome.destination)) {
                if isDone { outcome.report.count(item, in: plan) } else if firstFailed == nil { firstFailed = item }
            }
        } else {
            for item in done.items { outcome.report.count(item, in: plan) }
        }
        guard let itemized = done.paths else { return firstFailed }
        let left = planned.filter { !$0.isDirectory && !itemized.contains(Array($0.path)) }
        guard !left.isEmpty else { return firstFailed }
        // Asked of each end's site (a host for a remote one), never guessed from this machine's files.
        let paths = left.map { RawPath.string($0.path) }
        guard let gone = book.missing(paths, in: source).map(Set.init),
            let absent = book.missing(paths.filter { !gone.contains($0) }, in: outcome.destination).map(Set.init)
        else {
            outcome.untold += left.map(\.displayName)
            return firstFailed
        }
        for (entry, path) in zip(left, paths) {
            if gone.contains(path) {
                outcome.vanished.append(entry.displayName)
            } else if !absent.contains(path) {
                outcome.appeared.append(entry.displayName)
            }
        }
        return firstFailed
    }

    /// rsync's failure at one destination; on a full disc, how much is free and the first file that did
    /// not fit.
    private func problem(_ result: Rsync.Outcome, firstFailed: ItemizedChange?, at destination: Location) -> String {
        var text = RsyncProblem.at(
            destination, result.problems, exitCode: result.exitCode, over: destination.remote ?? source.remote)
        if result.messages.contains(where: {
            $0.contains("No space left on device") || $0.contains("Disk quota exceeded")
        }) {
            let first = firstFailed.map { " " + DisplayName.readable($0.path) + " did not fit;" } ?? ""
            let free = job.context.locations.freeBytes(destination).map(ByteCount.readable) ?? "no space"
            text =
                "  \(destination.heading): the disc is full (\(free) free):"
                + "\(first) free some space and run again\n" + text
        }
        return text
    }
}

/// What one pass itemized, kept as compact path lists by kind; for the creating pass also the set of
/// paths, to tell which planned items rsync left alone.
struct PassResult {
    private var done = Plan()
    private(set) var paths: Set<[UInt8]>?

    init(_ pass: RsyncInvocation.Pass) {
        paths = pass == .create ? [] : nil
    }

    mutating func add(_ item: ItemizedChange) {
        done.add(item)
        paths?.insert(item.relativePath)
    }

    /// Every itemized change, in order within its kind; the root's own attributes last.
    var items: some Sequence<ItemizedChange> {
        let kinds: [(PathList, ItemizedChange.Change)] = [
            (done.new, .new), (done.modified, .modified),
            (done.deleted, .deleted), (done.attributesOnly, .attributesOnly),
        ]
        let root = done.rootChanged ? [ItemizedChange(change: .attributesOnly, path: ItemizedChange.root, size: 0)] : []
        return kinds.lazy.flatMap { list, change in
            list.lazy.map { entry in
                let path = Array(entry.path)
                return ItemizedChange(change: change, path: path, size: entry.size, leader: done.links[path])
            }
        } + root
    }
}
