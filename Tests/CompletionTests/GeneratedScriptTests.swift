import Foundation
import TestSupport
import Testing

/// The committed scripts are exactly what the generator writes from today's command tree.
@Suite struct GeneratedScriptTests {
    static let files = ["bash": "micsync.bash", "zsh": "_micsync", "fish": "micsync.fish"]

    @Test(arguments: files.keys.sorted())
    func committedScriptIsCurrent(shell: String) async throws {
        let name = try #require(Self.files[shell])
        let generated = try await Sandbox.withTwoConfigurations().run(
            Binary.directory + "/micsync-completions", [shell])
        #expect(generated.status == 0, "\(generated)")
        let committed = try String(contentsOfFile: Binary.script(name), encoding: .utf8)
        #expect(
            committed == generated.stdout,
            """
            completions/\(name) is stale: the command tree changed since it was generated. \
            Run `make completions` and commit completions/.
            """)
    }

    @Test func outputDirectoryGetsEveryScript() async throws {
        let sandbox = try Sandbox.withTwoConfigurations()
        let written = try await sandbox.run(
            Binary.directory + "/micsync-completions", ["--output-dir", sandbox.path("out")])
        #expect(written.status == 0, "\(written)")
        for (shell, name) in Self.files {
            let printed = try await sandbox.run(Binary.directory + "/micsync-completions", [shell]).stdout
            #expect(try String(contentsOfFile: sandbox.path("out/" + name), encoding: .utf8) == printed)
        }
    }

    @Test func shellOrDirectoryIsRequired() async throws {
        let result = try await Sandbox.withTwoConfigurations().run(Binary.directory + "/micsync-completions", [])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--output-dir"))
    }
}
