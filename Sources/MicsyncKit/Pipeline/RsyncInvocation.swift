import Foundation

/// The rsync command lines of one run, source → one destination: the planning dry run and the exact apply.
public struct RsyncInvocation: Sendable {
    /// Where micsync keeps its own things inside a destination: never synced, planned or listed.
    public static let stateFolder = ".micsync"

    let source: Location
    let scope: Scope
    let filters: [String]
    let deleting: Bool
    /// Added to the dry run by read-only comparisons (diff, status --changes): e.g. `--checksum`.
    public var planOptions: [String] = []
    /// Added to the apply pass: `--info=progress2` while a progress line is shown.
    public var applyOptions: [String] = []
    /// Added to every pass: the action's own rsync options (`SyncAction.rsyncOptions`).
    public var actionOptions: [String] = []

    public init(source: Location, scope: Scope, actionFilters: [String], deleting: Bool) {
        self.source = source
        self.scope = scope
        self.deleting = deleting
        self.filters = ["--exclude=/\(Self.stateFolder)/"] + scope.configuration.exclude.map { "--exclude=\($0)" }
            + actionFilters
    }

    /// One dry run over the scope that itemizes everything a real run would do. Without incremental
    /// recursion it walks about a tenth faster, for rsync's file list held whole while it plans.
    public func plan(to destination: Location) -> [String] {
        ["-a", "--relative", "--dry-run", "--no-inc-recursive"] + ItemizedChange.outputFormat + (deleting ? ["--delete"] : []) + planOptions
            + actionOptions + filters
            + scope.rsyncSources(in: source) + [destination.path + "/"]
    }

    /// Applies exactly the paths listed (NUL-separated) in `listFile`, without walking the tree again:
    /// a listed path missing from the source is deleted at the destination (`--delete-missing-args`,
    /// recursively with `--force`), so only approved deletions can happen.
    public func apply(to destination: Location, listFile: String, trash: String?) -> [String] {
        ["-a"] + ItemizedChange.outputFormat + ["--from0", "--files-from=\(listFile)"]
            + (deleting ? ["--delete-missing-args", "--force"] : []) + writing(to: destination, trash: trash)
            + applyOptions + actionOptions + filters + [source.path + "/", destination.path + "/"]
    }

    /// One real pass over the whole scope, for runs where no question needs a plan first.
    public func singlePass(to destination: Location, trash: String?) -> [String] {
        ["-a", "--relative"] + ItemizedChange.outputFormat + (deleting ? ["--delete"] : [])
            + writing(to: destination, trash: trash) + applyOptions + actionOptions + filters
            + scope.rsyncSources(in: source) + [destination.path + "/"]
    }

    /// What every pass that writes adds: an interrupted file waits in `.micsync/partial`, never over a good
    /// file; what is overwritten or deleted goes to `trash` (`.micsync/trash/…`, relative to the destination)
    /// when given.
    private func writing(to destination: Location, trash: String?) -> [String] {
        ["--partial-dir=\(destination.path)/\(Self.stateFolder)/partial"]
            + (trash.map { ["--backup", "--backup-dir=\($0)"] } ?? [])
    }

    /// `rsync ARGS…` as one line that can be pasted into a shell.
    public static func commandLine(_ executable: String, _ arguments: [String]) -> String {
        ([executable] + arguments).map(shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ word: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=/.,:+@%")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
