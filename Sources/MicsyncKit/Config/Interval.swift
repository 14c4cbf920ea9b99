import Foundation

/// A length of time as people type it, the same everywhere (the `auto`, `remind` and `keep` keys of a
/// configuration, `trash purge --older-than`, `restore --at`): `90s`, `30m`, `12h`, `1d`, `2w`.
public struct Interval: Sendable, Hashable, CustomStringConvertible {
    public let seconds: Int

    /// Each unit with its length in seconds and how it is shown, largest first.
    static let units: [(letter: Character, seconds: Int, shown: String)] = [
        ("w", 7 * 86_400, "w"), ("d", 86_400, "d"), ("h", 3_600, "h"), ("m", 60, "min"), ("s", 1, "s"),
    ]
    /// Minutes: how zero is shown.
    private static let minutes = units[3]

    /// What is accepted, for messages.
    public static let forms = "90s, 30m, 12h, 1d, 2w"

    /// nil for anything else: no unit (unless `bareNumberUnit` says what a bare number counts), an unknown
    /// unit, a sign, a fraction, spaces, or a number too large.
    public init?(_ text: String, bareNumberUnit: Character? = nil) {
        let unit = text.last.flatMap { letter in Self.units.first { $0.letter == letter } }
        let bare = bareNumberUnit.flatMap { letter in Self.units.first { $0.letter == letter } }
        guard let length = unit?.seconds ?? bare?.seconds,
            let number = Int(unit == nil ? text : String(text.dropLast())), number >= 0,
            text.first?.isASCII == true, text.first?.isNumber == true,
            number <= Int.max / Self.units[0].seconds
        else { return nil }
        seconds = number * length
    }

    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// `1 d`, `12 h`, `90 min`: in the largest unit that counts it whole.
    public var description: String {
        let unit = Self.units.first { seconds > 0 && seconds % $0.seconds == 0 } ?? Self.minutes
        return "\(seconds / unit.seconds) \(unit.shown)"
    }

    public var timeInterval: TimeInterval { TimeInterval(seconds) }
}
