import MicsyncCLI
import MicsyncKit

/// A chosen BACKUP → a chosen WORKING; may delete (-d asks, -D doesn't).
public enum Work: SyncAction {
    public typealias Options = MirrorOptions

    public static let name = "work"
    public static let originallySpelled = true
    public static let direction: Direction = .backupToWorking
    public static let summary = "Copy from a BACKUP to a WORKING location; may delete with -d or -D."
    public static let discussion = """
        Brings data from a BACKUP back into a WORKING location. Modified files are listed and you are asked \
        whether to overwrite them (-m: without asking). With -d, files in the WORKING location that are not in \
        the BACKUP are listed and you are asked whether to delete them; -D deletes them without asking. \
        When several BACKUPs or WORKINGs are accessible you are asked which (or give --from / --to).

        Examples:
          micsync work ~/docs/report                 restore a folder from the BACKUP
          micsync --work -d ~/docs                   the original's spelling; ask before deleting
          micsync work -D --from 0 --to 0 ~/docs     make WORKING 0 an exact copy of BACKUP 0, no questions
        """
}
