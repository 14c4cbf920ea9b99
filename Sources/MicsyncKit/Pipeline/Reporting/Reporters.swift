/// The report stage: what a sync tells the user as it goes, the plan of each destination, then what each
/// apply did. Text for people, one JSON document for scripts (`-n --json`), behind this one interface.
@MainActor
protocol SessionReporter {
    func started()
    /// Every destination's plan, before anything is asked.
    func planned(_ destinations: [PlannedDestination]) throws(MicsyncError)
    func dryRunEnded(_ destinations: [PlannedDestination])
    /// A destination without an apply pass: nothing to do, or all of it declined.
    func nothingToDo(at destination: Location, declined: RunSummary.Declined)
    func applied(_ outcome: DestinationOutcome)
}

/// Plans as lists and a summary line per destination, on stdout; what was left alone and why a location
/// was not written, on stderr.
struct TextReporter: SessionReporter {
    let action: String
    let source: Location
    let options: RunOptions
    let filesystems: RunFilesystems
    let terminal: Terminal
    let printer: PlanPrinter

    init(_ job: SyncJob, printer: PlanPrinter) {
        action = job.action
        source = job.source
        options = job.options
        filesystems = job.invocation.filesystems
        terminal = job.terminal
        self.printer = printer
    }

    func started() {
        if !options.quiet { terminal.print("\(action): from \(source.heading)") }
    }

    /// The plans, cut or whole and then through one pager for the whole run (see `PlanPrinter`), a plan that
    /// several destinations share listed once; with -q and -n one line of counts per destination instead.
    func planned(_ destinations: [PlannedDestination]) throws(MicsyncError) {
        try printer.show(
            SamePlans.groups(destinations, same: SamePlans.listTheSame).map { group in
                let first = group[0]
                return printer.listing(
                    first.plan, at: first.destination, heading: SamePlans.heading(group.map(\.destination)),
                    deletion: options.deletion, newer: first.newer,
                    filesystem: filesystems.profile(of: first.destination))
            })
        guard options.quiet, options.dryRun else { return }
        for planned in destinations {
            terminal.print("\(planned.destination.heading): \(totals(planned))")
        }
    }

    /// What each destination's plan comes to and, for several, what they come to in all (-q has said each
    /// already); then that nothing was changed.
    func dryRunEnded(_ destinations: [PlannedDestination]) {
        if !options.quiet, !destinations.isEmpty {
            terminal.print("dry run totals:")
            for planned in destinations { terminal.print("  \(planned.destination.heading): \(totals(planned))") }
        }
        if destinations.count > 1 {
            let items = destinations.reduce(0) { $0 + printer.itemCount($1.plan, deletion: options.deletion) }
            let bytes = destinations.reduce(Int64(0)) { $0 + $1.plan.bytesPlanned }
            let lead = options.quiet ? "" : "  "
            terminal.print(
                "\(lead)in all: \(plural(items, "item", "items")) (\(ByteCount.readable(bytes)) to copy)")
        }
        terminal.print("dry run: nothing was changed")
    }

    /// `3 new, 1 modified (1.2 MB to copy)`, or `up to date`.
    private func totals(_ planned: PlannedDestination) -> String {
        let counts = printer.counts(planned.plan, deletion: options.deletion, newer: planned.newer)
        let bytes = planned.plan.bytesPlanned
        return counts + (bytes > 0 ? " (\(ByteCount.readable(bytes)) to copy)" : "")
    }

    func nothingToDo(at destination: Location, declined: RunSummary.Declined) {
        terminal.print("\(destination.heading): \(RunSummary.nothingApplied(declined: declined))")
    }

    func applied(_ outcome: DestinationOutcome) {
        let heading = outcome.destination.heading
        if let why = outcome.notWritten { return terminal.error(why) }
        terminal.print(
            "\(heading): \(RunSummary.line(outcome.report, declined: outcome.declined, elapsed: outcome.elapsed))")
        note(outcome.appeared, "appeared at the destination since the plan; left alone", at: heading)
        note(outcome.vanished, "left the source since the plan; not copied", at: heading)
        note(
            outcome.untold,
            "not copied: they appeared at the destination or left the source since the plan "
                + "(the host did not answer which)", at: heading)
        note(outcome.returned, "approved for deletion but back in the source since the plan; kept", at: heading)
        note(outcome.changed, "changed since the plan, when only their attributes differed; left alone", at: heading)
    }

    private func note(_ names: [String], _ what: String, at heading: String) {
        guard !names.isEmpty else { return }
        let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        terminal.note("note: \(heading): \(plural(names.count, "item", "items")) \(what): \(shown)")
    }
}

/// The plan of a dry run as one JSON document, written once every destination is planned.
final class JSONReporter: SessionReporter {
    let action: String
    let configuration: String
    let source: Location
    let deleting: Bool
    let terminal: Terminal
    let locations: LocationBook
    private var plans: [PlanDocument.Destination] = []

    /// The configuration's locations left out, each with the reason.
    let skipped: [(Location, String)]

    init(_ job: SyncJob) {
        action = job.action
        configuration = job.scope.configuration.name
        source = job.source
        deleting = job.options.deletion != .never
        terminal = job.terminal
        locations = job.context.locations
        // A destination planned though it does not exist yet (`-n --create`) is in the plan, not skipped.
        skipped =
            job.destinationsChosen
            ? []
            : PlanDocument.skipped(in: job.scope.configuration, locations: job.context.locations)
                .filter { !job.destinations.contains($0.0) }
    }

    func started() {}

    func planned(_ destinations: [PlannedDestination]) {
        for planned in destinations { keep(planned.plan, at: planned.destination, newer: planned.newer) }
    }

    /// Keeps the plan, with the size of each item to delete, asked of the destination where it lives.
    private func keep(_ plan: Plan, at destination: Location, newer: Set<Int>) {
        let deleted = deleting ? plan.deleted : PathList()
        let sizes = locations.entries(deleted.map { Array($0.path) }, in: destination)?.map { $0?.size ?? 0 }
        plans.append(
            PlanDocument.Destination(
                location: destination, plan: plan, newer: newer,
                deletedSizes: sizes ?? Array(repeating: 0, count: deleted.count)))
    }

    func dryRunEnded(_ destinations: [PlannedDestination]) {
        PlanDocument(
            action: action, configuration: configuration, source: source, plans: plans,
            deleting: deleting, skipped: skipped
        ).write(to: terminal)
    }

    func nothingToDo(at destination: Location, declined: RunSummary.Declined) {}

    func applied(_ outcome: DestinationOutcome) {}
}

/// With deletion on, what the source's filesystem cannot hold is kept at the destination, not deleted: a
/// note says so, with a few of the names.
@MainActor
struct KeptUnstorable {
    let job: SyncJob

    func note(_ planned: PlannedDestination) {
        let kept = planned.plan.keptUnstorable
        guard job.options.deletion != .never, !kept.isEmpty else { return }
        let type = job.invocation.filesystems.source.map { " (\($0.type))" } ?? ""
        let names = kept.prefix(5).map(\.displayName).joined(separator: ", ") + (kept.count > 5 ? ", …" : "")
        job.terminal.notice(
            "note: \(planned.destination.heading): \(plural(kept.count, "item is", "items are")) "
                + "not deleted: \(job.source.heading)\(type) cannot hold them: \(names)")
    }
}
