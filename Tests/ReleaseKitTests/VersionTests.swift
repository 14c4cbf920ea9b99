import Foundation
import Testing

@testable import ReleaseKit

@Suite struct VersionTests {
    @Test func readsTheCurrentLine() {
        #expect(SourceVersion.parse("enum V {\n    public static let current = \"1.2.3\"\n}\n") == "1.2.3")
    }

    @Test(arguments: [
        "", "let other = \"1\"", "static let current = \"\"", "static let current = \"1 2\"",
        "static let current = \"1.0-rc\"",
    ])
    func rejects(_ text: String) {
        #expect(SourceVersion.parse(text) == nil)
    }

    @Test func readsThisPackagesVersionFile() async throws {
        #expect(packageVersion.contains("."))
    }

    @Test func missingFileSaysWhatToDo() async throws {
        let repo = try await TestRepository(version: nil)
        try repo.write("README.md", "not micsync")
        try await repo.commit()
        let error = #expect(throws: ReleaseError.self) { try Release(inRepositoryContaining: repo.root) }
        #expect(error?.description.contains("--repo") == true)
    }

    /// The version comes from the commit: an uncommitted change is not a release.
    @Test func readsTheCommittedVersionNotTheWorkingTree() async throws {
        let repo = try await TestRepository()
        try await repo.commit()
        try repo.writeVersion("0.2.0")
        #expect(try Release(inRepositoryContaining: repo.root).version == "0.1.0")
        try await repo.commit()
        #expect(try Release(inRepositoryContaining: repo.root).version == "0.2.0")
    }
}
