/// The decision stage: asks the questions about one destination's plan (overwrite modified files, delete
/// what the source lacks) and turns the answers into a `Decision`. Each question offers `[l]ist`, which
/// pages the destination's whole plan and asks again. It asks; it changes nothing.
@MainActor
struct Asking {
    let job: SyncJob

    func decide(_ guarded: GuardedDestination) throws(MicsyncError) -> DecidedDestination {
        let planned = guarded.planned
        let answers = try ask(about: planned, deleteShare: guarded.deleteShare)
        return DecidedDestination(
            planned: planned, decision: Decision(planned.plan, options: job.options, answers: answers),
            asked: answers.overwrite != nil || answers.delete != nil)
    }

    private func ask(about planned: PlannedDestination, deleteShare: String?) throws(MicsyncError)
        -> Decision.Answers
    {
        let (plan, destination, options, terminal) = (planned.plan, planned.destination, job.options, job.terminal)
        var answers = Decision.Answers()
        let printer = PlanPrinter(options, job.context)
        func ask(_ question: String, _ answers: [Questions.Answer]) throws(MicsyncError) -> Questions.Answer {
            try printer.ask(
                question, answers, of: job.context.questions, about: plan, at: destination,
                deletion: options.deletion, newer: planned.newer)
        }
        if Decision.asksOverwrite(plan, options) {
            try terminal.checkOutput()
            let warning = planned.newer.isEmpty ? "" : " (\(grouped(planned.newer.count)) newer at the destination)"
            let items = plural(plan.modified.count, "modified item", "modified items")
            let question = "Overwrite \(items) in \(destination.path)\(warning)?"
            answers.overwrite = try ask(question, [.modify, .no]) == .modify
        }
        if Decision.asksDelete(plan, options) {
            try terminal.checkOutput()
            if let deleteShare { terminal.note(deleteShare) }
            let question = "Delete \(plural(plan.deleted.count, "item", "items")) in \(destination.path)?"
            answers.delete = try ask(question, [.delete, .no]) == .delete
        }
        return answers
    }
}

/// A planned destination with what the user approved of it.
struct DecidedDestination {
    let planned: PlannedDestination
    let decision: Decision
    /// Whether a question was put about it: minutes may then pass between its plan and its apply.
    let asked: Bool
}
