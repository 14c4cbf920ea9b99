import Foundation

/// Refuses, before anything changes, a run that would delete a large part of a destination, or whose source
/// scope is empty while the destination's is not: an unmounted disc looks exactly like that.
struct DeleteGuard {
    let scope: Scope
    let source: Location
    let maxDeletePercent: Double

    func check(_ plan: Plan, at destination: Location) throws(MicsyncError) {
        let deletedFiles = plan.deleted.count - plan.deleted.directoryCount
        guard !plan.deleted.isEmpty else { return }
        if !containsAnything(source) {
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

    /// The scope's paths under `location`, each with its directory walked.
    private func entries(in location: Location) -> some Sequence<String> {
        scope.relativePaths.lazy.flatMap { relative -> [String] in
            let top = relative.isEmpty ? location.path : location.path + "/" + relative
            guard FileSystem.isDirectory(top), let walker = FileManager.default.enumerator(atPath: top) else {
                return FileSystem.exists(top) && !relative.isEmpty ? [top] : []
            }
            var found: [String] = []
            while let item = walker.nextObject() as? String {
                if relative.isEmpty, item == RsyncInvocation.stateFolder { walker.skipDescendants(); continue }
                found.append(top + "/" + item)
            }
            return found
        }
    }

    private func containsAnything(_ location: Location) -> Bool {
        entries(in: location).contains { _ in true }
    }

    private func countFiles(_ location: Location) -> Int {
        entries(in: location).count { !FileSystem.isDirectory($0) || FileSystem.isSymlink($0) }
    }
}
