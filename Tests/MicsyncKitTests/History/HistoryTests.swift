import Foundation
import Testing

@testable import MicsyncKit
@testable import RestoreAction

/// Which version of a path was current at a time, from what each location holds: the rules of
/// `restore --at`, on versions made up in memory (the end-to-end tests run them on real runs).
@Suite struct HistoryTests {
    let working = Location(role: .working, index: 0, path: "/w")
    let backup = Location(role: .backup, index: 0, path: "/b")

    /// A version at `location`: current unless `replaced` (seconds) names its trash folder.
    func version(
        _ location: Location, size: Int64, modified: Int, arrived: Int? = nil, replaced: Int? = nil,
        path: String = "f"
    ) -> FileVersion {
        FileVersion(
            location: location, trash: replaced.map { Trash.timestamp(Self.at($0)) }, replaced: replaced.map(Self.at),
            path: Array(path.utf8),
            kind: .file, size: size, modified: Self.at(modified), arrived: arrived.map(Self.at))
    }

    static func at(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(1_800_000_000 + seconds)) }

    func current(_ history: History, at seconds: Int) -> Int64? {
        history.current(at: Self.at(seconds))[Array("f".utf8)]?.size
    }

    @Test func theFirstVersionReplacedAfterTheTimeIsTheOneCurrentThen() {
        let history = History(locations: [
            LocationVersions(
                location: backup,
                versions: [
                    version(backup, size: 1, modified: 0, arrived: 5, replaced: 100),
                    version(backup, size: 2, modified: 90, arrived: 100, replaced: 200),
                    version(backup, size: 3, modified: 190, arrived: 200),
                ])
        ])
        #expect(current(history, at: 50) == 1)
        #expect(current(history, at: 150) == 2)
        #expect(current(history, at: 250) == 3)
        #expect(current(history, at: 2) == nil, "a BACKUP knows the file was not there before it came")
        #expect(current(history, at: 95) == 1, "the BACKUP still had the first version until the run replaced it")
    }

    @Test func aBackupsFileThatCameLaterThanItsTimeWasNotThereThen() {
        // Renamed in the WORKING: the BACKUP got it, with its old modification time, at 100.
        let history = History(locations: [
            LocationVersions(location: working, versions: [version(working, size: 1, modified: 0, arrived: 90)]),
            LocationVersions(location: backup, versions: [version(backup, size: 1, modified: 0, arrived: 100)]),
        ])
        #expect(current(history, at: 50) == nil)
        #expect(current(history, at: 95) == 1, "the WORKING's copy had come by then")
    }

    @Test func aWorkingsCopyDecidesWhenItIsOlderThanTheTimeElseTheBackupsTell() {
        let history = History(locations: [
            LocationVersions(location: working, versions: [version(working, size: 9, modified: 150, arrived: 150)]),
            LocationVersions(
                location: backup,
                versions: [
                    version(backup, size: 1, modified: 0, arrived: 5, replaced: 200),
                    version(backup, size: 9, modified: 150, arrived: 200),
                ]),
        ])
        #expect(current(history, at: 160) == 9, "edited at 150 in the WORKING, backed up only at 200")
        #expect(current(history, at: 100) == 1)
    }

    @Test func aWorkingAloneNeverSaysAFileWasNotThere() {
        let history = History(locations: [
            LocationVersions(location: working, versions: [version(working, size: 1, modified: 100, arrived: 100)])
        ])
        #expect(current(history, at: 50) == nil)
        #expect(History(locations: [LocationVersions(location: working, versions: [])]).current(at: Self.at(0)).isEmpty)
    }

    @Test func identicalCopiesAreOneVersionNewestFirst() {
        let history = History(locations: [
            LocationVersions(location: working, versions: [version(working, size: 3, modified: 190)]),
            LocationVersions(
                location: backup,
                versions: [
                    version(backup, size: 1, modified: 0, replaced: 100),
                    version(backup, size: 3, modified: 190),
                    version(backup, size: 2, modified: 90, replaced: 200),
                ]),
        ])
        let groups = history.groups(of: Array("f".utf8), byContent: false)
        #expect(groups.map(\.size) == [3, 2, 1])
        #expect(groups[0].copies.count == 2 && groups[0].replaced == nil)
        #expect(groups[1].replaced == Self.at(200))
    }

    @Test(arguments: [
        ("2026-12-01", "2026-12-01T00:00:00"), ("2026-12-01T14:00", "2026-12-01T14:00:00"),
        ("2026-12-01T14:00:05", "2026-12-01T14:00:05"), ("2026-12-01 14:00:05", "2026-12-01T14:00:05"),
    ])
    func timesAreLocalUnlessTheyEndInZ(typed: String, local: String) throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        #expect(PointInTime.parse(typed) == formatter.date(from: local))
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(PointInTime.parse(typed + "Z") == formatter.date(from: local))
    }

    @Test func agesCountBackFromNowAndNonsenseIsRefused() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(PointInTime.parse("3d", now: now) == now.addingTimeInterval(-3 * 86_400))
        #expect(PointInTime.parse("90s", now: now) == now.addingTimeInterval(-90))
        for text in ["2026-02-30", "2026-12-01T25:00", "yesterday", "2026-12-1", "3", ""] {
            #expect(PointInTime.parse(text, now: now) == nil, "\(text)")
        }
    }

    @Test func anExcludedPathMatchesItselfOnly() {
        #expect(RestoreRuns.anchoredPattern(Array("docs/a b.txt".utf8)) == "/docs/a b.txt")
        #expect(RestoreRuns.anchoredPattern(Array(#"d/x[1]*?\y"#.utf8)) == #"/d/x\[1]\*\?\\y"#)
        #expect(RestoreRuns.anchoredPattern(Array(#"back\slash"#.utf8)) == #"/back\slash"#)
    }
}
