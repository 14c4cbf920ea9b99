import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The `auto` key: every form it accepts, and every form it refuses with the entry and what is accepted.
@Suite struct AutoScheduleConfigTests {
    let box: Sandbox

    init() throws {
        box = try Sandbox()
    }

    /// The config file with one configuration whose `auto` is `auto` (no key when nil).
    func file(auto: String?) throws -> String {
        let path = box.root + "/config.json"
        let key = auto.map { #", "auto": \#($0)"# } ?? ""
        try #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/b"]\#(key)}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func schedule(_ auto: String?) throws -> AutoSchedule {
        try #require(try ConfigLoader(file: file(auto: auto)).load().configurations.first).auto
    }

    func problems(_ auto: String) throws -> [String] {
        try ConfigLoader(file: file(auto: auto)).check().problems
    }

    @Test func noKeyIsOff() throws {
        #expect(try schedule(nil) == .off)
        #expect(AutoSchedule.off.description == "off")
    }

    @Test(arguments: [
        (#""plugged""#, AutoSchedule(plugged: true), "when plugged in"),
        (#""12h""#, AutoSchedule(every: Interval(seconds: 12 * 3_600)), "every 12 h"),
        (#""1d""#, AutoSchedule(every: Interval(seconds: 86_400)), "every 1 d"),
        (#""30m""#, AutoSchedule(every: Interval(seconds: 1_800)), "every 30 min"),
        (#""2w""#, AutoSchedule(every: Interval(seconds: 14 * 86_400)), "every 2 w"),
        (#""5s""#, AutoSchedule(every: Interval(seconds: 5)), "every 5 s"),
        (#"["plugged"]"#, AutoSchedule(plugged: true), "when plugged in"),
        (#"["1d"]"#, AutoSchedule(every: Interval(seconds: 86_400)), "every 1 d"),
        (
            #"["plugged", "1d"]"#, AutoSchedule(plugged: true, every: Interval(seconds: 86_400)),
            "when plugged in, every 1 d"
        ),
        (
            #"["12h", "plugged"]"#, AutoSchedule(plugged: true, every: Interval(seconds: 43_200)),
            "when plugged in, every 12 h"
        ),
    ])
    func accepted(json: String, expected: AutoSchedule, shown: String) throws {
        let found = try schedule(json)
        #expect(found == expected)
        #expect(found.description == shown)
    }

    @Test(arguments: [
        (
            #""weekly""#,
            #"configs[0].auto: "weekly" is not "plugged" or an interval; accepted: "plugged", an interval (90s, 30m, 12h, 1d, 2w)"#
        ),
        (#""Plugged""#, #"configs[0].auto: "Plugged" is not "plugged""#),
        (#""12""#, #"configs[0].auto: "12" is not "plugged" or an interval"#),
        (#""1.5d""#, #"configs[0].auto: "1.5d" is not"#),
        (#""-1d""#, #"configs[0].auto: "-1d" is not"#),
        (#""""#, #"configs[0].auto: "" is not"#),
        (#""0h""#, "configs[0].auto: \"0h\" is not \"plugged\" or an interval (an interval must be longer than zero)"),
        (#"[]"#, #"configs[0].auto: the list is empty: give "plugged", an interval"#),
        (#"["plugged", "plugged"]"#, #"configs[0].auto[1]: "plugged" is given twice; keep one"#),
        (#"["1d", "12h"]"#, #"configs[0].auto[1]: a second interval "12h"; keep one"#),
        (#"["1d", "1d"]"#, #"configs[0].auto[1]: a second interval "1d"; keep one"#),
        (#"["plugged", "sometimes"]"#, #"configs[0].auto[1]: "sometimes" is not "plugged" or an interval"#),
        (
            #"["plugged", 12]"#,
            #"configs[0].auto[1]: must be "plugged" or an interval (90s, 30m, 12h, 1d, 2w), found a number"#
        ),
        (#"[["plugged"]]"#, "configs[0].auto[0]: must be \"plugged\" or an interval"),
        (
            "12",
            #"configs[0].auto: must be "plugged", an interval (90s, 30m, 12h, 1d, 2w), or a list of both such as ["plugged", "1d"], found a number"#
        ),
        ("true", "configs[0].auto: must be \"plugged\", an interval"),
        ("null", "configs[0].auto: must be \"plugged\", an interval"),
        (#"{"every": "1d"}"#, "configs[0].auto: must be \"plugged\", an interval"),
    ])
    func refused(json: String, expected: String) throws {
        let found = try problems(json)
        #expect(found.count == 1 && found[0].contains(expected), "\(found)")
        #expect(found.allSatisfy { $0.hasPrefix(box.root + "/config.json: configs[0].auto") }, "\(found)")
    }

    @Test func aRefusedScheduleRefusesTheFile() throws {
        #expect(throws: MicsyncError.self) { try ConfigLoader(file: file(auto: #""weekly""#)).load() }
    }

    @Test func aLongValueIsCutShort() throws {
        let long = String(repeating: "x", count: 200)
        let found = try problems("\"\(long)\"")
        #expect(found.count == 1 && !found[0].contains(long) && found[0].contains("…"), "\(found)")
    }
}
