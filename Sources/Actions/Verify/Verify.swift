import MicsyncCLI
import MicsyncKit

/// Every BACKUP against the WORKING, by content: finds bit rot and silent corruption. Read-only.
public enum Verify: SyncAction {
    public typealias Options = CompareOptions

    public static let name = "verify"
    public static let originallySpelled = true
    public static let direction: Direction = .workingToBackup
    public static let summary = "Check every BACKUP against the WORKING by content; change nothing."
    public static let discussion = """
        Reads every file of PATH in the WORKING location and in each accessible BACKUP and compares their \
        content (rsync --checksum), so it finds what a backup's quick check of size and modification time \
        cannot: a copy silently corrupted on the disc (bit rot), or changed without a new time. It also lists \
        what is only on one side. Nothing is ever changed. Exit status: 0 when every BACKUP matches, 1 when \
        something differs or could not be read. Reading everything takes as long as copying it.

        Examples:
          micsync verify ~/photos                   is every copy of ~/photos intact?
          micsync --verify /mnt/disc1/photos        the same, typed in a BACKUP
          micsync verify --json ~/photos            for scripts: per BACKUP, what differs
        """
    public static let readOnly = true

    public static func rsyncOptions(_ options: CompareOptions) -> [String] { ["--checksum"] }
}
