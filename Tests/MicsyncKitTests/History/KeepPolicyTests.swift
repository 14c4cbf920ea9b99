import Foundation
import Testing

@testable import MicsyncKit

/// restic's `forget` rules over trash folders, in a calendar of UTC so that the buckets are fixed.
@Suite struct KeepPolicyTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// A folder every `hours` hours back from 2026-03-11 18:00 UTC (a Wednesday), newest first; those at
    /// the positions in `failed` from runs that failed.
    static func folders(_ count: Int, every hours: Int, failed: Set<Int> = []) -> [KeepPolicy.Folder] {
        let newest = Date(timeIntervalSince1970: 1_773_252_000)
        return (0..<count).map { number in
            let date = newest.addingTimeInterval(-Double(number * hours * 3600))
            return KeepPolicy.Folder(name: Trash.timestamp(date), date: date, succeeded: !failed.contains(number))
        }
    }

    static func names(_ folders: [KeepPolicy.Folder], _ positions: [Int]) -> Set<String> {
        Set(positions.map { folders[$0].name })
    }

    @Test func eachRuleKeepsTheNewestFolderOfEachOfItsBuckets() {
        let folders = Self.folders(60, every: 6)
        var policy = KeepPolicy()
        policy.daily = 7
        policy.last = 3
        // Four folders a day (18:00, 12:00, 06:00, 00:00): the newest of a day is its 18:00 one.
        #expect(policy.kept(folders, calendar: Self.utc) == Self.names(folders, [0, 1, 2, 4, 8, 12, 16, 20, 24]))
    }

    @Test func weeksAreIsoWeeksAndMonthsCalendarMonths() {
        let folders = Self.folders(60, every: 24)
        var policy = KeepPolicy()
        policy.weekly = 3
        policy.monthly = 2
        // Newest first from Wed 11 March: that week's Wednesday, then the Sundays closing the weeks before;
        // March's newest, then February's (28th).
        #expect(policy.kept(folders, calendar: Self.utc) == Self.names(folders, [0, 3, 10, 11]))
    }

    @Test func failedRunsFillNoBucketSoTheyNeverPushGoodHistoryOut() {
        // The eight newest (two days) are failed runs.
        let folders = Self.folders(60, every: 6, failed: Set(0..<8))
        var policy = KeepPolicy()
        policy.daily = 3
        policy.last = 2
        #expect(policy.kept(folders, calendar: Self.utc) == Self.names(folders, [8, 9, 12, 16]))
    }

    @Test func withinKeepsEverythingYoungerThanItBeforeTheNewestSuccessfulFolder() {
        let folders = Self.folders(20, every: 6, failed: [0, 1])
        var policy = KeepPolicy()
        policy.within = Interval("1d")
        // The newest successful folder is the third; a day before it reaches to the seventh (exclusive),
        // and the failed newer ones are younger still.
        #expect(policy.kept(folders, calendar: Self.utc) == Self.names(folders, Array(0..<6)))
    }

    @Test func aPolicyWithoutRulesKeepsNothingAndSaysSo() {
        #expect(KeepPolicy().isEmpty)
        #expect(KeepPolicy().kept(Self.folders(5, every: 1)).isEmpty)
        var policy = KeepPolicy()
        policy.daily = 7
        policy.within = Interval("2d")
        #expect(policy.description == "daily 7, within 2 d")
    }
}
