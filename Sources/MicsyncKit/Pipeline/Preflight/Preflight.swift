/// What can fail before rsync starts is checked before the first question, so that no answer is wasted: the
/// temporary list file, and micsync's folders in each destination (a destination whose `.micsync` is a
/// symlink, say, is refused with one line and the others go on). It reads; it changes nothing.
@MainActor
struct Preflight {
    /// The destinations that can be written, and those refused, each with why.
    struct Result {
        var usable: [Location] = []
        var refused: [DestinationOutcome] = []
    }

    let job: SyncJob

    func check() throws(MicsyncError) -> Result {
        guard !job.options.dryRun else { return Result(usable: job.destinations) }
        try ListFile.probe()
        var result = Result()
        for destination in job.destinations {
            guard let problem = job.context.locations.stateProblem(destination) else {
                result.usable.append(destination)
                continue
            }
            var refused = DestinationOutcome(destination)
            refused.notWritten = problem
            result.refused.append(refused)
            job.terminal.error(problem)
        }
        return result
    }
}
