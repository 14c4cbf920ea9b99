import Foundation

/// Where a run keeps what it overwrites or deletes at a destination: `DEST/.micsync/trash/<UTC timestamp>/`,
/// with each file at its path relative to the location root (rsync `--backup --backup-dir`).
public enum Trash {
    /// The folder holding every trash entry of `location`.
    public static func root(of location: Location) -> String {
        location.path + "/" + RsyncInvocation.stateFolder + "/trash"
    }

    /// `20261124T213005Z`: sortable, and valid on FAT and exFAT discs (no colons).
    public static func timestamp(_ date: Date) -> String { formatter().string(from: date) }

    /// The time a trash folder was made, from its name (a `-2` suffix of a second run in the same second aside).
    public static func date(of timestamp: String) -> Date? {
        formatter().date(from: String(timestamp.prefix(16)))
    }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }

    /// The trash folder of a run starting at `date`, relative to `location` (rsync reads a relative
    /// `--backup-dir` from the destination, and checks fewer path components per file than for an absolute
    /// one): `.micsync/trash/<timestamp>`, with a `-2`, `-3`… that no earlier run at `location` has used.
    public static func folder(in location: Location, at date: Date) -> String {
        let base = RsyncInvocation.stateFolder + "/trash/" + timestamp(date)
        var candidate = base
        var number = 1
        while FileSystem.exists(location.path + "/" + candidate) {
            number += 1
            candidate = base + "-\(number)"
        }
        return candidate
    }
}
