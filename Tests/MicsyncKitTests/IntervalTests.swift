import Foundation
import Testing

@testable import MicsyncKit
@testable import TrashAction

/// One parser for every length of time typed: the `auto` key and `trash purge --older-than`.
@Suite struct IntervalTests {
    static let day = 86_400

    @Test func takesMinutesHoursDaysAndWeeks() {
        #expect(Interval("30m")?.seconds == 30 * 60)
        #expect(Interval("12h")?.seconds == Self.day / 2)
        #expect(Interval("1d")?.seconds == Self.day)
        #expect(Interval("30d")?.seconds == 30 * Self.day)
        #expect(Interval("2w")?.seconds == 14 * Self.day)
        #expect(Interval("0h")?.seconds == 0)
    }

    @Test func refusesAnythingElse() {
        for bad in [
            "", "d", "-1d", "+1d", "-1", "1.5d", "3x", "12 h", " 1d", "1d ", "1D", "99999999999999999999d",
            "9999999999999999w", "١d",
        ] {
            #expect(Interval(bad) == nil, "\(bad)")
        }
    }

    @Test func aBareNumberIsRefusedUnlessItsUnitIsSaid() {
        #expect(Interval("30") == nil)
        #expect(Interval("30", bareNumberUnit: "d")?.seconds == 30 * Self.day)
    }

    @Test func secondsEverywhere() {
        #expect(Interval("90s")?.seconds == 90)
        #expect(Interval("5s")?.description == "5 s")
        #expect(Interval("120s")?.description == "2 min")
    }

    @Test func purgeOlderThanStillTakesABareNumberOfDays() {
        let age = TrashCommand.Purge.age
        #expect(age("30")?.seconds == 30 * Self.day, "a bare number counts days, as --older-than always did")
        #expect(age("12h")?.seconds == Self.day / 2)
        #expect(age("2w")?.seconds == 14 * Self.day)
        #expect(age("45m")?.seconds == 45 * 60)
        for bad in ["", "d", "-1", "1.5d", "3x"] { #expect(age(bad) == nil, "\(bad)") }
    }

    @Test func readsInTheLargestWholeUnit() {
        #expect(Interval("1d")?.description == "1 d")
        #expect(Interval("24h")?.description == "1 d")
        #expect(Interval("36h")?.description == "36 h")
        #expect(Interval("90m")?.description == "90 min")
        #expect(Interval("14d")?.description == "2 w")
        #expect(Interval("0h")?.description == "0 min")
    }
}
