import Foundation

/// Dates as people read them: the local time of a run, and how long ago it was.
public enum TimeWords {
    /// `2026-12-04 23:05`, in the local time zone.
    public static func local(_ date: Date) -> String { String(localToTheSecond(date).dropLast(3)) }

    /// `2026-12-04 23:05:09`, in the local time zone: a time `restore --at` takes back as it is.
    public static func localToTheSecond(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// How long ago, as it matters for a backup: `just now`, `12 min ago`, `5 h ago`, `3 days ago`.
    public static func ago(_ date: Date, now: Date = Date()) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        return switch seconds {
        case ..<60: "just now"
        case ..<3600: "\(seconds / 60) min ago"
        case ..<172_800: "\(seconds / 3600) h ago"
        default: "\(seconds / 86_400) days ago"
        }
    }
}
