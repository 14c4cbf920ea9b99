/// What a session tells the user as it goes: the plan of each destination, then what each apply did.
/// Text for people, one JSON document for scripts (`-n --json`), behind this one interface.
@MainActor
protocol SessionReporter {
    func started()
    func planned(_ plan: Plan, at destination: Location)
    func dryRunEnded()
    func nothingToDo(at destination: Location)
    func applied(_ outcome: DestinationOutcome)
}

/// Plans as lists and a summary line per destination, on stdout; what was left alone and why a location
/// was not written, on stderr.
struct TextReporter: SessionReporter {
    let action: String
    let source: Location
    let options: RunOptions

    func started() { Console.print("\(action): from \(source.heading)") }

    func planned(_ plan: Plan, at destination: Location) {
        PlanPrinter(suppressDirectories: options.suppressDirectories).show(plan, at: destination, deletion: options.deletion)
    }

    func dryRunEnded() { Console.print("dry run: nothing was changed") }

    func nothingToDo(at destination: Location) { Console.print("\(destination.heading): nothing to do") }

    func applied(_ outcome: DestinationOutcome) {
        let heading = outcome.destination.heading
        if let why = outcome.notWritten { return Console.error(why) }
        Console.print("\(heading): \(outcome.report.summary)")
        note(outcome.appeared, "appeared at the destination since the plan; left alone", at: heading)
        note(outcome.vanished, "left the source since the plan; not copied", at: heading)
        note(outcome.returned, "approved for deletion but back in the source since the plan; kept", at: heading)
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

    init(action: String, configuration: String, source: Location, deleting: Bool) {
        self.action = action
        self.configuration = configuration
        self.source = source
        self.deleting = deleting
    }

    func started() {}

    func planned(_ plan: Plan, at destination: Location) { plans.append((destination, plan)) }

    func dryRunEnded() {
        PlanDocument(action: action, configuration: configuration, source: source, plans: plans, deleting: deleting).write()
    }

    func nothingToDo(at destination: Location) {}

    func applied(_ outcome: DestinationOutcome) {}
}
