import Foundation

extension Sandbox {
    /// The run journal's entries, as JSON objects, oldest first; none when there is no journal.
    func journalEntries() throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: journalFile, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try jsonObject(String($0)) }
    }
}
