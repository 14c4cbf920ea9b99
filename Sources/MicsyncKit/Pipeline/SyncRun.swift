import Foundation

/// The pipeline every sync action shares: resolve the scope → choose locations → plan every destination →
/// ask every question → apply exactly what was approved → report. Planning and asking never touch files;
/// applying never asks.
public struct SyncRun<Action: SyncAction> {
    let options: RunOptions
    let paths: [String]
    let questions: Questions

    public init(options: RunOptions, paths: [String], questions: Questions = Questions()) {
        self.options = options
        self.paths = paths
        self.questions = questions
    }

    /// One destination's plan and what the user approved of it.
    struct Decision {
        let destination: Location
        let plan: Plan
        var overwrite: Bool
        var delete: Bool
        var run = true

        /// The paths the apply pass gets, NUL-separated: new and attribute-only always, the rest if approved.
        var approvedPaths: [UInt8] {
            plan.new.nulSeparated + plan.attributesOnly.nulSeparated
                + (overwrite ? plan.modified.nulSeparated : []) + (delete ? plan.deleted.outermost().nulSeparated : [])
        }
    }

    public func execute() async throws(MicsyncError) {
        let found = try ConfigLocator().locate(explicit: options.configFile)
        let configurations = try ConfigLoader(file: found.file).load().configurations
        let resolver = PathResolver(base: FileSystem.currentDirectory)
        let scope = try ScopeResolver(configurations: configurations, resolver: resolver, questions: questions)
            .resolve(paths, configurationName: options.configurationName)
        let endpoints = try Action.endpoints(LocationChooser(scope: scope, questions: questions, resolver: resolver),
                                             options: options)
        try requireScope(scope, in: endpoints.source)
        let rsync = try await Rsync.locate()
        let invocation = RsyncInvocation(source: endpoints.source, scope: scope, actionFilters: Action.filters,
                                         deleting: options.deletion != .never)

        let plans = try await Planner(rsync: rsync, invocation: invocation, verbose: options.verbose)
            .plan(endpoints.destinations)
        Console.print("\(Action.name): from \(endpoints.source.role.rawValue) \(endpoints.source.path)")
        let printer = PlanPrinter(suppressDirectories: options.suppressDirectories)
        var decisions: [Decision] = []
        for (destination, plan) in zip(endpoints.destinations, plans) {
            printer.show(plan, at: destination, deletion: options.deletion)
            decisions.append(try decide(plan, at: destination))
        }
        if options.dryRun {
            Console.print("dry run: nothing was changed")
            return
        }
        try await apply(decisions, rsync: rsync, invocation: invocation)
    }

    /// Every typed path must exist in the source, whichever location it was typed in.
    private func requireScope(_ scope: Scope, in source: Location) throws(MicsyncError) {
        let missing = scope.relativePaths.filter { !FileSystem.exists(source.path + "/" + $0) }
        guard missing.isEmpty else {
            let typed = scope.typedIn == source ? "" : " (typed in \(scope.typedIn.role.rawValue) \(scope.typedIn.path))"
            throw .notFound("not found in the source, \(source.role.rawValue) \(source.path)\(typed):\n"
                + missing.map { "  \(source.path)/\($0)" }.joined(separator: "\n"))
        }
    }

    /// The questions about one destination: overwrite modified files, delete what the source lacks.
    private func decide(_ plan: Plan, at destination: Location) throws(MicsyncError) -> Decision {
        var decision = Decision(destination: destination, plan: plan, overwrite: options.modify,
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

    private func apply(_ decisions: [Decision], rsync: Rsync, invocation: RsyncInvocation) async throws(MicsyncError) {
        let lists = try decisions.map { decision throws(MicsyncError) in
            decision.approvedPaths.isEmpty ? nil : try ListFile(decision.approvedPaths)
        }
        var decisions = decisions
        if options.verbose {
            for index in decisions.indices {
                guard let list = lists[index] else { continue }
                Console.print(RsyncInvocation.commandLine(rsync.executable, invocation.apply(to: decisions[index].destination, listFile: list.path)))
                decisions[index].run = try questions.ask("Run this command?", [.yes, .no]) == .yes
            }
        }
        var failures: [String] = []
        for (decision, list) in zip(decisions, lists) {
            let heading = "\(decision.destination.role.rawValue) \(decision.destination.path)"
            guard let list, decision.run else {
                Console.print("\(heading): \(list == nil ? "nothing to do" : "skipped")")
                continue
            }
            var report = ApplyReport()
            let outcome = try await rsync.run(invocation.apply(to: decision.destination, listFile: list.path)) { line in
                if let item = ItemizedChange.parse(line) { report.count(item) }
            }
            Console.print("\(heading): \(report.summary)")
            try Interruption.shared.checkpoint()
            if outcome.exitCode != 0 {
                failures.append("\(heading) (rsync exit \(outcome.exitCode)):\n" + outcome.messages.joined(separator: "\n"))
            }
        }
        guard failures.isEmpty else { throw .rsync("rsync failed for " + failures.joined(separator: "\n")) }
    }
}

/// A temporary file holding the NUL-separated paths of one apply pass; removed when no longer referenced.
final class ListFile {
    let path: String

    init(_ contents: [UInt8]) throws(MicsyncError) {
        path = NSTemporaryDirectory() + "/micsync-\(getpid())-\(UUID().uuidString).list"
        guard FileManager.default.createFile(atPath: path, contents: Data(contents),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw .usage("cannot write a temporary file in \(NSTemporaryDirectory())")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
