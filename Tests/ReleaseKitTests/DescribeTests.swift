import Foundation
import Testing

@testable import ReleaseKit

/// `check` must find the same tag as `git describe --abbrev=0`: annotated tags only, the nearest one.
@Suite struct DescribeTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        let testDescription: String
        /// What git prints, spelled out so a scenario can't pass by both sides failing alike.
        let expected: String?
        let setUp: @Sendable (TestRepository) async throws -> Void
    }

    static let scenarios: [Scenario] = [
        Scenario(testDescription: "annotated tag on HEAD", expected: "0.1.0") { repo in
            try await repo.commit()
            try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        },
        Scenario(testDescription: "annotated tag on an ancestor", expected: "0.1.0") { repo in
            try await repo.commit()
            try await repo.git("tag", "-a", "0.0.9", "-m", "older")
            try repo.write("a", "a")
            try await repo.commit()
            try await repo.git("tag", "-a", "0.1.0", "-m", "release")
            try repo.write("b", "b")
            try await repo.commit()
        },
        Scenario(testDescription: "lightweight tags only", expected: nil) { repo in
            try await repo.commit()
            try await repo.git("tag", "0.1.0")
        },
        Scenario(testDescription: "lightweight tag nearer than an annotated one", expected: "0.0.9") { repo in
            try await repo.commit()
            try await repo.git("tag", "-a", "0.0.9", "-m", "older")
            try repo.write("a", "a")
            try await repo.commit()
            try await repo.git("tag", "0.1.0")
        },
        Scenario(testDescription: "no tags", expected: nil) { repo in
            try await repo.commit()
        },
        Scenario(testDescription: "two annotated tags on one commit, newer sorts last", expected: "0.1.0") { repo in
            try await repo.commit()
            try await repo.git("tag", "-a", "0.0.1", "-m", "first")
            try await repo.git("tag", "-a", "0.1.0", "-m", "second")
        },
        Scenario(testDescription: "two annotated tags on one commit, newer sorts first", expected: "0.1.0") { repo in
            try await repo.commit()
            try await repo.git("tag", "-a", "1.0.0", "-m", "first")
            try await repo.git("tag", "-a", "0.1.0", "-m", "second")
        },
        Scenario(testDescription: "annotated tags on one commit with the same date", expected: "0.1.0") { repo in
            try await repo.commit()
            for name in ["1.0.0", "0.1.0", "0.5.0"] {
                try await run(
                    ["git", "tag", "-a", name, "-m", name], in: repo.root,
                    environment: ["GIT_COMMITTER_DATE": "@1700000000 +0000"])
            }
        },
        Scenario(testDescription: "annotated and lightweight tag on one commit", expected: "0.1.0") { repo in
            try await repo.commit()
            try await repo.git("tag", "-a", "0.1.0", "-m", "release")
            try await repo.git("tag", "0.0.0")
        },
        Scenario(testDescription: "dirty tree", expected: "0.1.0") { repo in
            try await repo.commit()
            try await repo.git("tag", "-a", "0.1.0", "-m", "release")
            try repo.writeVersion("0.2.0")
            try repo.write("untracked", "x")
        },
    ]

    @Test(arguments: scenarios)
    func sameTagAsGitDescribe(_ scenario: Scenario) async throws {
        let repo = try await TestRepository()
        try await scenario.setUp(repo)
        let gitSays = try await repo.gitDescribe()
        #expect(gitSays == scenario.expected)
        let check = try Release(inRepositoryContaining: repo.root).checkVersion()
        #expect(check.tag == gitSays)
    }

    @Test func comparesTheCommittedVersion() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        #expect(try Release(inRepositoryContaining: repo.root).checkVersion().matches)
        try repo.writeVersion("0.2.0")
        #expect(try Release(inRepositoryContaining: repo.root).checkVersion().matches)
        try await repo.commit()
        let check = try Release(inRepositoryContaining: repo.root).checkVersion()
        #expect(check == VersionCheck(source: "0.2.0", tag: "0.1.0", versionTagIsLightweight: false))
        #expect(!check.matches)
    }

    @Test func opensFromASubfolder() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        let release = try Release(inRepositoryContaining: repo.root.appendingPathComponent("Sources/MicsyncKit"))
        #expect(release.root.path == repo.root.standardizedFileURL.path)
        #expect(release.version == "0.1.0")
    }

    @Test func nearestTagAndDistanceAsGitDescribeLong() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        for name in ["a", "b"] {
            try repo.write(name, name)
            try await repo.commit()
        }
        let release = try Release(inRepositoryContaining: repo.root)
        #expect(
            try release.repository.nearestTag(of: release.repository.head()) == NearestTag(name: "0.1.0", distance: 2))
    }
}
