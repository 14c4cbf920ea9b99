import Foundation
@testable import ReleaseKit
import Testing

@Suite struct VersionTests {
    @Test func readsTheCurrentLine() {
        #expect(SourceVersion.parse("enum V {\n    public static let current = \"1.2.3\"\n}\n") == "1.2.3")
    }

    @Test(arguments: ["", "let other = \"1\"", "static let current = \"\"", "static let current = \"1 2\"", "static let current = \"1.0-rc\""])
    func rejects(_ text: String) {
        #expect(SourceVersion.parse(text) == nil)
    }

    @Test func readsThisPackagesVersionFile() throws {
        let version = try SourceVersion.read(inRepositoryAt: packageRoot)
        #expect(!version.isEmpty)
    }

    @Test func missingFileSaysWhatToDo() throws {
        let repo = try TestRepository(version: nil)
        let error = #expect(throws: ReleaseError.self) { try Release(inRepositoryContaining: repo.root) }
        #expect(error?.description.contains("--repo") == true)
    }
}
