import Foundation
import ReleaseKit
import TestSupport
import Testing

/// Repositories micsync-release cannot work with, made for real with git: each gets one line that says what to do,
/// and doing it works.
@Suite struct RepositoryProblemTests {
    func micsyncRelease(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) async throws
        -> RunResult
    {
        try await run([ReleaseKitTests.micsyncRelease] + arguments, in: folder, environment: environment, check: false)
    }

    func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aShallowCloneSaysToUnshallow() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        try repo.write("a", "a")
        try await repo.commit()
        let parent = try temporaryFolder("shallow")
        defer { try? FileManager.default.removeItem(at: parent) }
        try await run(["git", "clone", "-q", "--depth", "1", "file://\(repo.root.path)", "clone"], in: parent)
        let clone = parent.appendingPathComponent("clone").standardizedFileURL

        let shallow = try await micsyncRelease(["check", "--yes"], in: clone)
        #expect(shallow.status == 1)
        #expect(shallow.stderr == "Error: \(ReleaseError.shallowClone(clone.path))\n")
        #expect(shallow.stderr.contains("`git fetch --unshallow`"))

        try await run(["git", "fetch", "-q", "--unshallow"], in: clone)
        let whole = try await micsyncRelease(["check", "--yes"], in: clone)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.contains("latest tag (git describe --abbrev=0): 0.1.0"))
    }

    /// git refuses a repository of another owner unless safe.directory lists it or is `*`; libgit2 1.5 knows
    /// only the listed paths. Root owns these tests' processes, so the repository is given to another uid.
    @Test(.enabled(if: getuid() == 0, "gives the repository to another user"))
    func aRepositoryOfAnotherUserSaysHowToTrustIt() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        try await run(["chown", "-R", "4242:4242", repo.root.path], in: repo.root)
        let home = try temporaryFolder("home")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path]
        let root = repo.root.standardizedFileURL.path

        let refused = try await micsyncRelease(
            ["check"], in: repo.root.appendingPathComponent("Sources"), environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: \(ReleaseError.ownedByAnotherUser(root))\n")
        #expect(refused.stderr.contains("git config --global --add safe.directory \(root)`"))

        for trusted in [root, "*"] {
            try Data("[safe]\n\tdirectory = \(trusted)\n".utf8).write(to: home.appendingPathComponent(".gitconfig"))
            let output = try await micsyncRelease(["check"], in: repo.root, environment: environment)
            #expect(output.status == 0, "safe.directory = \(trusted): \(output.stderr)")
            #expect(output.stdout.contains("latest tag (git describe --abbrev=0): 0.1.0"))
        }
        // As in git, an empty value forgets the ones before it.
        try Data("[safe]\n\tdirectory = *\n\tdirectory =\n".utf8).write(to: home.appendingPathComponent(".gitconfig"))
        #expect(try await micsyncRelease(["check"], in: repo.root, environment: environment).status == 1)
    }

    /// git describe skips lightweight tags, so a lightweight tag of the version is named as the problem everywhere.
    @Test func aLightweightTagOfTheVersionSaysHowToReplaceIt() async throws {
        let repo = try await TestRepository()
        try await repo.addPackaging()
        try await repo.git("tag", "0.1.0")
        let expected = "Error: \(ReleaseError.lightweightTag("0.1.0"))\n"
        for command in [["check"], ["tag"], ["tarball"], ["all"]] {
            let output = try await micsyncRelease(command, in: repo.root)
            #expect(output.status == 1, "\(command)")
            #expect(output.stderr == expected, "\(command)")
        }
        #expect(try await micsyncRelease(["all", "--head", "--yes"], in: repo.root).status == 0)

        try await repo.git("tag", "-d", "0.1.0")
        #expect(try await micsyncRelease(["tag"], in: repo.root).status == 0)
        #expect(try await micsyncRelease(["check"], in: repo.root).status == 0)
    }

    @Test func aRepositoryWithoutCommitsSaysToCommitFirst() async throws {
        let repo = try await TestRepository()
        let output = try await micsyncRelease(["check"], in: repo.root)
        #expect(output.status == 1)
        #expect(output.stderr == "Error: \(ReleaseError.noCommits(repo.root.standardizedFileURL.path))\n")
        try await repo.commit()
        #expect(try await micsyncRelease(["check", "--yes"], in: repo.root).status == 0)
    }

    @Test func aFolderOutsideAnyRepositorySaysWhereToRun() async throws {
        let folder = try temporaryFolder("not-a-repository")
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["check"], ["tarball", "--head"], ["check", "--repo", folder.path]] {
            let output = try await micsyncRelease(arguments, in: folder)
            #expect(output.status == 1)
            #expect(
                output.stderr == "Error: \(ReleaseError.notARepository(folder.standardizedFileURL.path))\n",
                "\(arguments)")
            #expect(output.stderr.contains("--repo DIR"))
        }
    }
}
