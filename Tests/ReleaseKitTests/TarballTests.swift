import Foundation
import ReleaseKit
import Testing

@Suite struct TarballTests {
    /// A tagged repository with an executable, a symlink, a long path, odd names and an empty-looking tree.
    static func taggedRepository() async throws -> TestRepository {
        let repo = try await TestRepository()
        try repo.write("README.md", "# micsync\n")
        try repo.write("tools/run.sh", "#!/bin/sh\necho run\n")
        try repo.write(String(repeating: "long-folder-name/", count: 8) + "file.txt", "deep\n")
        try repo.write("names/with space.txt", "space\n")
        try repo.write("names/café.txt", "accent\n")
        try repo.write("empty.txt", "")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: repo.root.appendingPathComponent("tools/run.sh").path)
        try FileManager.default.createSymbolicLink(
            atPath: repo.root.appendingPathComponent("link").path, withDestinationPath: "tools/run.sh")
        try await repo.commit()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        return repo
    }

    @Test func sameBytesEveryTimeAndSha256AsSha256sum() async throws {
        let repo = try await Self.taggedRepository()
        let release = try Release(inRepositoryContaining: repo.root)
        let first = try release.writeTarball(of: .versionTag, into: repo.root.appendingPathComponent("first"))
        let second = try release.writeTarball(of: .versionTag, into: repo.root.appendingPathComponent("second"))
        #expect(first.url.lastPathComponent == "micsync-0.1.0.tar.gz")
        #expect(try Data(contentsOf: first.url) == Data(contentsOf: second.url))
        #expect(first.sha256 == second.sha256)
        let sha256sum = try await run(["sha256sum", first.url.path], in: repo.root).stdout
        #expect(sha256sum.hasPrefix(first.sha256 + " "))
        try await run(["gzip", "-t", first.url.path], in: repo.root)
        let header = Array(try Data(contentsOf: first.url).prefix(10))
        #expect(header[0...3] == [0x1f, 0x8b, 8, 0], "gzip, deflate, no file name")
        #expect(header[4...7] == [0, 0, 0, 0], "no time")
    }

    @Test func holdsExactlyTheTaggedTreeUnderOneFolder() async throws {
        let repo = try await Self.taggedRepository()
        try repo.write("README.md", "uncommitted\n")
        try repo.write("untracked.txt", "untracked\n")
        let release = try Release(inRepositoryContaining: repo.root)
        let tarball = try release.writeTarball(of: .versionTag, into: repo.root.appendingPathComponent("output"))

        let listed = try await run(["tar", "--quoting-style=literal", "-tzf", tarball.url.path], in: repo.root).stdout
            .split(separator: "\n").map(String.init)
        let files = listed.filter { !$0.hasSuffix("/") }
        let tracked = try await repo.git("-c", "core.quotepath=off", "ls-tree", "-r", "--name-only", "0.1.0")
            .split(separator: "\n").map { "micsync-0.1.0/\($0)" }
        #expect(files == tracked)
        #expect(listed.first == "micsync-0.1.0/")

        let extracted = repo.root.appendingPathComponent("extracted")
        let archived = repo.root.appendingPathComponent("archived")
        for folder in [extracted, archived] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try await run(["tar", "-xzf", tarball.url.path, "-C", extracted.path], in: repo.root)
        try await run(["sh", "-c", "git archive --prefix=micsync-0.1.0/ 0.1.0 | tar -x -C archived"], in: repo.root)
        try await run(["diff", "-r", "--no-dereference", "extracted", "archived"], in: repo.root)
    }

    @Test func fixedModesOwnersAndTimes() async throws {
        let repo = try await Self.taggedRepository()
        let tarball = try Release(inRepositoryContaining: repo.root).writeTarball(
            of: .versionTag, into: repo.root.appendingPathComponent("output"))
        let verbose = try await run(
            ["tar", "--numeric-owner", "--full-time", "--utc", "-tvzf", tarball.url.path], in: repo.root,
            environment: ["TZ": "UTC"]
        ).stdout
        let commitTime = try await repo.git(
            "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d %H:%M:%S", "0.1.0"
        )
        .trimmingCharacters(in: .newlines)
        for line in verbose.split(separator: "\n") {
            #expect(line.contains(" 0/0 "))
            #expect(line.contains(commitTime))
        }
        #expect(verbose.contains("-rwxr-xr-x 0/0"))
        #expect(verbose.contains("-rw-r--r-- 0/0"))
        #expect(verbose.contains("drwxr-xr-x 0/0"))
        #expect(verbose.contains("micsync-0.1.0/link -> tools/run.sh"))
    }

    @Test func headOrAMissingTag() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        let release = try Release(inRepositoryContaining: repo.root)
        let error = #expect(throws: ReleaseError.self) { try release.tarball(of: .versionTag) }
        #expect(error == .tagMissing("0.1.0"))
        #expect(try !release.tarball(of: .head).isEmpty)
    }

    /// A build of HEAD is named as Arch names VCS packages, after `git describe --long`, so it never takes a
    /// release's name.
    @Test func headGetsAVersionAfterTheNearestTag() async throws {
        let repo = try await Self.taggedRepository()
        for name in ["a", "b"] {
            try repo.write(name, name)
            try await repo.commit()
        }
        let expected = try await repo.vcsVersion()
        #expect(expected.hasPrefix("0.1.0.r2.g"))
        let tarball = try Release(inRepositoryContaining: repo.root).writeTarball(
            of: .head, into: repo.root.appendingPathComponent("output"))
        #expect(tarball.source.version == expected)
        #expect(tarball.url.lastPathComponent == "micsync-\(expected).tar.gz")
        let listed = try await run(["tar", "-tzf", tarball.url.path], in: repo.root).stdout
        #expect(listed.hasPrefix("micsync-\(expected)/\n"))
    }

    @Test func headWithoutATagCountsEveryCommit() async throws {
        let repo = try await TestRepository()
        for name in ["a", "b", "c"] {
            try repo.write(name, name)
            try await repo.commit()
        }
        try await repo.git("tag", "lightweight-tags-do-not-count")
        let id = try await repo.git("rev-parse", "--short", "HEAD").trimmingCharacters(in: .newlines)
        let source = try Release(inRepositoryContaining: repo.root).source(of: .head)
        #expect(source.version == "0.1.0.r3.g\(id)")
        #expect(!source.isRelease)
    }
}
