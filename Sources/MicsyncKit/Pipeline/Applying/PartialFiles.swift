/// Half-copied files whose source is gone: rsync keeps an interrupted file in `.micsync/partial` under its
/// name, and goes on from it only when a file of that name is copied again; one that no run copies again
/// would stay for ever. A run over a whole location knows every name it copies there, so it removes the
/// others, on each destination of this machine whose lock it holds. A dry run writes nothing.
@MainActor
struct PartialFiles {
    let job: SyncJob

    func removeStale(_ decided: [DecidedDestination]) {
        guard !job.options.dryRun, job.scope.relativePaths == [""] else { return }
        for destination in decided {
            let (location, plan) = (destination.planned.destination, destination.planned.plan)
            guard location.remote == nil, job.locks[location] != nil else { continue }
            var copied = Set<[UInt8]>()
            for entry in [plan.new, plan.modified].joined() where !entry.isDirectory {
                copied.insert(Array(entry.path.split(separator: UInt8(ascii: "/")).last ?? entry.path))
            }
            StateFolder(location).removePartialFiles(keeping: copied)
        }
    }
}
