import Foundation
import Testing

extension Sandbox {
    /// micsync's environment with an rsync that writes slowly (1 MB/s), so that a test acts mid-transfer.
    func slowRsyncEnvironment() throws -> [String: String] {
        let rsync = try #require(
            ["/usr/bin/rsync", "/bin/rsync"].first { FileManager.default.isExecutableFile(atPath: $0) })
        try write("#!/bin/sh\nexec \(rsync) --bwlimit=1000 \"$@\"\n", at: "slow-bin/rsync")
        chmod(path("slow-bin/rsync"), 0o755)
        var environment = self.environment
        environment["PATH"] = path("slow-bin") + ":/usr/bin:/bin"
        return environment
    }
}

extension Sandbox {
    /// A standard sandbox's `backup` of a 16 MiB file `w/NAME`, started with a slow rsync and returned once
    /// rsync is writing its temporary file under `b1/.micsync/tmp`.
    func backupMidCopy(of name: String, _ arguments: [String] = ["backup", "w"]) async throws -> RunningProcess {
        try standard(backups: 1)
        try Data(repeating: 0x61, count: 16 * 1024 * 1024).write(to: URL(fileURLWithPath: path("w/" + name)))
        let run = try Binary.start(Binary.micsync, arguments, directory: root, environment: try slowRsyncEnvironment())
        #expect(
            await waitUntil {
                !((try? FileManager.default.contentsOfDirectory(atPath: path("b1/.micsync/tmp"))) ?? []).isEmpty
            }, "rsync writes its temporary file under .micsync/tmp")
        return run
    }

    /// A run waiting at its question on `b1`; `second` is tried meanwhile and must be refused, naming the
    /// first; then the first is answered and goes on.
    func whileARunWaits(second: () async throws -> RunResult) async throws {
        try write("new", at: "w/f")
        try write("old, longer", at: "b1/f")
        let first = try Binary.start(Binary.micsync, ["backup", "w"], directory: root, environment: environment)
        defer { first.kill() }
        try await first.waitForStderr(containing: "Overwrite")
        let refused = try await second()
        refused.expect(status: 5, "the second run reaches the same directory")
        #expect(refused.stderr.contains("being written by another micsync run (host "), "\(refused)")
        #expect(refused.stderr.contains("pid \(first.pid): "), "names the holder: \(refused)")
        #expect(read("b1/f") == "old, longer", "the second run wrote nothing")
        try first.stdin.write(contentsOf: Data("m\n".utf8))
        await first.finish().expect(status: 0, "the first run goes on once answered")
        #expect(read("b1/f") == "new")
    }
}

/// Whether process `pid` lives: it exists and is no zombie (dead, waiting to be reaped).
func isAlive(_ pid: Int32) -> Bool {
    guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return false }
    return String(decoding: stat, as: UTF8.self).split(separator: ")").last?.split(separator: " ").first != "Z"
}

/// The pids of the rsync processes (forked ones included: they keep the command line) that mention `text`;
/// a zombie, dead and waiting to be reaped, is not one.
func rsyncProcesses(mentioning text: String) -> [Int32] {
    let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
    return pids.filter { pid in
        guard isAlive(pid), let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else {
            return false
        }
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return words.contains { $0.hasSuffix("rsync") } && words.contains { $0.contains(text) }
    }
}
