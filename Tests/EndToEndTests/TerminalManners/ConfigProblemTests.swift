import Foundation
import Testing

/// Configuration problems are all shown, with the way to list them; a configuration that names only missing
/// paths is valid but warned about; `status` never suggests an option it does not take.
@Suite struct ConfigProblemTests {
    @Test func statusShowsEveryProblemAndPointsAtConfigCheck() async throws {
        let box = try Sandbox()
        try box.write(
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/b"], "trsh": false},"#
                + #" {"name": "b", "work": [], "backup": ["/c"]}]}"#, to: box.configFile)
        let result = try await box.expectRun(["status"], status: 2)
        #expect(result.stderr.contains("2 problems"), "\(result)")
        #expect(result.stderr.contains("trsh") && result.stderr.contains("configs[1]"), "both problems: \(result)")
        #expect(result.stderr.contains("micsync config check"), "\(result)")
    }

    @Test func configCheckWarnsWhenNoLocationExists() async throws {
        let box = try Sandbox()
        try box.configure([("gone", ["nowhere/w"], ["nowhere/b"])])
        let result = try await box.expectRun(["config", "check"], status: 0)
        #expect(result.stdout.contains("OK, 1 configuration"), "\(result)")
        #expect(result.stdout.contains("warning: configuration \"gone\": none of its locations exists"), "\(result)")

        try box.makeDirectory("nowhere/w")
        let fine = try await box.expectRun(["config", "check"], status: 0)
        #expect(!fine.stdout.contains("warning"), "\(fine)")
    }

    @Test func statusOffersNoOptionItLacks() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.configure([("main", ["w"], ["b1"])])
        let result = try await box.expectRun(["status"], status: 0)
        #expect(result.stdout.contains("mkdir"), "\(result)")
        #expect(!result.stdout.contains("run again with --create"), "\(result)")
        let create = try await box.expectRun(["status", "--create"], status: 2)
        #expect(create.stderr.hasPrefix("micsync: unknown option '--create'"), "\(create)")
    }
}
