import ArgumentParser
import Foundation
import ReleaseKit

struct RepositoryOptions: ParsableArguments {
    @Option(name: .customLong("repo"), help: ArgumentHelp("A folder inside the micsync repository.", valueName: "dir"))
    var folder: String = "."

    func release() throws -> Release {
        try Release(inRepositoryContaining: URL(fileURLWithPath: folder))
    }
}

struct TarballOptions: ParsableArguments {
    @Flag(help: "Package HEAD instead of the commit tagged with the version.")
    var head = false

    @Option(
        help: ArgumentHelp(
            "Where to write the tarball and the offline PKGBUILD. (default: output/ in the repository)",
            valueName: "dir"))
    var output: String?

    func outputFolder(of release: Release) -> URL {
        output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } ?? release.defaultOutput
    }
}

struct ConfirmationOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Go on without asking when the version and the tag differ.")
    var yes = false
}
