import Foundation
import Testing

@testable import MicsyncKit

/// The small pieces of what micsync prints: counts, durations, and when colour is on.
@Suite struct TerminalWordsTests {
    @Test func countsAreGroupedByThousands() {
        #expect(grouped(0) == "0" && grouped(999) == "999" && grouped(1_234) == "1,234")
        #expect(grouped(1_234_567) == "1,234,567" && grouped(-1_000) == "-1,000")
        #expect(plural(1_000, "file", "files") == "1,000 files")
    }

    @Test func durationsReadAsPeopleSayThem() {
        #expect(RunSummary.readable(.milliseconds(400)) == "0.4 s")
        #expect(RunSummary.readable(.seconds(14)) == "14 s")
        #expect(RunSummary.readable(.seconds(125)) == "2 min 5 s")
        #expect(RunSummary.readable(.seconds(3_780)) == "1 h 3 min")
    }

    @Test func theSummaryLine() {
        var report = ApplyReport()
        report.copied = 60
        report.copiedBytes = 1_200_000_000
        report.overwritten = 3
        #expect(
            RunSummary.line(report, declined: .init(modified: 50), elapsed: .seconds(14))
                == "60 copied (1.20 GB), 3 overwritten, 0 deleted, 50 modified declined, in 14 s")
        #expect(RunSummary.nothingApplied(declined: .init()) == "nothing to do")
        #expect(
            RunSummary.nothingApplied(declined: .init(deletions: 2))
                == "0 copied (0 B), 0 overwritten, 0 deleted, 2 deletions declined")
    }

    @Test func colourOnlyWhereItCanBeSeenAndIsWanted() {
        let terminal = ["TERM": "xterm-256color"]
        #expect(Style.enabled(.auto, isTerminal: true, environment: terminal))
        #expect(!Style.enabled(.auto, isTerminal: false, environment: terminal))
        #expect(!Style.enabled(.auto, isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!Style.enabled(.auto, isTerminal: true, environment: [:]))
        #expect(!Style.enabled(.auto, isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]))
        #expect(Style.enabled(.auto, isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]))
        #expect(Style.enabled(.always, isTerminal: false, environment: ["TERM": "dumb", "NO_COLOR": "1"]))
        #expect(!Style.enabled(.never, isTerminal: true, environment: terminal))
    }
}
