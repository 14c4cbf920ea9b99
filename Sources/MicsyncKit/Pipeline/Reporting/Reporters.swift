/// The report stage: what a sync tells the user as it goes, the plan of each destination, then what each
/// apply did. Text for people, one JSON document for scripts (`-n --json`), behind this one interface.
@MainActor
protocol SessionReporter {
    func started()
    /// `newer`: positions in `plan.modified` of the items newer at the destination.
    func planned(_ plan: Plan, at destination: Location, newer: Set<Int>) throws(MicsyncError)
    func dryRunEnded()
    /// A destination without an apply pass: nothing to do, or all of it declined.
    func nothingToDo(at destination: Location, declined: RunSummary.Declined)
    func applied(_ outcome: DestinationOutcome)
}

extension SessionReporter {
    func planned(_ planned: PlannedDestination) throws(MicsyncError) {
        try self.planned(planned.plan, at: planned.destination, newer: planned.newer)
    }
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

    /// The plan, cut or whole (see `PlanPrinter`); with -q and -n one line of counts instead.
    func planned(_ plan: Plan, at destination: Location, newer: Set<Int>) throws(MicsyncError) {
        try printer.show(
            plan, at: destination, deletion: options.deletion, newer: newer,
            filesystem: filesystems.profile(of: destination))
        if options.quiet, options.dryRun {
            terminal.print("\(destination.heading): \(printer.counts(plan, deletion: options.deletion, newer: newer))")
        }
    }

    func dryRunEnded() { terminal.print("dry run: nothing was changed") }

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

    /// Keeps the plan, with the size of each item to delete, asked of the destination where it lives.
    func planned(_ plan: Plan, at destination: Location, newer: Set<Int>) {
        let deleted = deleting ? plan.deleted : PathList()
        let sizes = locations.entries(deleted.map { Array($0.path) }, in: destination)?.map { $0?.size ?? 0 }
        plans.append(
            PlanDocument.Destination(
                location: destination, plan: plan, newer: newer,
                deletedSizes: sizes ?? Array(repeating: 0, count: deleted.count)))
    }

    func dryRunEnded() {
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
