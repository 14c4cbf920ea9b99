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
