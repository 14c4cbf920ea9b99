import Foundation

/// Moves data from one source to its destinations over one scope, the same way for every action (and for
/// `trash restore`): plan every destination → refuse mass deletes → ask every question → apply exactly what
/// was approved → report. Planning and asking never touch files; applying never asks.
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
    let started = Date()

    public init(action: String, rsync: Rsync, invocation: RsyncInvocation, scope: Scope, source: Location, destinations: [Location],
                options: RunOptions, questions: Questions, overwrites: Bool = true) {
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
        self.keepsTrash = scope.configuration.trash && options.trash
        deleteGuard = DeleteGuard(scope: scope, source: source, maxDeletePercent: scope.configuration.maxDeletePercent)
    }

    /// One destination's plan and what the user approved of it.
    struct Decision {
        let source: Location
        let destination: Location
        let plan: Plan
        var overwrite: Bool
        var delete: Bool

        /// The paths the apply pass gets: new and attribute-only always, the rest if approved.
        var approvedLists: [PathList] {
            [plan.new, plan.attributesOnly] + (overwrite ? [plan.modified] : [])
                + (delete ? [plan.deleted.deletions(missingFrom: source.path)] : [])
        }
    }

    /// Runs the session, handing `recorder` what each pass did.
    public func run(recording recorder: (ApplyReport) -> Void = { _ in }) async throws(MicsyncError) {
        let printer = PlanPrinter(suppressDirectories: options.suppressDirectories)
        if !options.json { Console.print("\(action): from \(source.heading)") }
        var problems: [String] = []
        if asksNothing {
            // With -v every command is confirmed first, so that `q` still cancels before anything changes.
            var confirmed: [(Location, [String])] = []
            for destination in destinations {
                let arguments = invocation.singlePass(to: destination, trash: trashFolder(in: destination))
                if try confirm(arguments, to: destination) { confirmed.append((destination, arguments)) }
            }
            for (destination, arguments) in confirmed {
                try await singlePass(arguments, to: destination, printer: printer, problems: &problems, recorder: recorder)
            }
        } else {
            let plans = try await Planner(rsync: rsync, invocation: invocation, verbose: options.verbose).plan(destinations)
            try guardDeletions(plans)
            if options.json {
                PlanDocument(action: action, configuration: configurationName, source: source,
                             plans: Array(zip(destinations, plans)), deleting: options.deletion != .never).write()
                return
            }
            var decisions: [Decision] = []
            for (destination, plan) in zip(destinations, plans) {
                printer.show(plan, at: destination, deletion: options.deletion)
                if !plan.problems.isEmpty { problems.append(Self.problem(at: destination, plan.problems)) }
                decisions.append(try decide(plan, at: destination))
            }
            if options.dryRun {
                Console.print("dry run: nothing was changed")
            } else {
                try await apply(decisions, problems: &problems, recorder: recorder)
            }
        }
        guard problems.isEmpty else { throw .rsync("rsync did not finish everything:\n" + problems.joined(separator: "\n")) }
    }

    /// Refuses mass deletes before anything is asked or changed; a dry run only says it would.
    private func guardDeletions(_ plans: [Plan]) throws(MicsyncError) {
        guard options.deletion != .never, !options.force else { return }
        for (destination, plan) in zip(destinations, plans) {
            do {
                try deleteGuard.check(plan, at: destination)
            } catch where options.dryRun {
                Console.note("note: without -n this run would be \(error.message)")
            }
        }
    }

    /// No question can come up: every modification is approved (-m, or none possible) and deletions are
    /// off, or on without asking and past the guard (--force). One real rsync pass then does plan and apply.
    private var asksNothing: Bool {
        !options.dryRun && (options.modify || !overwrites)
            && (options.deletion == .never || (options.deletion == .always && options.force))
    }

    private func singlePass(_ arguments: [String], to destination: Location, printer: PlanPrinter,
                            problems: inout [String], recorder: (ApplyReport) -> Void) async throws(MicsyncError) {
        var done = Plan()
        var report = ApplyReport()
        let outcome = try await rsync.run(arguments) { line in
            guard !progress.consume(line), let item = ItemizedChange.parse(line) else { return }
            done.add(item)
            report.count(item)
        }
        progress.clear()
        printer.show(done, at: destination, deletion: options.deletion)
        try finish(destination, report, outcome, problems: &problems, recorder: recorder)
    }

    /// The questions about one destination: overwrite modified files, delete what the source lacks.
    private func decide(_ plan: Plan, at destination: Location) throws(MicsyncError) -> Decision {
        var decision = Decision(source: source, destination: destination, plan: plan, overwrite: options.modify,
                                delete: options.deletion == .always)
        guard !options.dryRun else { return decision }
        if !plan.modified.isEmpty, !options.modify {
            let question = "Overwrite \(plural(plan.modified.count, "modified item", "modified items")) in \(destination.path)?"
            decision.overwrite = try questions.ask(question, [.modify, .no]) == .modify
        }
        if !plan.deleted.isEmpty, options.deletion == .ask {
            let question = "Delete \(plural(plan.deleted.count, "item", "items")) in \(destination.path)?"
            decision.delete = try questions.ask(question, [.delete, .no]) == .delete
        }
        return decision
    }

    private func apply(_ decisions: [Decision], problems: inout [String],
                       recorder: (ApplyReport) -> Void) async throws(MicsyncError) {
        var runs: [(Location, ListFile, [String])] = []
        for decision in decisions {
            let lists = decision.approvedLists
            guard lists.contains(where: { !$0.isEmpty }) else {
                Console.print("\(decision.destination.heading): nothing to do")
                continue
            }
            let list = try ListFile(lists)
            let arguments = invocation.apply(to: decision.destination, listFile: list.path,
                                             trash: trashFolder(in: decision.destination))
            guard try confirm(arguments, to: decision.destination) else { continue }
            runs.append((decision.destination, list, arguments))
        }
        for (destination, _, arguments) in runs {
            var report = ApplyReport()
            let outcome = try await rsync.run(arguments) { line in
                if !progress.consume(line), let item = ItemizedChange.parse(line) { report.count(item) }
            }
            progress.clear()
            try finish(destination, report, outcome, problems: &problems, recorder: recorder)
        }
    }

    /// With -v: prints the command and asks before it runs (a No skips the destination). Without: runs it.
    private func confirm(_ arguments: [String], to destination: Location) throws(MicsyncError) -> Bool {
        guard options.verbose else { return true }
        Console.print(RsyncInvocation.commandLine(rsync.executable, arguments))
        guard try questions.ask("Run this command?", [.yes, .no]) == .yes else {
            Console.print("\(destination.heading): skipped")
            return false
        }
        return true
    }

    /// Reports one destination's pass; stops the run if it was interrupted. A failed pass is noted and the
    /// other destinations still get theirs.
    private func finish(_ destination: Location, _ report: ApplyReport, _ outcome: Rsync.Outcome,
                        problems: inout [String], recorder: (ApplyReport) -> Void) throws(MicsyncError) {
        recorder(report)
        Console.print("\(destination.heading): \(report.summary)")
        try Interruption.shared.checkpoint()
        if outcome.exitCode != 0 {
            problems.append(Self.problem(at: destination, outcome.problems, exitCode: outcome.exitCode))
        }
    }

    /// rsync's own messages about one destination, which name the files that failed.
    static func problem(at destination: Location, _ messages: [String], exitCode: Int32? = nil) -> String {
        let code = exitCode.map { " (rsync exit \($0)\($0 == 23 || $0 == 24 ? ": partial transfer" : ""))" } ?? ""
        return "  \(destination.heading)\(code):\n" + messages.map { "    " + $0 }.joined(separator: "\n")
    }

    private func trashFolder(in destination: Location) -> String? {
        keepsTrash ? Trash.folder(in: destination, at: started) : nil
    }
}

/// A temporary file holding the NUL-separated paths of one apply pass; removed when no longer referenced.
final class ListFile {
    let path: String

    init(_ lists: [PathList]) throws(MicsyncError) {
        path = NSTemporaryDirectory() + "/micsync-\(getpid())-\(UUID().uuidString).list"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        var output = LineWriter(descriptor: descriptor)
        if descriptor >= 0 {
            lists.forEach { $0.writeFilesFrom(to: &output) }
            output.flush()
            close(descriptor)
        }
        guard descriptor >= 0, !output.failed else {
            throw .usage("cannot write the list of paths to \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { unlink(path) }
}
