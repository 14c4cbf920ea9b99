/// Right before a destination is written: has its filesystem room for what the approved plan adds? New files
/// and approved overwrites count whole; what an overwrite replaces is freed only without a trash (with one,
/// the old copy moves to the trash on the same disc), and then the largest replaced file still counts: rsync
/// keeps each old copy until its new one is whole. Too little is a refusal of that destination, with the
/// numbers, like a location that changed since the plan; `--ignore-space` tries anyway.
@MainActor
struct SpaceCheck {
    let job: SyncJob

    /// Why `destination` is not written; nil when it has room, or its free space cannot be told.
    func whyNot(writing decision: Decision, to destination: Location) -> String? {
        guard !job.options.ignoreSpace, let free = job.context.locations.freeBytes(destination) else { return nil }
        let replaced = replacedSizes(by: decision, at: destination)
        let needed = decision.bytesToCopy - replaced.reduce(0, +) + (replaced.max() ?? 0)
        guard needed > free else { return nil }
        return "\(destination.heading): not enough free space: the plan adds \(ByteCount.readable(needed)), "
            + "\(ByteCount.readable(free)) free; nothing was written there; free some space, or run again with "
            + "--ignore-space to try anyway"
    }

    /// The sizes of the files the approved overwrites remove from `destination`: none when a trash keeps them.
    private func replacedSizes(by decision: Decision, at destination: Location) -> [Int64] {
        guard decision.overwrite, job.trashFolder(in: destination) == nil else { return [] }
        let files = decision.plan.modified.filter { !$0.isDirectory }.map { Array($0.path) }
        return (job.context.locations.entries(files, in: destination) ?? []).map { $0?.size ?? 0 }
    }
}
