import Foundation

/// Refuses, before anything changes, a run that would delete a large part of a destination, or whose source
/// scope holds no file while the destination's does: an unmounted disc looks exactly like that (an empty
/// mount point may still hold a directory such as lost+found).
struct DeleteGuard {
    let scope: Scope
    let source: Location
    let maxDeletePercent: Double

    func check(_ plan: Plan, at destination: Location) throws(MicsyncError) {
        let deletedFiles = plan.deleted.count - plan.deleted.directoryCount
        guard !plan.deleted.isEmpty else { return }
        if countFiles(source) == 0 {
            throw refusal("the source scope in \(source.heading) is empty while "
                + "\(destination.path) is not: is the disc mounted? Deleting would empty the destination")
        }
        let filesAtDestination = countFiles(destination)
        let percent = filesAtDestination == 0 ? 0 : Double(deletedFiles) * 100 / Double(filesAtDestination)
        if percent > maxDeletePercent {
            throw refusal("the run would delete \(deletedFiles) of \(filesAtDestination) files "
                + "(\(Int(percent.rounded()))%) in \(destination.path), more than maxDeletePercent "
                + "(\(Int(maxDeletePercent))%)")
        }
    }

    private func refusal(_ why: String) -> MicsyncError {
        MicsyncError(.refused, "refused: \(why). Nothing was changed. Check the source, then run again with --force "
            + "to delete anyway (or raise \"maxDeletePercent\" in the configuration)")
    }

    /// The files in the scope at `location`, `.micsync` left out.
    private func countFiles(_ location: Location) -> Int {
        scope.relativePaths.reduce(0) { total, relative in
            let top = relative.isEmpty ? location.path : location.path + "/" + relative
            let stateFolder: Set = relative.isEmpty ? [Array(RsyncInvocation.stateFolder.utf8)] : []
            return total + FileSystem.files(under: Array(top.utf8), skipping: stateFolder).count
        }
    }
}
