import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

@Suite struct JournalTests {
    let box: Sandbox

    init() throws { box = try Sandbox() }

    private func temporaryJournal() -> Journal { Journal(path: box.path("state/journal.jsonl")) }

    private func entry(_ destination: String, exitCode: Int32, end: Date) -> JournalEntry {
        JournalEntry(
            action: "backup", configuration: "main", source: "/w", destinations: [destination], paths: [""],
            copied: 1, start: end.addingTimeInterval(-1), end: end, exitCode: exitCode)
    }

    @Test func appendsLinesAndReadsThemBack() throws {
        let journal = temporaryJournal()
        let first = entry("/b1", exitCode: 0, end: Date(timeIntervalSince1970: 1_700_000_000))
        journal.append(first, warningsTo: .recording(RecordingSink()))
        journal.append(
            entry("/b1", exitCode: 1, end: Date(timeIntervalSince1970: 1_700_000_100)),
            warningsTo: .recording(RecordingSink()))
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(text.hasSuffix("}\n") && text.split(separator: "\n").count == 2)
        #expect(text.contains(#""end":"2023-11-14T22:13:20Z""#))
        #expect(journal.entries(warningsTo: .recording(RecordingSink())).first == first)
    }

    @Test func lastSuccessIgnoresFailuresAndOtherLocations() {
        let entries = [
            entry("/b1", exitCode: 0, end: Date(timeIntervalSince1970: 100)),
            entry("/b1", exitCode: 1, end: Date(timeIntervalSince1970: 300)),
            entry("/b2", exitCode: 0, end: Date(timeIntervalSince1970: 200)),
        ]
        #expect(Journal.lastSuccess(into: "/b1", in: entries) == Date(timeIntervalSince1970: 100))
        #expect(Journal.lastSuccess(into: "/b3", in: entries) == nil)
    }

    @Test func usesTheXDGStateHome() {
        #expect(Journal(environment: ["XDG_STATE_HOME": "/state"], home: "/h").path == "/state/micsync/journal.jsonl")
        #expect(
            Journal(environment: ["XDG_STATE_HOME": "relative"], home: "/h").path
                == "/h/.local/state/micsync/journal.jsonl")
    }
}
