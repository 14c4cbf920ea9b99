import Foundation
import ReleaseKit
import Testing

@Suite struct TagTests {
    @Test func tagsACleanTreeWithAnAnnotatedTag() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try repo.write("untracked.txt", "untracked files don't count")
        let commit = try Release(inRepositoryContaining: repo.root).tag()
        #expect(try await repo.git("cat-file", "-t", "0.1.0") == "tag\n")
        #expect(try await repo.git("rev-parse", "0.1.0^{commit}") == commit.id + "\n")
        #expect(try await repo.gitDescribe() == "0.1.0")
        #expect(
            try await repo.git("for-each-ref", "--format=%(taggername) %(taggeremail)", "refs/tags/0.1.0")
                == "Test Maintainer <maintainer@example.com>\n")
    }

    @Test func refusesChangedTrackedFilesNamingThem() async throws {
        let repo = try await TestRepository()
        try repo.write("staged.txt", "one")
        try repo.write("README.md", "one")
        try await repo.commit()
        try repo.write("README.md", "two")
        try repo.write("staged.txt", "two")
        try await repo.git("add", "staged.txt")
        let error = #expect(throws: ReleaseError.self) { try Release(inRepositoryContaining: repo.root).tag() }
        #expect(error == .changedTrackedFiles(["README.md", "staged.txt"]))
        #expect(try await repo.git("tag") == "")
    }

    @Test func refusesAnExistingTag() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        let error = #expect(throws: ReleaseError.self) { try Release(inRepositoryContaining: repo.root).tag() }
        #expect(error == .tagExists("0.1.0"))
    }

    @Test func aLightweightTagOfTheVersionSaysHowToReplaceIt() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try await repo.git("tag", "0.1.0")
        let error = #expect(throws: ReleaseError.self) { try Release(inRepositoryContaining: repo.root).tag() }
        #expect(error == .lightweightTag("0.1.0"))
        #expect(error?.description.contains("git tag -d 0.1.0 && micsync-release tag") == true)
    }
}
