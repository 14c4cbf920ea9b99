import Foundation
import Testing

/// A journal of 200 MB (years of runs) is read from its end: `log -n 1`, `status` and `log | head -1` read
/// a little of it, in little memory, measured from `/proc` and `wait4` of the process, never by the clock.
@Suite struct BigJournalTests {
    /// The most a command may read (the binary's own libraries included) or hold.
    private let readBound = 4 << 20
    private let memoryBound = 64 << 20

    /// A sandbox whose journal holds 200 MB of runs of another configuration, then one real backup of `w`.
    private func bigJournal() async throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("12345", at: "w/a")
        let line =
            #"{"action":"backup","bytes":10,"configuration":"old","copied":2,"deleted":0,"#
            + #""destinations":["/elsewhere/backup"],"directoriesCreated":0,"directoriesDeleted":0,"#
            + #""end":"2020-01-01T00:00:01Z","exitCode":0,"overwritten":0,"paths":[""],"#
            + #""source":"/elsewhere/work","start":"2020-01-01T00:00:00Z"}"# + "\n"
        let block = Data(String(repeating: line, count: (1 << 20) / line.utf8.count).utf8)
        try box.makeDirectory("home/.local/state/micsync")
        #expect(FileManager.default.createFile(atPath: box.journalFile, contents: nil))
        let journal = try FileHandle(forWritingTo: URL(fileURLWithPath: box.journalFile))
        for _ in 0..<200 { try journal.write(contentsOf: block) }
        try journal.close()
        try await box.expectRun(["backup", "w"], status: 0)
        return box
    }

    /// Runs micsync measured, expecting `status`: it must read little of the journal, in little memory.
    private func expectLittleRead(
        _ box: Sandbox, _ arguments: [String], stdoutReaderGone: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RunResult {
        let (result, peakMemory) = try await box.runMeasuringMemory(arguments, stdoutReaderGone: stdoutReaderGone)
        result.expect(status: 0, sourceLocation: sourceLocation)
        let bytesRead = try #require(result.bytesRead, "\(arguments): nothing measured", sourceLocation: sourceLocation)
        #expect(
            bytesRead < readBound, "\(arguments) read \(bytesRead) bytes of a 200 MB journal",
            sourceLocation: sourceLocation)
        #expect(
            peakMemory < memoryBound, "\(arguments) took \(peakMemory) bytes of memory", sourceLocation: sourceLocation)
        return result
    }

    @Test func theNewestRunsAreReadFromTheEnd() async throws {
        let box = try await bigJournal()
        let one = try await expectLittleRead(box, ["log", "-n", "1"])
        #expect(one.lines.count == 1 && one.stdout.contains("main: \(box.path("w")) → \(box.path("b1"))"), "\(one)")

        let json = try await expectLittleRead(box, ["log", "-n", "2", "--json"])
        let runs = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json)")
        #expect(runs.map { $0["configuration"] as? String } == ["main", "old"])

        let status = try await expectLittleRead(box, ["status"])
        #expect(status.stdout.contains("just now"), "\(status)")

        // A reader that has gone had read what it wanted: no error, and no more of the journal read.
        let head = try await expectLittleRead(box, ["log"], stdoutReaderGone: true)
        #expect(head.stderr.isEmpty, "\(head)")
    }
}
