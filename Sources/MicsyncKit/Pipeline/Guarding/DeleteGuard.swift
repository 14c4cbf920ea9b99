import Foundation

/// Stops, before anything changes, a run whose source scope holds no file while the destination's does (an
/// unmounted disc looks exactly like that; an empty mount point may still hold lost+found), and a -D run
/// that would delete more than `maxDeletePercent` of the destination's files and at least `handful` of
/// them. With -d the share is said in the question instead, and the user decides.
struct DeleteGuard {
    /// Deleting fewer files than this is never refused: the list is short and the trash keeps them.
    static let handful = 10

    let source: Location
    let maxDeletePercent: Double

    enum Verdict: Equatable {
        /// Go on; with the share to say in the delete question when it is large.
        case allowed(share: String?)
        case refused(String)
    }

    /// The verdict for `plan` at `destination`; nil when nothing would be deleted. The files are those rsync
    /// counted in the scope at each end, `exclude` applied as it is to the deletions themselves.
    func check(_ plan: Plan, at destination: Location, asking: Bool) -> Verdict? {
        guard !plan.deleted.isEmpty else { return nil }
        guard let files = plan.counts.scopeFiles else {
            return .refused("rsync did not count the files in \(destination.path), so the share deleted is unknown")
        }
        return Self.verdict(
            deletedFiles: plan.deleted.count - plan.deleted.directoryCount,
            sourceFiles: files.source, destinationFiles: files.destination,
            maxDeletePercent: maxDeletePercent, asking: asking, source: source, destination: destination)
    }

    /// The rule itself, on counts alone.
    static func verdict(
        deletedFiles: Int, sourceFiles: Int, destinationFiles: Int, maxDeletePercent: Double,
        asking: Bool, source: Location, destination: Location
    ) -> Verdict {
        if sourceFiles == 0, destinationFiles > 0 {
            return .refused(
                "the source scope in \(source.heading) is empty while \(destination.path) is not: "
                    + "is the disc mounted? Deleting would empty the destination")
        }
        let percent = destinationFiles == 0 ? 0 : Double(deletedFiles) * 100 / Double(destinationFiles)
        guard percent > maxDeletePercent, deletedFiles >= handful else { return .allowed(share: nil) }
        let share = "\(Int(percent.rounded()))% (\(grouped(deletedFiles)) of \(grouped(destinationFiles)) files)"
        if asking { return .allowed(share: "this deletes \(share) of \(destination.path)") }
        return .refused(
            "the run would delete \(share) in \(destination.path), more than maxDeletePercent "
                + "(\(Int(maxDeletePercent))%)")
    }

    static func refusal(_ why: String) -> MicsyncError {
        MicsyncError(
            .refused,
            "refused: \(why). Nothing was changed. Check the source, then run again with --force "
                + "to delete anyway (or raise \"maxDeletePercent\" in the configuration)")
    }
}
