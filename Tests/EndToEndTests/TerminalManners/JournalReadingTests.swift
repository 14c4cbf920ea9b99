import Foundation
import Testing

/// `micsync log` reads the journal; `trash list` says when each run's trash was made, in local time.
@Suite struct JournalReadingTests {
    /// A POSIX zone nine hours east of UTC: a local time shown as UTC would not match.
    private let zone = ["TZ": "XYZ-9", "COLUMNS": "250"]

    /// `date` as micsync shows it in `zone`.
    private func inZone(_ date: Date) -> String {
        let format = DateFormatter()
        format.timeZone = TimeZone(secondsFromGMT: 9 * 3600)
        format.dateFormat = "yyyy-MM-dd HH:mm"
        return format.string(from: date)
    }

    /// Three backups: one, two, then three new files.
    private func threeRuns() async throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for run in 1...3 {
            for file in 1...run { try box.write("x", at: "w/run\(run)/f\(file)") }
            try await box.expectRun(["backup", "w"], status: 0)
        }
        return box
    }

    @Test func oneLinePerRunNewestFirstInLocalTime() async throws {
        let box = try await threeRuns()
        let result = try await box.expectRun(["log"], environment: zone, status: 0)
        #expect(result.lines.count == 3, "\(result)")
        #expect(
            result.lines.map { $0.contains("backup  main: \(box.path("w")) → \(box.path("b1"))") } == [
                true, true, true,
            ])
        #expect(result.lines[0].contains("3 copied") && result.lines[2].contains("1 copied"), "\(result)")
        #expect(result.lines.allSatisfy { $0.hasSuffix("exit 0") }, "\(result)")

        let json = try await box.expectRun(["log", "--json"], status: 0)
        let runs = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json)")
        #expect(runs.map { $0["copied"] as? Int } == [3, 2, 1])
        let start = try #require(ISO8601DateFormatter().date(from: runs[0]["start"] as? String ?? ""))
        #expect(result.lines[0].hasPrefix(inZone(start) + "  backup"), "local time: \(result)")

        let two = try await box.expectRun(["log", "-n", "2"], status: 0)
        #expect(two.lines.count == 2 && two.lines[0].contains("3 copied"), "\(two)")
    }

    @Test func anEmptyJournalSaysSo() async throws {
        let box = try Sandbox()
        let result = try await box.expectRun(["log"], status: 0)
        #expect(result.stderr.contains("no run journaled yet"), "\(result)")
    }

    @Test func noRunsAskedForPrintsNothing() async throws {
        let box = try await threeRuns()
        let result = try await box.expectRun(["log", "-n", "0"], status: 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
        let json = try await box.expectRun(["log", "-n", "0", "--json"], status: 0)
        #expect(json.stdout == "[]\n", "\(json)")
    }

    /// Every destination in full: wrapped between words at a narrow terminal's width, one line when piped.
    @Test(arguments: [50, 80])
    func aLineNamesEveryDestinationInFull(columns: Int) async throws {
        let box = try Sandbox()
        let backups = ["the first backup disc", "b2"]
        try box.write("x", at: "w/x")
        for name in backups { try box.makeDirectory(name) }
        try box.configure([("photos", ["w"], backups)])
        try await box.expectRun(["backup", "w"], status: 0)

        let shown = try await box.expectRunInTerminal(["log"], environment: ["COLUMNS": "\(columns)"], status: 0)
        let lines = shown.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count > 1, "wrapped: \(shown)")
        #expect(lines.allSatisfy { $0.count <= columns || !$0.trimmingCharacters(in: .whitespaces).contains(" ") })
        let words = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let locations = "photos: \(box.path("w")) → \(box.path(backups[0])), \(box.path(backups[1]))"
        #expect(words.contains("backup " + locations + " 2 copied"), "nothing cut: \(shown)")

        let piped = try await box.expectRun(["log"], environment: ["COLUMNS": "\(columns)"], status: 0)
        #expect(piped.lines.count == 1 && piped.stdout.contains("backup  " + locations + "  2 copied"), "\(piped)")
    }

    @Test func trashListShowsLocalTimeAndAge() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("old", at: "b1/a")
        try box.write("new", at: "w/a")
        try box.touch("w/a", secondsAgo: 10)
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let result = try await box.expectRun(["trash", "list", "b1"], environment: zone, status: 0)
        let line = try #require(result.lines.first { $0.contains("1 file") }, "\(result)")
        #expect(line.contains("just now"), "its age: \(result)")
        let stamp = try #require(line.split(separator: " ").first.map(String.init))
        let date = try #require(
            ISO8601DateFormatter().date(
                from: stamp.replacingOccurrences(
                    of: #"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z"#, with: "$1-$2-$3T$4:$5:$6Z",
                    options: .regularExpression)))
        #expect(line.contains(inZone(date)), "local time: \(result)")
    }
}
