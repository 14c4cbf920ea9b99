/// -v: prints each command that changes files and asks before it runs (a No skips the destination);
/// --print-commands: prints it. Without either: every command runs.
@MainActor
struct Confirmation {
    let job: SyncJob

    /// `list`: the paths of a pass that reads them from a list file, printed with its command.
    func confirm(_ arguments: [String], listing list: PathList? = nil, to destination: Location)
        throws(MicsyncError) -> Bool
    {
        let (options, terminal) = (job.options, job.terminal)
        guard options.printsCommands else { return true }
        terminal.print(job.invocation.pasteableLine(job.rsync.executable, arguments, listing: list, to: destination))
        guard options.verbose else { return true }
        guard try job.context.questions.ask("Run this command?", [.yes, .no]) == .yes else {
            terminal.print("\(destination.heading): skipped")
            return false
        }
        return true
    }
}
