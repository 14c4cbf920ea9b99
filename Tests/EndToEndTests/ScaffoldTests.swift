import Foundation
import TestSupport
import Testing

/// `make new-action`'s script in a scratch copy of the repository: the files it writes, the registration it
/// adds, and that the generated module and registry compile against the built kernel.
@Suite struct ScaffoldTests {
    /// The tracked files of this repository, copied to a throwaway folder.
    func scratchCopy(_ box: Sandbox) async throws -> String {
        let copy = box.path("repo")
        let copied = try await Binary.run(
            "/bin/sh", ["-c", "git ls-files -z | xargs -0 cp --parents -t \"$0\"", copy],
            directory: Binary.repository, environment: [:])
        try #require(copied.status == 0 || FileManager.default.fileExists(atPath: copy + "/Package.swift"), "\(copied)")
        return copy
    }

    func swiftc(_ arguments: [String], in directory: String) async throws -> RunResult {
        let checkouts = Binary.repository + "/.build/checkouts"
        let cIncludes = ((try? FileManager.default.contentsOfDirectory(atPath: checkouts)) ?? []).flatMap { package in
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(checkouts)/\(package)/Sources")) ?? [])
                .map { "\(checkouts)/\(package)/Sources/\($0)/include" }
                .filter { FileManager.default.fileExists(atPath: $0) }
        }
        let includes = ([Binary.directory + "/Modules", directory] + cIncludes).flatMap { ["-I", $0] }
        return try await Binary.run(
            "/usr/bin/env", ["swiftc"] + includes + arguments, directory: directory, environment: [:])
    }

    func scaffold(_ name: String, in repo: String) async throws -> RunResult {
        try await Binary.run("/bin/sh", ["scripts/new-action.sh", name], directory: repo, environment: [:])
    }

    static let ownOptions = """
        import ArgumentParser
        import MicsyncCLI
        import MicsyncKit

        struct OwnOptions: SyncOptions {
            @Flag var extra = false
            @OptionGroup var modify: ModifyOption
            @OptionGroup var delete: DeleteOptions
            @OptionGroup var common: CommonOptions
            @OptionGroup var compare: CompareOptions

            var run: RunOptions {
                let common = common, delete = delete, compare = compare
                let (printing, apply) = (common.printing, common.apply)
                let flags = [modify.modify, delete.asking, delete.withoutAsking, delete.force, common.suppress,
                             printing.verbose, printing.printCommands, apply.quiet, apply.list, apply.dryRun,
                             apply.noTrash, common.output.json, common.create, compare.printing.verbose,
                             compare.output.json, extra]
                _ = (flags, common.from, common.to, apply.progress, common.colour, delete.deletion)
                _ = (common.config.file.file, common.config.name, compare.config.selection, common.run)
                return compare.run
            }
        }

        """

    @Test func scaffoldsARegisteredModuleThatCompiles() async throws {
        let box = try Sandbox()
        try box.makeDirectory("repo")
        let repo = try await scratchCopy(box)
        let result = try await scaffold("mirror-copy", in: repo)
        #expect(result.status == 0, "\(result)")

        let module = repo + "/Sources/Actions/MirrorCopy/MirrorCopy.swift"
        let source = try String(contentsOfFile: module, encoding: .utf8)
        #expect(source.contains("public enum MirrorCopy: SyncAction") && source.contains("name = \"mirror-copy\""))
        #expect(source.contains("Examples:"), "help with examples")
        let test = try String(
            contentsOfFile: repo + "/Tests/EndToEndTests/Actions/MirrorCopyTests.swift",
            encoding: .utf8)
        #expect(test.contains("[\"--mirror-copy\", \"--help\"]"))
        let package = try String(contentsOfFile: repo + "/Package.swift", encoding: .utf8)
        #expect(
            package.contains("    (\"MirrorCopyAction\", \"MirrorCopy\"),\n]"),
            "one line at the end of actionModules")
        let registry = try String(contentsOfFile: repo + "/Sources/MicsyncCommands/Registry.swift", encoding: .utf8)
        #expect(registry.contains("import MirrorCopyAction\n"))
        #expect(registry.contains("        SyncCommand<MirrorCopy>.self,\n"))

        let manifest = try await Binary.run(
            "/usr/bin/env", ["swift", "package", "dump-package"], directory: repo,
            environment: [:])
        #expect(manifest.status == 0 && manifest.stdout.contains("\"Sources/Actions/MirrorCopy\""), "\(manifest)")

        // The module compiles against the built kernel, and the registry against it. An option set of its
        // own, as an outside module writes it, reads every field of the shared groups.
        let ownOptions = repo + "/Sources/Actions/MirrorCopy/OwnOptions.swift"
        try Self.ownOptions.write(toFile: ownOptions, atomically: false, encoding: .utf8)
        let emitted = try await swiftc(
            [
                "-parse-as-library", "-emit-module", "-module-name", "MirrorCopyAction",
                "-emit-module-path", repo + "/MirrorCopyAction.swiftmodule", module, ownOptions,
            ],
            in: repo)
        #expect(emitted.status == 0, "\(emitted)")
        let registered = try await swiftc(
            ["-typecheck", "-parse-as-library", "Sources/MicsyncCommands/Registry.swift"],
            in: repo)
        #expect(registered.status == 0, "\(registered)")

        let again = try await scaffold("mirror-copy", in: repo)
        #expect(again.status == 2 && again.stderr.contains("already exists"), "\(again)")
        for bad in ["", "Foo", "9lives", "a_b", "dash-"] {
            let refused = try await scaffold(bad, in: repo)
            #expect(refused.status == 2 && refused.stderr.contains("usage"), "\(bad): \(refused)")
        }
    }

    /// README's "Adding an action" shows the code `make new-action NAME=archive` writes, exactly.
    @Test func theReadmeShowsTheGeneratedCode() async throws {
        let box = try Sandbox()
        try box.makeDirectory("repo")
        let repo = try await scratchCopy(box)
        await #expect(try scaffold("archive", in: repo).status == 0)
        let generated = try String(contentsOfFile: repo + "/Sources/Actions/Archive/Archive.swift", encoding: .utf8)
        let readme = try String(contentsOfFile: Binary.repository + "/README.md", encoding: .utf8)
        #expect(readme.contains("make new-action NAME=archive"))
        #expect(readme.contains("```swift\n" + generated + "```\n"), "README shows other code than the generator's")
    }
}
