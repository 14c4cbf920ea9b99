import Foundation

/// When a configuration backs up by itself (the `auto` key): when one of its BACKUPs is plugged in, every
/// interval, both, or never (no key). `micsync watch` acts on it.
public struct AutoSchedule: Sendable, Equatable, CustomStringConvertible {
    public var plugged = false
    public var every: Interval?

    public init(plugged: Bool = false, every: Interval? = nil) {
        self.plugged = plugged
        self.every = every
    }

    public static let off = AutoSchedule()

    public var isOff: Bool { !plugged && every == nil }

    /// When the interval next comes round after the automatic run that started at `lastRun`: `now` when
    /// there was none; nil without an interval.
    public func nextDue(after lastRun: Date?, now: Date) -> Date? {
        every.map { every in lastRun.map { $0 + every.timeInterval } ?? now }
    }

    /// What the key accepts, for messages.
    static let accepted =
        "\"plugged\", an interval (\(Interval.forms)), or a list of both such as [\"plugged\", \"1d\"]"

    /// `when plugged in, every 1 d`, `every 12 h`, `when plugged in` or `off`: what `status` and
    /// `config show` say.
    public var description: String {
        let parts = [plugged ? "when plugged in" : nil, every.map { "every \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "off" : parts.joined(separator: ", ")
    }
}

extension AutoSchedule {
    /// The `auto` key's value: `"plugged"`, an interval, or a list of each at most once; with one
    /// (place, message) per problem.
    static func read(_ value: JSONValue, at entry: String) -> (AutoSchedule, problems: [(String, String)]) {
        let items: [(JSONValue, String)]
        switch value {
        case .string: items = [(value, entry)]
        case .array(let list) where !list.isEmpty: items = list.enumerated().map { ($1, "\(entry)[\($0)]") }
        case .array: return (.off, [(entry, "the list is empty: give \(accepted), or leave the key out")])
        default: return (.off, [(entry, "must be \(accepted), found \(value.typeName)")])
        }
        var schedule = AutoSchedule.off
        var problems: [(String, String)] = []
        for (item, place) in items {
            guard case .string(let text) = item else {
                problems.append(
                    (place, "must be \"plugged\" or an interval (\(Interval.forms)), found \(item.typeName)"))
                continue
            }
            let shown = text.count > 30 ? text.prefix(30) + "…" : text
            if text == "plugged" {
                if schedule.plugged { problems.append((place, "\"plugged\" is given twice; keep one")) }
                schedule.plugged = true
            } else if let interval = Interval(text), interval.seconds > 0 {
                if schedule.every != nil { problems.append((place, "a second interval \"\(shown)\"; keep one")) }
                schedule.every = schedule.every ?? interval
            } else {
                let zero = Interval(text) != nil ? " (an interval must be longer than zero)" : ""
                problems.append(
                    (place, "\"\(shown)\" is not \"plugged\" or an interval\(zero); accepted: \(accepted)"))
            }
        }
        return (schedule, problems)
    }
}
