import Foundation

/// An age typed on the command line: `30d`, `12h`, `2w`, or a bare number of days (`30`).
struct Age: Sendable, Equatable {
    let seconds: TimeInterval

    static let units: [Character: TimeInterval] = ["h": 3_600, "d": 86_400, "w": 7 * 86_400]

    /// nil for anything else (a negative number, an unknown unit).
    init?(_ text: String) {
        let unit = text.last.flatMap { Self.units[$0] }
        guard let number = Int(unit == nil ? text : String(text.dropLast())), number >= 0,
            number <= Int(Double(Int.max) / 86_400 / 7)
        else { return nil }
        seconds = Double(number) * (unit ?? 86_400)
    }

    static let help = "an age: 30d, 12h, 2w (a bare number counts days)"
}
