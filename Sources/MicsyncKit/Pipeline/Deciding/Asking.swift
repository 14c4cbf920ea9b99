/// The decision stage: asks the questions about the destinations' plans (overwrite modified files, delete
/// what the source lacks) and turns the answers into a `Decision` for each. One change is one question,
/// whatever the number of destinations whose plans share it. Each question offers `[l]ist`, which pages the
/// whole plan and asks again. It asks; it changes nothing.
@MainActor
struct Asking {
    let job: SyncJob

    func decide(_ guarded: [GuardedDestination]) throws(MicsyncError) -> [DecidedDestination] {
        let options = job.options
        var answers = Array(repeating: Decision.Answers(), count: guarded.count)
        let planned = guarded.map(\.planned)
        let overwriting = planned.indices.filter { Decision.asksOverwrite(planned[$0].plan, options) }
        let sameModified = { (one: Int, other: Int) in
            planned[one].newer == planned[other].newer
                && planned[one].plan.modified.sameEntries(as: planned[other].plan.modified)
        }
        for group in SamePlans.groups(overwriting, same: sameModified) {
            let first = planned[group[0]]
            let warning = first.newer.isEmpty ? "" : " (\(grouped(first.newer.count)) newer at the destination)"
            let items = plural(first.plan.modified.count, "modified item", "modified items")
            let question = "Overwrite \(items) in \(place(group, of: planned))\(warning)?"
            let answer = try ask(question, [.modify, .no], about: group, of: planned) == .modify
            for index in group { answers[index].overwrite = answer }
        }
        let deleting = planned.indices.filter { Decision.asksDelete(planned[$0].plan, options) }
        let sameDeleted = { (one: Int, other: Int) in
            planned[one].plan.deleted.sameEntries(as: planned[other].plan.deleted)
        }
        for group in SamePlans.groups(deleting, same: sameDeleted) {
            for index in group { guarded[index].deleteShare.map(job.terminal.note) }
            let items = plural(planned[group[0]].plan.deleted.count, "item", "items")
            let answer = try ask(
                "Delete \(items) in \(place(group, of: planned))?", [.delete, .no], about: group, of: planned)
            for index in group { answers[index].delete = answer == .delete }
        }
        return planned.indices.map { index in
            DecidedDestination(
                planned: planned[index],
                decision: Decision(planned[index].plan, options: options, answers: answers[index]),
                asked: answers[index].overwrite != nil || answers[index].delete != nil)
        }
    }

    private func place(_ group: [Int], of planned: [PlannedDestination]) -> String {
        SamePlans.place(group.map { planned[$0].destination })
    }

    /// Asks `question` about the plan that the destinations `group` share.
    private func ask(
        _ question: String, _ answers: [Questions.Answer], about group: [Int], of planned: [PlannedDestination]
    ) throws(MicsyncError) -> Questions.Answer {
        try job.terminal.checkOutput()
        let first = planned[group[0]]
        return try PlanPrinter(job.options, job.context).ask(
            question, answers, of: job.context.questions, about: first.plan, at: first.destination,
            heading: SamePlans.heading(group.map { planned[$0].destination }), deletion: job.options.deletion,
            newer: first.newer)
    }
}

/// A planned destination with what the user approved of it.
struct DecidedDestination {
    let planned: PlannedDestination
    let decision: Decision
    /// Whether a question was put about it: minutes may then pass between its plan and its apply.
    let asked: Bool
}
