import MicsyncCLI
import MicsyncKit

/// A chosen BACKUP → one or more other BACKUPs (mirrors).
public enum Transfer: SyncAction {
    public typealias Options = MirrorOptions

    public static let name = "transfer"
    public static let originallySpelled = true
    public static let direction: Direction = .backupToBackup
    public static let summary = "Copy from one BACKUP to other BACKUPs; may delete with -d or -D."
    public static let discussion = """
        Keeps BACKUPs in step with each other. You are asked which BACKUP is the source (unless the paths \
        were typed in one, or --from names it) and which other BACKUPs are the destinations (several may be \
        picked; --to may be repeated).

        Examples:
          micsync transfer /mnt/disc1/photos                copy to the other BACKUPs you choose
          micsync --transfer -d /mnt/disc1/photos           the original's spelling; ask before deleting
          micsync transfer --from 0 --to 1 --to 2 -m PATH   script it: no questions about locations
        """
}
