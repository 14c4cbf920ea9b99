import Foundation

/// What a session did, destination by destination, and how it ended: what the journal records.
public struct SessionOutcome: Sendable {
    public var destinations: [DestinationOutcome] = []
    /// rsync's messages about what it could not plan (unreadable files, say).
    public var planProblems: [String] = []
    /// What each destination's filesystem cannot hold: left out of the apply.
    public var cannotStore: [(destination: Location, items: [Unstorable])] = []
    /// Why the run did not end well; nil when it did.
    public var error: MicsyncError?

    public var status: ExitStatus { error?.status ?? .success }
}

/// Moves data from one source to its destinations over one scope, the same way for every action (and for
/// `trash restore`): plan every destination (Planner) → refuse mass deletes → ask every question → decide
/// (Decision, pure) → apply exactly what was approved (Applier, one pass per kind, never asks) → report
/// (SessionReporter). It returns what was done; it never writes the journal itself.
@MainActor
public struct SyncSession {
    let action: String
    let rsync: Rsync
    let invocation: RsyncInvocation
    let source: Location
    let destinations: [Location]
    let options: RunOptions
    let questions: Questions
    /// Whether the plan can hold modified files at all (tree copies directories only).
    let overwrites: Bool
    let deleteGuard: DeleteGuard
    /// Keep what is overwritten or deleted in each destination's trash.
    let keepsTrash: Bool
    let configurationName: String
    let progress: ProgressLine
    /// Each destination's lock, which its rsync passes hold too.
    let locks: [Location: LocationLock]
    let started = Date()
    /// The configuration's locations that are not accessible now, each with the reason.
    let skipped: [(Location, String)]

    public init(
        action: String, rsync: Rsync, invocation: RsyncInvocation, scope: Scope, source: Location,
        destinations: [Location], options: RunOptions, questions: Questions, overwrites: Bool = true,
        locks: [Location: LocationLock] = [:]
    ) {
        self.action = action
        self.rsync = rsync
        progress = ProgressLine(requested: options.progress)
        var invocation = invocation
        invocation.applyOptions += progress.rsyncOptions
        self.invocation = invocation
        configurationName = scope.configuration.name
        self.source = source
        self.destinations = destinations
        self.options = options
        self.questions = questions
        self.overwrites = overwrites
        self.locks = locks
        self.keepsTrash = scope.configuration.trash && options.trash
        skipped = PlanDocument.skipped(in: scope.configuration)
        deleteGuard = DeleteGuard(scope: scope, source: source, maxDeletePercent: scope.configuration.maxDeletePercent)
    }

    /// Runs the session; every failure is in the outcome, with what was done before it.
    public func run() async -> SessionOutcome {
        var outcome = SessionOutcome()
        do throws(MicsyncError) {
            try await run(into: &outcome)
        } catch {
            outcome.error = error
        }
        return outcome
    }

    private var reporter: any SessionReporter {
        options.json
            ? JSONReporter(
                action: action, configuration: configurationName, source: source,
                deleting: options.deletion != .never, skipped: skipped)
            : TextReporter(action: action, source: source, options: options, filesystems: invocation.filesystems)
    }

    private func run(into outcome: inout SessionOutcome) async throws(MicsyncError) {
        let reporter = reporter
        reporter.started()
        let usable = try usableDestinations(into: &outcome)
        if asksNothing {
            try Console.checkOutput()
            try await singlePasses(usable, reporter: reporter, into: &outcome)
        } else {
            try await planAndApply(usable, reporter: reporter, into: &outcome)
        }
        try conclude(outcome)
    }

    /// What can fail before rsync starts is checked before the first question, so that no answer is
    /// wasted: the temporary list file, and micsync's folders in each destination (a destination whose
    /// `.micsync` is a symlink, say, is refused with one line and the others go on).
    private func usableDestinations(into outcome: inout SessionOutcome) throws(MicsyncError) -> [Location] {
        guard !options.dryRun else { return destinations }
        try ListFile.probe()
        return destinations.filter { destination in
            guard let problem = StateFolder(destination).problem() else { return true }
            var refused = DestinationOutcome(destination)
            refused.notWritten = problem
            outcome.destinations.append(refused)
            Console.error(problem)
            return false
        }
    }

    /// No question can come up: every modification is approved (-m, or none possible) and deletions are
    /// off, or on without asking and past the guard (--force). One real rsync pass then does plan and apply,
    /// unless a progress line is shown: its total is what the plan copies, not every byte of the scope.
    /// A destination whose filesystem has limits is always planned first, so that what it cannot hold is
    /// found and left out.
    private var asksNothing: Bool {
        !progress.isShown && !options.dryRun && (options.modify || !overwrites)
            && !destinations.contains { invocation.filesystems.profile(of: $0)?.hasLimits == true }
            && (options.deletion == .never || (options.deletion == .always && options.force))
    }

    private func singlePasses(
        _ usable: [Location], reporter: any SessionReporter,
        into outcome: inout SessionOutcome
    ) async throws(MicsyncError) {
        // With -v every command is confirmed first, so that `q` still cancels before anything changes.
        var confirmed: [(Location, [String])] = []
        for destination in usable {
            let arguments = invocation.singlePass(to: destination, trash: trashFolder(in: destination))
            if try confirm(arguments, to: destination) { confirmed.append((destination, arguments)) }
        }
        Interruption.shared.applying(true)
        defer { Interruption.shared.applying(false) }
        for (position, (destination, arguments)) in confirmed.enumerated() {
            var done = DestinationOutcome(destination)
            let start = ContinuousClock.now
            do throws(MicsyncError) {
                try StateFolder(destination).prepare()
                try destination.claim()
                var plan = Plan()
                let result = try await rsync.run(arguments, holding: locks[destination]) { line in
                    guard !progress.consume(line), let item = ItemizedChange.parse(line) else { return }
                    plan.add(item)
                    done.report.count(item)
                }
                progress.passFinished()
                reporter.planned(plan, at: destination, newer: [])
                if result.exitCode != 0 {
                    done.problem = Self.problem(at: destination, result.problems, exitCode: result.exitCode)
                }
            } catch {
                done.notWritten = error.message
            }
            done.elapsed = .now - start
            outcome.destinations.append(done)
            reporter.applied(done)
            if Interruption.shared.receivedSignal != nil {
                Console.note(
                    RunSummary.interrupted(
                        at: destination, left: nil, of: nil,
                        notStarted: confirmed[(position + 1)...].map(\.0)))
            }
            try Interruption.shared.checkpoint()
        }
    }

    private func planAndApply(
        _ usable: [Location], reporter: any SessionReporter,
        into outcome: inout SessionOutcome
    ) async throws(MicsyncError) {
        let sourceCheck = LocationCheck.take(source)
        let checks = usable.map(LocationCheck.take)
        let plans = try await Planner(rsync: rsync, invocation: invocation, verbose: options.printsCommands).plan(
            usable)
        try guardDeletions(plans, at: usable)
        var decisions: [Decision] = []
        for (destination, plan) in zip(usable, plans) {
            let newer = overwrites && !options.json ? plan.modified.newer(at: destination.path, than: source.path) : []
            reporter.planned(plan, at: destination, newer: newer)
            if !plan.problems.isEmpty { outcome.planProblems.append(Self.problem(at: destination, plan.problems)) }
            if !plan.cannotStore.isEmpty { outcome.cannotStore.append((destination, plan.cannotStore)) }
            if options.deletion != .never, !plan.keptUnstorable.isEmpty {
                let type = invocation.filesystems.source.map { " (\($0.type))" } ?? ""
                let names =
                    plan.keptUnstorable.prefix(5).map(\.displayName).joined(separator: ", ")
                    + (plan.keptUnstorable.count > 5 ? ", …" : "")
                Console.notice(
                    "note: \(destination.heading): \(plural(plan.keptUnstorable.count, "item is", "items are")) "
                        + "not deleted: \(source.heading)\(type) cannot hold them: \(names)")
            }
            if options.json { continue }
            decisions.append(
                Decision(
                    plan, options: options,
                    answers: try ask(about: plan, at: destination, newer: newer)))
        }
        try Console.checkOutput()
        guard !options.dryRun else { return reporter.dryRunEnded() }
        var prepared: [PreparedDestination] = []
        for ((destination, decision), check) in zip(zip(usable, decisions), checks) {
            guard decision.hasWork else {
                reporter.nothingToDo(at: destination, declined: decision.declined(options.deletion))
                continue
            }
            if let ready = try prepare(decision, at: destination, check: check) { prepared.append(ready) }
        }
        let applier = Applier(rsync: rsync, source: source, sourceCheck: sourceCheck, progress: progress)
        progress.expect(prepared.reduce(0) { $0 + $1.decision.bytesToCopy })
        Interruption.shared.applying(true)
        defer { Interruption.shared.applying(false) }
        for (position, destination) in prepared.enumerated() {
            let start = ContinuousClock.now
            var done = await applier.apply(destination, holding: locks[destination.destination])
            done.elapsed = .now - start
            done.declined = destination.decision.declined(options.deletion)
            outcome.destinations.append(done)
            reporter.applied(done)
            if Interruption.shared.receivedSignal != nil {
                let planned = destination.passes.reduce(0) { $0 + destination.decision.list($1.pass).count }
                Console.note(
                    RunSummary.interrupted(
                        at: destination.destination, left: planned - done.report.items,
                        of: planned, notStarted: prepared[(position + 1)...].map(\.destination)))
            }
            try Interruption.shared.checkpoint()
        }
    }

    /// The commands of one destination's passes, each confirmed with -v (a No skips the destination).
    private func prepare(_ decision: Decision, at destination: Location, check: LocationCheck?)
        throws(MicsyncError) -> PreparedDestination?
    {
        let trash = trashFolder(in: destination)
        var passes: [(RsyncInvocation.Pass, ListFile, [String])] = []
        for pass in RsyncInvocation.Pass.allCases where !decision.list(pass).isEmpty {
            let list = try ListFile()
            let arguments = invocation.apply(pass, to: destination, listFile: list.path, trash: trash)
            guard try confirm(arguments, to: destination) else { return nil }
            passes.append((pass, list, arguments))
        }
        return PreparedDestination(destination: destination, decision: decision, check: check, passes: passes)
    }

    /// Refuses mass deletes before anything is asked or changed; a dry run only says it would.
    private func guardDeletions(_ plans: [Plan], at usable: [Location]) throws(MicsyncError) {
        guard options.deletion != .never, !options.force else { return }
        for (destination, plan) in zip(usable, plans) {
            guard case .refused(let why) = deleteGuard.check(plan, at: destination, asking: options.deletion == .ask)
            else { continue }
            let error = DeleteGuard.refusal(why)
            guard options.dryRun else { throw error }
            Console.notice("note: without -n this run would be \(error.message)")
        }
    }

    /// The questions about one destination: overwrite modified files, delete what the source lacks.
    /// Each question offers `[l]ist`: the destination's whole plan through the pager, then the question again.
    private func ask(about plan: Plan, at destination: Location, newer: Set<Int>) throws(MicsyncError)
        -> Decision.Answers
    {
        var answers = Decision.Answers()
        let printer = PlanPrinter(options)
        func ask(_ question: String, _ answers: [Questions.Answer]) throws(MicsyncError) -> Questions.Answer {
            try printer.ask(
                question, answers, of: questions, about: plan, at: destination, deletion: options.deletion,
                newer: newer)
        }
        if Decision.asksOverwrite(plan, options) {
            try Console.checkOutput()
            let warning = newer.isEmpty ? "" : " (\(grouped(newer.count)) newer at the destination)"
            let items = plural(plan.modified.count, "modified item", "modified items")
            let question = "Overwrite \(items) in \(destination.path)\(warning)?"
            answers.overwrite = try ask(question, [.modify, .no]) == .modify
        }
        if Decision.asksDelete(plan, options) {
            try Console.checkOutput()
            if case .allowed(let share?) = deleteGuard.check(plan, at: destination, asking: true) {
                Console.note(share)
            }
            let question = "Delete \(plural(plan.deleted.count, "item", "items")) in \(destination.path)?"
            answers.delete = try ask(question, [.delete, .no]) == .delete
        }
        return answers
    }

    /// With -v: prints the command and asks before it runs (a No skips the destination); with
    /// --print-commands: prints it. Without either: runs it.
    private func confirm(_ arguments: [String], to destination: Location) throws(MicsyncError) -> Bool {
        guard options.printsCommands else { return true }
        Console.print(RsyncInvocation.commandLine(rsync.executable, arguments))
        guard options.verbose else { return true }
        guard try questions.ask("Run this command?", [.yes, .no]) == .yes else {
            Console.print("\(destination.heading): skipped")
            return false
        }
        return true
    }

    /// How the whole run ends: rsync failures (exit 1), and locations that were not written, each already
    /// said in one line (exit 1, or 3 when nothing could run).
    private func conclude(_ outcome: SessionOutcome) throws(MicsyncError) {
        let problems = outcome.planProblems + outcome.destinations.compactMap(\.problem)
        guard problems.isEmpty else {
            throw .rsync(
                "rsync did not finish everything:\n" + problems.joined(separator: "\n")
                    + (outcome.cannotStore.isEmpty ? "" : "\n" + unstorableMessage(outcome)))
        }
        let notWritten = outcome.destinations.filter { $0.notWritten != nil }.count
        guard notWritten == 0 else {
            let nothingRan = notWritten == outcome.destinations.count
            throw MicsyncError(
                nothingRan ? .notFound : .rsyncFailed,
                "\(notWritten) of \(destinations.count) destinations not written, as said above")
        }
        guard outcome.cannotStore.isEmpty else { throw .rsync(unstorableMessage(outcome)) }
    }

    /// The end of a run that left out what a destination cannot hold: how many, where, and what to do.
    private func unstorableMessage(_ outcome: SessionOutcome) -> String {
        let counts = outcome.cannotStore.map { destination, items in
            "\(plural(items.count, "item", "items")) on \(destination.heading)"
        }.joined(separator: ", ")
        return "\(counts) cannot be stored (listed above)\(options.dryRun ? "" : " and were left out")"
            + "; rename them, or add them to \"exclude\" in the configuration"
    }

    /// rsync's own messages about one destination, which name the files that failed.
    nonisolated static func problem(at destination: Location, _ messages: [String], exitCode: Int32? = nil) -> String {
        let code = exitCode.map { " (rsync exit \($0)\($0 == 23 || $0 == 24 ? ": partial transfer" : ""))" } ?? ""
        return "  \(destination.heading)\(code):\n" + messages.map { "    " + $0 }.joined(separator: "\n")
    }

    private func trashFolder(in destination: Location) -> String? {
        keepsTrash ? Trash.folder(in: destination, at: started) : nil
    }
}
