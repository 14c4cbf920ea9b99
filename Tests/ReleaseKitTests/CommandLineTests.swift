import Foundation
import ReleaseKit
import TestSupport
import Testing

/// micsync-release as maintainers run it: the built binary, without a terminal.
@Suite struct CommandLineTests {
    func micsyncRelease(_ arguments: String..., in folder: URL) async throws -> RunResult {
        try await run([ReleaseKitTests.micsyncRelease] + arguments, in: folder, check: false)
    }

    @Test func checkPassesWhenTheTagMatches() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        let output = try await micsyncRelease("check", in: repo.root.appendingPathComponent("Sources"))
        #expect(output.status == 0)
        #expect(output.stdout.contains("latest tag (git describe --abbrev=0): 0.1.0"))
    }

    @Test func checkWithoutATerminalStopsUnlessYes() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        let stopped = try await micsyncRelease(
            "check", "--repo", repo.root.path, in: FileManager.default.temporaryDirectory)
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("Version.swift: 0.1.0"))
        #expect(stopped.stdout.contains("none"))
        #expect(stopped.stderr.contains("--yes"))
        #expect(!stopped.stderr.contains("continue?"))
        #expect(try await micsyncRelease("check", "--yes", in: repo.root).status == 0)
    }

    /// `script` gives micsync-release a terminal; the answer is typed into it.
    @Test(arguments: [("y\n", Int32(0)), ("yes\n", 0), ("n\n", 1), ("\n", 1), ("", 1)])
    func checkOnATerminalAsks(answer: String, status: Int32) async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        let output = try await run(
            ["script", "-qec", "\(ReleaseKitTests.micsyncRelease) check", "/dev/null"],
            in: repo.root, input: answer, check: false)
        #expect(output.stdout.contains("continue? [y/N] "))
        #expect(output.status == status)
    }

    @Test func tagNamesTheChangedFiles() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try repo.writeVersion("0.2.0")
        let refused = try await micsyncRelease("tag", in: repo.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Sources/MicsyncKit/Version.swift"))
        try await repo.commit()
        let tagged = try await micsyncRelease("tag", in: repo.root)
        #expect(tagged.status == 0)
        #expect(try await repo.gitDescribe() == "0.2.0")
        let again = try await micsyncRelease("tag", in: repo.root)
        #expect(again.status == 1)
        #expect(again.stderr == "Error: \(ReleaseError.tagExists("0.2.0"))\n")
    }

    @Test func allGoesFromATaggedCommitToTheArchivedPKGBUILD() async throws {
        let repo = try await TestRepository()
        try await repo.addPackaging()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        let output = try await micsyncRelease("all", in: repo.root)
        #expect(output.status == 0, "\(output.stderr)")
        let root = repo.root.standardizedFileURL.path
        #expect(output.stdout.contains("output folder: \(root)/output\n"))
        #expect(output.stdout.contains("PKGBUILD folder: \(root)/Packaging/arch/archive/0.1.0\n"))
        for file in ["output/micsync-0.1.0.tar.gz", "output/PKGBUILD", "Packaging/arch/archive/0.1.0/PKGBUILD"] {
            #expect(FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test func failuresAreOneMessageAndUsageErrorsExit2() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        let missingTag = try await micsyncRelease("tarball", in: repo.root)
        #expect(missingTag.status == 1)
        #expect(missingTag.stderr == "Error: \(ReleaseError.tagMissing("0.1.0"))\n")
        let head = try await micsyncRelease("tarball", "--head", "--output", "elsewhere", in: repo.root)
        #expect(head.status == 0)
        #expect(head.stdout.contains("output folder: \(repo.root.standardizedFileURL.path)/elsewhere\n"))

        let usage = try await micsyncRelease("tarball", "--no-such-option", in: repo.root)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("Unknown option '--no-such-option'"))
    }

    /// `all --head` packages work in progress: a VCS version, only into output/, never over a release's files.
    @Test func allHeadNeverTouchesARelease() async throws {
        let repo = try await TestRepository()
        try await repo.addPackaging()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        #expect(try await micsyncRelease("all", in: repo.root).status == 0)
        let releaseFiles = [
            "output/micsync-0.1.0.tar.gz", "Packaging/arch/archive/0.1.0/PKGBUILD",
            "Packaging/arch/archive/0.1.0/.SRCINFO",
        ]
        let released = try releaseFiles.map { try Data(contentsOf: repo.root.appendingPathComponent($0)) }

        try repo.write("work.txt", "in progress")
        try await repo.commit()
        let head = try await micsyncRelease("all", "--head", "--yes", in: repo.root)
        #expect(head.status == 0, "\(head.stderr)")
        let version = try await repo.vcsVersion()
        #expect(version.hasPrefix("0.1.0.r1.g"))
        #expect(head.stdout.contains("package version: \(version)\n"))
        #expect(head.stdout.contains("not archived"))
        #expect(try releaseFiles.map { try Data(contentsOf: repo.root.appendingPathComponent($0)) } == released)
        #expect(
            try FileManager.default.contentsOfDirectory(
                atPath: repo.root.appendingPathComponent("Packaging/arch/archive").path) == ["0.1.0"])
        let offline = try await PKGBUILDTests.sourced(repo.root.appendingPathComponent("output/PKGBUILD"))
        #expect(offline[1] == version)
        #expect(offline.last == "micsync-\(version).tar.gz")
        #expect(
            FileManager.default.fileExists(
                atPath: repo.root.appendingPathComponent("output/micsync-\(version).tar.gz").path))
    }

    /// Running `all` again for a release writes the same bytes; an archived PKGBUILD that differs is never replaced.
    @Test func aReleaseIsNeverRewritten() async throws {
        let repo = try await TestRepository()
        try await repo.addPackaging()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        #expect(try await micsyncRelease("all", in: repo.root).status == 0)
        #expect(try await micsyncRelease("all", in: repo.root).status == 0)

        let archived = repo.root.appendingPathComponent("Packaging/arch/archive/0.1.0/PKGBUILD")
        try Data("pkgname=micsync\n# released with another template\n".utf8).write(to: archived)
        let again = try await micsyncRelease("all", in: repo.root)
        #expect(again.status == 1)
        #expect(again.stderr == "Error: \(ReleaseError.releaseWritten(archived.standardizedFileURL.path))\n")
        #expect(try String(contentsOf: archived, encoding: .utf8).contains("another template"))
    }

    /// The version and the tree come from the tagged commit, whatever the working tree holds.
    @Test func uncommittedChangesAreNeverPackaged() async throws {
        let repo = try await TestRepository()
        try await repo.addPackaging()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        try repo.writeVersion("0.2.0")
        try repo.write("Packaging/project-url", "https://example.org/uncommitted\n")
        let output = try await micsyncRelease("all", in: repo.root)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("package version: 0.1.0\n"))
        let archived = try await PKGBUILDTests.sourced(
            repo.root.appendingPathComponent("Packaging/arch/archive/0.1.0/PKGBUILD"))
        #expect(archived[2] == (try PKGBUILDTests.home))
        let listed = try await run(
            ["tar", "-xOzf", "output/micsync-0.1.0.tar.gz", "micsync-0.1.0/Sources/MicsyncKit/Version.swift"],
            in: repo.root
        ).stdout
        #expect(listed.contains("\"0.1.0\""))
    }
}
