import Foundation
import Testing

/// The `auto` key as `status` and `config show` show it, before `micsync watch` ran anything (WatchScheduleTests
/// has the status after automatic runs).
@Suite struct AutoScheduleTests {
    @Test(arguments: [
        ("", "off", false, nil as Int?),
        (#", "auto": "plugged""#, "when plugged in", true, nil),
        (#", "auto": "12h""#, "every 12 h", false, 43_200),
        (#", "auto": ["plugged", "1d"]"#, "when plugged in, every 1 d", true, 86_400),
    ])
    func statusAndConfigShowTheSchedule(extra: String, words: String, plugged: Bool, every: Int?) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: extra)
        let status = try await box.expectRun(["status"], status: 0)
        #expect(status.stdout.contains("\n  auto: \(words)\n"), "\(status)")
        let scheduled = plugged || every != nil
        #expect(status.stdout.contains("\n  last automatic run: never; next: ") == scheduled, "\(status)")
        let json = try box.jsonObject(try await box.expectRun(["status", "--json"], status: 0).stdout)
        let configuration = try #require((json["configurations"] as? [[String: Any]])?.first)
        let auto = try #require(configuration["auto"] as? [String: Any], "\(json)")
        #expect(auto["plugged"] as? Bool == plugged, "\(auto)")
        #expect(auto["everySeconds"] as? Int == every && (every != nil || auto["everySeconds"] is NSNull), "\(auto)")
        #expect(auto["summary"] as? String == words, "\(auto)")
        #expect(auto["lastRun"] is NSNull && auto["lastRunExitCode"] is NSNull, "never run: \(auto)")
        #expect((auto["nextDue"] is NSNull) == (every == nil), "due at once with an interval: \(auto)")
        let show = try await box.expectRun(["config", "show"], status: 0)
        #expect(show.stdout.contains("  auto: \(words)\n"), "\(show)")
    }

    @Test func aWrongScheduleIsAConfigurationErrorNamingTheEntry() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": ["plugged", "weekly"]"#)
        let check = try await box.expectRun(["config", "check"], status: 2)
        #expect(
            (check.stdout + check.stderr).contains("configs[0].auto[1]: \"weekly\" is not \"plugged\" or an interval"),
            "\(check)")
        let status = try await box.expectRun(["status"], status: 2)
        #expect(status.stderr.contains("configs[0].auto[1]"), "\(status)")
        #expect(status.stderr.contains(#"accepted: "plugged", an interval (90s, 30m, 12h, 1d, 2w)"#), "\(status)")
    }
}
