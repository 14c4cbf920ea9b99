import Foundation

/// Which trash folders a location keeps, by restic's `forget` rules: each rule on its own, newest first,
/// keeps one folder per bucket (hour, day, ISO week, month, year, in local time) for as many buckets as it
/// says; `last` keeps the N newest, `within` every folder younger than that before the newest. A folder
/// stays if any rule keeps it. Only a successful run's folder fills a bucket, so a span of failed runs
/// never rotates good history away; `within` keeps a failed run's folder too.
public struct KeepPolicy: Sendable, Equatable, CustomStringConvertible {
    public var last: Int?
    public var hourly: Int?
    public var daily: Int?
    public var weekly: Int?
    public var monthly: Int?
    public var yearly: Int?
    public var within: Interval?
    /// Also let go the newest trash version of a path that exists nowhere any more (kept otherwise).
    public var pruneDeleted = false

    public init() {}

    /// Whether no rule is given: nothing to keep by.
    public var isEmpty: Bool { counts.allSatisfy { $0.count == nil } && within == nil }

    /// One trash folder as the rules see it.
    struct Folder: Sendable {
        let name: String
        let date: Date
        /// Whether the run that filled it succeeded (see `TrashRetention`).
        let succeeded: Bool
    }

    /// The names of the folders the rules keep, of `folders`; `calendar` sets the local time of the buckets.
    func kept(_ folders: [Folder], calendar: Calendar = .current) -> Set<String> {
        let newestFirst = folders.sorted { $0.date != $1.date ? $0.date > $1.date : $0.name > $1.name }
        let latest = newestFirst.first(where: \.succeeded)?.date ?? newestFirst.first?.date
        var buckets = counts.compactMap { rule in rule.count.map { (left: $0, key: rule.key, last: Int?.none) } }
        var kept = Set<String>()
        var successful = 0
        for folder in newestFirst {
            if let within, let latest, folder.date > latest.addingTimeInterval(-within.timeInterval) {
                kept.insert(folder.name)
            }
            guard folder.succeeded else { continue }
            for index in buckets.indices where buckets[index].left > 0 {
                let value = buckets[index].key(folder.date, successful, calendar)
                guard value != buckets[index].last else { continue }
                kept.insert(folder.name)
                buckets[index].last = value
                buckets[index].left -= 1
            }
            successful += 1
        }
        return kept
    }

    /// Each counting rule with its bucket: the same number for two folders in one bucket.
    private var counts: [(count: Int?, key: @Sendable (Date, Int, Calendar) -> Int)] {
        [
            (last, { _, number, _ in number }),
            (hourly, { date, _, calendar in Self.key(date, [.year, .month, .day, .hour], calendar) }),
            (daily, { date, _, calendar in Self.key(date, [.year, .month, .day], calendar) }),
            (
                weekly,
                { date, _, calendar in
                    var iso = Calendar(identifier: .iso8601)
                    iso.timeZone = calendar.timeZone
                    let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
                    return parts.yearForWeekOfYear! * 100 + parts.weekOfYear!
                }
            ),
            (monthly, { date, _, calendar in Self.key(date, [.year, .month], calendar) }),
            (yearly, { date, _, calendar in Self.key(date, [.year], calendar) }),
        ]
    }

    private static func key(_ date: Date, _ units: [Calendar.Component], _ calendar: Calendar) -> Int {
        let parts = calendar.dateComponents(Set(units), from: date)
        return units.reduce(0) { key, unit in key * 100 + parts.value(for: unit)! }
    }

    /// `last 10, daily 7, within 2 d`: what `config show` and a purge say.
    public var description: String {
        let names = ["last", "hourly", "daily", "weekly", "monthly", "yearly"]
        let rules =
            zip(names, counts).compactMap { name, rule in rule.count.map { "\(name) \($0)" } }
            + (within.map { ["within \($0)"] } ?? []) + (pruneDeleted ? ["deleted files' last versions not kept"] : [])
        return rules.isEmpty ? "everything" : rules.joined(separator: ", ")
    }
}

extension KeepPolicy {
    /// The sub-keys of a configuration's `"keep"`, restic's rule names.
    static let keys = ["last", "hourly", "daily", "weekly", "monthly", "yearly", "within", "pruneDeleted"]

    /// A configuration's `"keep"` object (its keys already checked against `keys`), with one (place,
    /// message) per problem.
    static func read(_ fields: [String: JSONValue], at entry: String) -> (KeepPolicy, problems: [(String, String)]) {
        var policy = KeepPolicy()
        var problems: [(String, String)] = []
        func count(_ key: String) -> Int? {
            guard let value = fields[key] else { return nil }
            guard case .number(let number) = value, number >= 1, number <= 1_000_000, number == number.rounded()
            else {
                problems.append(("\(entry).\(key)", "must be a whole number of trash folders, 1 or more"))
                return nil
            }
            return Int(number)
        }
        (policy.last, policy.hourly, policy.daily) = (count("last"), count("hourly"), count("daily"))
        (policy.weekly, policy.monthly, policy.yearly) = (count("weekly"), count("monthly"), count("yearly"))
        if let value = fields["within"] {
            if case .string(let text) = value, let interval = Interval(text), interval.seconds > 0 {
                policy.within = interval
            } else {
                problems.append(("\(entry).within", "must be an age: \(Interval.forms)"))
            }
        }
        if let value = fields["pruneDeleted"] {
            if case .bool(let flag) = value {
                policy.pruneDeleted = flag
            } else {
                problems.append(("\(entry).pruneDeleted", "must be true or false, found \(value.typeName)"))
            }
        }
        if problems.isEmpty, policy.isEmpty {
            problems.append(
                (entry, "gives no rule; give at least one of last, hourly, daily, weekly, monthly, yearly, within"))
        }
        return (policy, problems)
    }
}
