import ArgumentParser
import Foundation

@main
struct MicsyncRelease: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "micsync-release",
        abstract: "Cut a micsync release: check the version, tag it, build the source tarball and the Arch PKGBUILD.",
        discussion: """
            Run it anywhere inside the micsync repository, or point at it with --repo. Everything packaged comes from \
            the commit, never the working tree: the version from Sources/MicsyncKit/Version.swift, the tree, the \
            PKGBUILD template and the home page (Packaging/project-url). git is read through libgit2, never the git \
            command.

            Examples:
              micsync-release check
                  Compare the version with `git describe --abbrev=0`.
              micsync-release tag
                  Tag HEAD with the version; tracked files must be committed.
              micsync-release all
                  Check, then write the tarball and both PKGBUILDs.
              micsync-release all --head --yes
                  Package work in progress as 0.1.0.r2.g1ec80f2 into output/ only; no release file is touched.
              micsync-release tarball --head --output /tmp/release
                  Package HEAD instead of the version's tag, into /tmp/release.
              micsync-release pkgbuild --repo ~/src/micsync
            """,
        subcommands: [Check.self, Tag.self, TarballCommand.self, PKGBUILDCommand.self, All.self]
    )

    /// Runs the command; usage errors exit 2 (not ArgumentParser's 64), every other failure is one line on stderr.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if code == 0 {
                print(message)
            } else if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code == ExitCode.validationFailure.rawValue ? 2 : code)
        }
    }
}
