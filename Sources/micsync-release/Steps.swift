import ArgumentParser
import Foundation
import ReleaseKit

/// A step that stopped on purpose: its message is printed on stderr and micsync-release exits 1.
struct Stop: Error, CustomStringConvertible {
    let description: String
}

/// The steps as the commands run them: each prints what it did and every folder it wrote to.
extension Release {
    /// Passes when the version equals the nearest annotated tag; otherwise shows both and asks
    /// (on a terminal), goes on with `yes`, or stops.
    func confirmVersion(yes: Bool) throws {
        let check = try checkVersion()
        print("version in \(SourceVersion.file): \(check.source)")
        print("latest tag (git describe --abbrev=0): \(check.tag ?? "none, no annotated tag is reachable from HEAD")")
        guard !check.matches, !yes else { return }
        if check.versionTagIsLightweight { throw ReleaseError.lightweightTag(check.source) }
        guard isatty(STDIN_FILENO) == 1 else {
            throw Stop(
                description:
                    "the version and the tag differ: raise the version, or tag the release with "
                    + "`micsync-release tag`, or pass --yes to go on"
            )
        }
        FileHandle.standardError.write(Data("continue? [y/N] ".utf8))
        guard let line = readLine() else {
            FileHandle.standardError.write(Data("\n".utf8))
            throw Stop(description: "stopped: no answer, and the version and the tag differ")
        }
        let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else {
            throw Stop(description: "stopped: the version and the tag differ")
        }
    }

    func writeTarball(_ options: TarballOptions) throws -> Tarball {
        let tarball = try writeTarball(of: options.head ? .head : .versionTag, into: options.outputFolder(of: self))
        print("package version: \(tarball.source.version)")
        print("tarball: \(tarball.url.path)")
        print("sha256: \(tarball.sha256)")
        print("output folder: \(tarball.url.deletingLastPathComponent().path)")
        return tarball
    }

    func writePKGBUILDs(_ options: TarballOptions) throws {
        let written = try writePKGBUILDs(for: writeTarball(options))
        if let archived = written.archived {
            print("PKGBUILD folder: \(archived.deletingLastPathComponent().path)")
        } else {
            print("not archived: a build of HEAD is not a release")
        }
        print("offline PKGBUILD (makepkg -si there): \(written.offline.path)")
    }
}
