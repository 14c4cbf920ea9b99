import MicsyncCLI
import MicsyncKit

/// The directory skeleton of a BACKUP → a WORKING location; never a file.
public enum Tree: SyncAction {
    public typealias Options = StructureOptions

    public static let name = "tree"
    public static let originallySpelled = true
    public static let direction: Direction = .backupToWorking
    public static let summary = "Copy only the directory structure from a BACKUP to a WORKING location."
    public static let discussion = """
        Creates the missing directories and updates the attributes of existing ones; it never creates, \
        changes or deletes a file.

        Examples:
          micsync tree ~/photos          recreate the folders of the BACKUP under ~/photos
          micsync --tree -n ~/photos     the original's spelling; show what would be created
        """

    public static let filters = ["--include=*/", "--exclude=*"]
    public static let overwrites = false

    /// A file where the BACKUP has a folder of that name stays a file: rsync's `--ignore-existing` never
    /// replaces what is there, yet still updates the attributes of existing folders.
    public static func rsyncOptions(_ options: Options) -> [String] { ["--ignore-existing"] }
}
