import MicsyncCLI
import MicsyncKit

/// WORKING → every accessible BACKUP. Never deletes; asks before overwriting modified files.
public enum Backup: SyncAction {
    public typealias Options = CopyOptions

    public static let name = "backup"
    public static let originallySpelled = true
    public static let direction: Direction = .workingToBackup
    public static let summary = "Copy from a WORKING location to every accessible BACKUP; never deletes."
    public static let discussion = """
        New files are copied and listed. Modified files are listed and you are asked once per BACKUP \
        whether to overwrite them (-m: without asking). Nothing is ever deleted in a BACKUP. The paths may be \
        typed in a WORKING or a BACKUP location: the copy always goes WORKING → BACKUP.

        Examples:
          micsync backup ~/docs/report          back up one folder to every BACKUP
          micsync --backup -m ~/docs/report     the original's spelling; overwrite modified files
          micsync backup -n ~/docs              show what would be copied, change nothing
          micsync backup --to 1 ~/docs          only to BACKUP number 1 of the configuration
          micsync backup --exclude '*.tmp' ~/docs   leave out what matches, besides the config's exclude
          micsync backup --strict -m ~/docs     for a timer: exit 3 when a BACKUP was skipped
        """
}
