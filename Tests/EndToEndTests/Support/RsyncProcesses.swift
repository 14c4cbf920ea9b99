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
    func backupMidCopy(of name: String, _ arguments: [String] = ["backup", "w"]) throws -> RunningProcess {
        try standard(backups: 1)
        try Data(repeating: 0x61, count: 16 * 1024 * 1024).write(to: URL(fileURLWithPath: path("w/" + name)))
        let run = try Binary.start(Binary.micsync, arguments, directory: root, environment: try slowRsyncEnvironment())
        #expect(
            waitUntil {
                !((try? FileManager.default.contentsOfDirectory(atPath: path("b1/.micsync/tmp"))) ?? []).isEmpty
            }, "rsync writes its temporary file under .micsync/tmp")
        return run
    }

    /// A run waiting at its question on `b1`; `second` is tried meanwhile and must be refused, naming the
    /// first; then the first is answered and goes on.
    func whileARunWaits(second: () throws -> RunResult) throws {
        try write("new", at: "w/f")
        try write("old, longer", at: "b1/f")
        let first = try Binary.start(Binary.micsync, ["backup", "w"], directory: root, environment: environment)
        defer { first.finish() }
        try first.waitForStderr(containing: "Overwrite")
        let refused = try second()
        refused.expect(status: 5, "the second run reaches the same directory")
        #expect(refused.stderr.contains("being written by another micsync run (host "), "\(refused)")
        #expect(refused.stderr.contains("pid \(first.process.processIdentifier): "), "names the holder: \(refused)")
        #expect(read("b1/f") == "old, longer", "the second run wrote nothing")
        try first.stdin.write(contentsOf: Data("m\n".utf8))
        first.finish()
        first.result.expect(status: 0, "the first run goes on once answered")
        #expect(read("b1/f") == "new")
    }
}

/// The pids of the rsync processes (forked ones included: they keep the command line) that mention `text`;
/// a zombie, dead and waiting to be reaped, is not one.
func rsyncProcesses(mentioning text: String) -> [Int32] {
    let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
    return pids.filter { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
            let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
            let state = String(decoding: stat, as: UTF8.self).split(separator: ")").last?.split(separator: " ").first,
            state != "Z"
        else { return false }
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return words.contains { $0.hasSuffix("rsync") } && words.contains { $0.contains(text) }
    }
}

/// Polls `condition` every 20 ms; false when it did not hold within `seconds`.
func waitUntil(_ seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while !condition() {
        if Date() > deadline { return false }
        usleep(20_000)
    }
    return true
}
