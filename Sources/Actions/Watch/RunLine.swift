import Foundation
import MicsyncKit

/// The one line an automatic run prints:
/// `12:03 backup docs → /media/disc: 12 copied (3.4 MB), 1 overwritten`, with what it left unwritten and why
/// (`; not written: /media/disc2 (does not exist yet)`), or why it did not run.
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
            // A destination left out is named with why, not only on stderr: the line must not read like success.
            let skipped = entry.skipped.map { "; not written: " + $0.joined(separator: ", ") } ?? ""
            return "\(run) → \(entry.destinations.joined(separator: ", ")): \(counts)\(skipped)"
        case .success(nil): return "\(run): nothing to do"
        case .failure(let error):
            return "\(run): not done (exit \(error.status.rawValue)): \(error.oneLine)"
        }
    }
}
