import Foundation
import Testing

/// BACKUPs on different discs are written at once, those on one disc one after the other, and the output
/// reads in the destinations' order either way. Two tmpfs mounts stand in for two discs; a throttled copy
/// (`--bwlimit`) lasts long enough for a watching process to see which rsyncs write.
@Suite(.enabled(if: getuid() == 0, "mounting tmpfs needs root"))
struct ParallelDiscTests {
    /// The destinations whose rsync passes were seen writing at one moment, at most: polls the process table
    /// while `running` lives.
    private func mostWritingAtOnce(_ destinations: [String], while running: RunningProcess) async -> Int {
        var most = 0
        while !running.hasExited {
            let commands = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap {
                try? String(contentsOfFile: "/proc/\($0)/cmdline", encoding: .utf8)
            }.filter { $0.contains("rsync") && $0.contains("--files-from") }
            most = max(most, destinations.filter { path in commands.contains { $0.contains(path + "/") } }.count)
            try? await Task.sleep(for: .milliseconds(20))
        }
        return most
    }

    private func backUp(_ box: Sandbox, to backups: [String]) async throws -> (RunResult, Int) {
        try box.configure([("main", ["w"], backups)])
        try Data(repeating: 0x61, count: 600_000).write(to: URL(fileURLWithPath: box.path("w/big")))
        let running = try Binary.start(
            Binary.micsync, ["backup", "--bwlimit", "300", "w"], directory: box.root, environment: box.environment)
        defer { running.kill() }
        try? running.stdin.close()
        let most = await mostWritingAtOnce(backups.map(box.path), while: running)
        return (await running.finish(), most)
    }

    /// A tmpfs at `name` (a `mount(2)` of the test runner's own), standing in for a disc.
    private func mountTmpfs(_ box: Sandbox, _ name: String) throws {
        try box.makeDirectory(name)
        try #require(mount("tmpfs", box.path(name), "tmpfs", 0, nil) == 0, "\(String(cString: strerror(errno)))")
    }

    private func unmount(_ box: Sandbox, _ names: [String]) {
        for name in names { umount2(box.path(name), Int32(MNT_DETACH)) }
    }

    @Test func backupsOnTwoDiscsAreWrittenAtOnceAndReportedInOrder() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        defer { unmount(box, ["disc1", "disc2"]) }
        try mountTmpfs(box, "disc1")
        try mountTmpfs(box, "disc2")
        let (result, most) = try await backUp(box, to: ["disc1", "disc2"])
        #expect(result.status == 0 && !result.killedBySignal, "\(result)")
        #expect(most == 2, "both discs written at one moment: \(result)")
        #expect(box.read("disc1/big")?.count == 600_000 && box.read("disc2/big")?.count == 600_000)
        let first = try #require(result.stdout.range(of: "BACKUP \(box.path("disc1")): 1 copied"), "\(result)")
        let second = try #require(result.stdout.range(of: "BACKUP \(box.path("disc2")): 1 copied"), "\(result)")
        #expect(first.upperBound < second.lowerBound, "in the destinations' order: \(result)")
    }

    @Test func backupsOnOneDiscAreWrittenOneAfterTheOther() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        defer { unmount(box, ["disc"]) }
        try mountTmpfs(box, "disc")
        try box.makeDirectory("disc/b1")
        try box.makeDirectory("disc/b2")
        let (result, most) = try await backUp(box, to: ["disc/b1", "disc/b2"])
        #expect(result.status == 0 && !result.killedBySignal, "\(result)")
        #expect(most == 1, "one pass at a time on one disc: \(result)")
        #expect(box.read("disc/b1/big")?.count == 600_000 && box.read("disc/b2/big")?.count == 600_000)
    }
}
