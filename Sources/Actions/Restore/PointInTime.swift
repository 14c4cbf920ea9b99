import Foundation
import MicsyncKit

/// A time as `restore --at` takes it: `2026-12-01` (its first second), `2026-12-01T14:00`,
/// `2026-12-01T14:00:05` (or with a space for the `T`), in local time unless it ends in `Z` (UTC); or an
/// age, how long before now: `3d`, `12h`, `90s`.
enum PointInTime {
    static let forms =
        "2026-12-01, 2026-12-01T14:00, 2026-12-01T14:00:05 (local time; UTC with a Z at the end) "
        + "or an age such as 3d, 12h, 90s"

    /// nil for anything else, a day or time that does not exist included (`2026-02-30`).
    static func parse(_ text: String, now: Date = Date()) -> Date? {
        if let age = Interval(text) { return now.addingTimeInterval(-age.timeInterval) }
        guard
            let match = text.wholeMatch(
                of: /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z)?/)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = match.7 == nil ? .current : TimeZone(identifier: "UTC")!
        let parts = DateComponents(
            year: Int(match.1), month: Int(match.2), day: Int(match.3), hour: match.4.flatMap { Int($0) } ?? 0,
            minute: match.5.flatMap { Int($0) } ?? 0, second: match.6.flatMap { Int($0) } ?? 0)
        guard let date = calendar.date(from: parts) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let asked = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]
        guard asked == [back.year, back.month, back.day, back.hour, back.minute, back.second] else { return nil }
        return date
    }
}
