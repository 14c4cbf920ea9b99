/// What a session tells the user as it goes: the plan of each destination, then what each apply did.
/// Text for people, one JSON document for scripts (`-n --json`), behind this one interface.
@MainActor
protocol SessionReporter {
    func started()
    /// `newer`: positions in `plan.modified` of the items newer at the destination.
    func planned(_ plan: Plan, at destination: Location, newer: Set<Int>)
    func dryRunEnded()
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

    func started() {
        if !options.quiet { Console.print("\(action): from \(source.heading)") }
    }

    /// The plan, cut or whole (see `PlanPrinter`); with -q and -n one line of counts instead.
    func planned(_ plan: Plan, at destination: Location, newer: Set<Int>) {
        let printer = PlanPrinter(options)
        printer.show(
            plan, at: destination, deletion: options.deletion, newer: newer,
            filesystem: filesystems.profile(of: destination))
        if options.quiet, options.dryRun {
            Console.print("\(destination.heading): \(printer.counts(plan, deletion: options.deletion, newer: newer))")
        }
    }

    func dryRunEnded() { Console.print("dry run: nothing was changed") }

    func nothingToDo(at destination: Location, declined: RunSummary.Declined) {
        Console.print("\(destination.heading): \(RunSummary.nothingApplied(declined: declined))")
    }

    func applied(_ outcome: DestinationOutcome) {
        let heading = outcome.destination.heading
        if let why = outcome.notWritten { return Console.error(why) }
        Console.print(
            "\(heading): \(RunSummary.line(outcome.report, declined: outcome.declined, elapsed: outcome.elapsed))")
        note(outcome.appeared, "appeared at the destination since the plan; left alone", at: heading)
        note(outcome.vanished, "left the source since the plan; not copied", at: heading)
        note(outcome.returned, "approved for deletion but back in the source since the plan; kept", at: heading)
        note(outcome.changed, "changed since the plan, when only their attributes differed; left alone", at: heading)
    }

    private func note(_ names: [String], _ what: String, at heading: String) {
        guard !names.isEmpty else { return }
        let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        Console.note("note: \(heading): \(plural(names.count, "item", "items")) \(what): \(shown)")
    }
}

/// The plan of a dry run as one JSON document, written once every destination is planned.
final class JSONReporter: SessionReporter {
    let action: String
    let configuration: String
    let source: Location
    let deleting: Bool
    private var plans: [(Location, Plan)] = []

    /// The configuration's locations left out, each with the reason.
    let skipped: [(Location, String)]

    init(action: String, configuration: String, source: Location, deleting: Bool, skipped: [(Location, String)]) {
        self.skipped = skipped
        self.action = action
        self.configuration = configuration
        self.source = source
        self.deleting = deleting
    }

    func started() {}

    func planned(_ plan: Plan, at destination: Location, newer: Set<Int>) { plans.append((destination, plan)) }

    func dryRunEnded() {
        PlanDocument(
            action: action, configuration: configuration, source: source, plans: plans, deleting: deleting,
            skipped: skipped
        ).write()
    }

    func nothingToDo(at destination: Location, declined: RunSummary.Declined) {}

    func applied(_ outcome: DestinationOutcome) {}
}
