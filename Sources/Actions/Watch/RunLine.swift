import Foundation
import MicsyncKit

/// The one line an automatic run prints:
/// `12:03 backup docs → /media/disc: 12 copied (3.4 MB), 1 overwritten`, or why it did not run.
struct RunLine {
    let configuration: Configuration
    let working: Location
    let started: Date
    let result: Result<JournalEntry?, MicsyncError>

    /// Starts with the local time of day, `12:03`.
    var text: String { TimeWords.local(started).suffix(5) + " " + notification }

    /// The line without its time, as a desktop notification shows it.
    var notification: String {
        // With several WORKINGs, which one this run copied from.
        let from = configuration.working.count > 1 ? " from \(working.path)" : ""
        let run = "backup \(configuration.name)\(from)"
        switch result {
        case .success(let entry?):
            let counts =
                entry.copied + entry.overwritten == 0
                ? "nothing to do"
                : "\(entry.copied) copied (\(ByteCount.readable(entry.copiedSize))), \(entry.overwritten) overwritten"
            return "\(run) → \(entry.destinations.joined(separator: ", ")): \(counts)"
        case .success(nil): return "\(run): nothing to do"
        case .failure(let error):
            // One line, whatever the message: its lines joined (a list after its colon, then by semicolons).
            let lines = error.message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let message = lines.dropFirst().reduce(lines.first ?? "") { $0 + ($0.hasSuffix(":") ? " " : "; ") + $1 }
            return "\(run): not done (exit \(error.status.rawValue)): \(message)"
        }
    }
}
