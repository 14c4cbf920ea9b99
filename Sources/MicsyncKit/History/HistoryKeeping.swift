/// A configuration's `"keep"`, applied by the runner after each successful run to the locations the run
/// wrote, while it still holds their locks. What goes is said; a purge that fails is a warning, never a
/// failed run: the run itself did what it was asked.
@MainActor
struct HistoryKeeping {
    let context: RunContext

    func apply(_ policy: KeepPolicy, of configuration: Configuration, to written: [Location]) {
        let book = context.locations
        let retention = TrashRetention(
            policy: policy, configuration: configuration, locations: book,
            journal: Journal(path: book.state.journal).entries(warningsTo: context.terminal))
        for location in written {
            do throws(MicsyncError) {
                let plan = try retention.plan(for: location)
                guard !plan.doomed.isEmpty else { continue }
                try retention.purge(plan)
                context.terminal.note(
                    "\(location.heading): kept history by \"keep\" (\(policy)); let go of "
                        + plural(plan.doomed.count, "trash folder", "trash folders") + " ("
                        + plural(plan.files, "file", "files") + ", " + ByteCount.readable(plan.bytes) + ")")
            } catch {
                context.terminal.note("warning: \(location.heading): \"keep\" was not applied: \(error.message)")
            }
        }
    }
}
