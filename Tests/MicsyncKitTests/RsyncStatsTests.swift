import Testing

@testable import MicsyncKit

/// The file counts read from rsync's `--stats` block of a dry run.
@Suite struct RsyncStatsTests {
    func read(_ lines: [String]) -> RsyncStats {
        var stats = RsyncStats()
        for line in lines { stats.read(Array(line.utf8)) }
        return stats
    }

    @Test func countsLeaveDirectoriesOut() {
        let stats = read([
            ">f+++++++++ 2 Number of files: 9 (reg: 9)",
            "Number of files: 1,234,567 (reg: 1,000,000, dir: 200,000, link: 34,567)",
            "Number of created files: 5 (reg: 2, dir: 2, link: 1)",
            "Number of deleted files: 0",
            "Number of regular files transferred: 2",
        ])
        #expect(stats.listedFiles == 1_034_567)
        #expect(stats.createdFiles == 3 && stats.deletedFiles == 0)
        #expect(stats.scopeFiles?.source == 1_034_567)
        #expect(stats.scopeFiles?.destination == 1_034_564)
    }

    @Test func aLocaleThatGroupsWithDotsReadsAlike() {
        let stats = read(["Number of files: 2.001 (reg: 1.000, dir: 1.001)", "Number of deleted files: 3 (reg: 3)"])
        #expect(stats.scopeFiles?.source == 1_000 && stats.scopeFiles?.destination == 1_003)
    }

    @Test func withoutTheFileListThereIsNoCount() {
        let stats = read(["Number of deleted files: 3 (reg: 3)", "sent 123456 bytes  received 41 bytes"])
        #expect(stats.scopeFiles == nil)
    }
}
