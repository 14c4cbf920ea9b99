import MicsyncKit

/// WORKING → every accessible BACKUP, asking before overwriting; never deletes. Edit to taste: see the
/// protocol `SyncAction` for everything an action can declare.
public enum Verify: SyncAction {
    /// -m and the common options; `MirrorOptions` adds -d -D, `CompareOptions` is for read-only actions,
    /// and a struct of your own can add flags (see Sources/Actions/Diff).
    public typealias Options = CopyOptions

    public static let name = "verify"
    public static let originallySpelled = true
    public static let summary = "Copy from a WORKING location to every accessible BACKUP."
    public static let discussion = """
        New files are copied and listed; modified files are listed and you are asked once per BACKUP \
        whether to overwrite them (-m: without asking). Nothing is deleted.

        Examples:
          micsync verify ~/docs          copy ~/docs to every BACKUP
          micsync --verify -n ~/docs     the original's spelling; a dry run
        """

    public static func endpoints(_ chooser: LocationChooser, options: RunOptions) throws(MicsyncError) -> Endpoints {
        let source = try chooser.one(.working, named: options.from, purpose: "source")
        let destinations = try chooser.several(.backup, named: options.to, purpose: "destination", all: true)
        return Endpoints(source: source, destinations: destinations)
    }
}
