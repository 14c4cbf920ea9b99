import Foundation
import ReleaseKit
import Testing

@Suite struct PKGBUILDTests {
    /// The variables of a PKGBUILD as bash sees them when it sources the file.
    static func sourced(_ pkgbuild: URL) throws -> [String] {
        try run(["bash", "-n", pkgbuild.path], in: pkgbuild.deletingLastPathComponent())
        let script = #"source "$1"; printf '%s\n' "$pkgname" "$pkgver" "${depends[*]}" "${makedepends[*]}" "${sha256sums[*]}" "${source[*]}""#
        return try run(["bash", "-c", script, "bash", pkgbuild.path], in: pkgbuild.deletingLastPathComponent()).stdout
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func rendersTheArchivedAndTheOfflinePKGBUILD() throws {
        let repo = try TestRepository()
        try repo.addPackaging()
        try repo.git("tag", "-a", "0.1.0", "-m", "release")
        let release = try Release(inRepositoryContaining: repo.root)
        let tarball = try release.writeTarball(of: .versionTag, into: release.defaultOutput)
        let written = try release.writePKGBUILDs(for: tarball)

        #expect(written.archived.path == repo.root.appendingPathComponent("Packaging/arch/archive/0.1.0/PKGBUILD").standardizedFileURL.path)
        #expect(written.offline.path == repo.root.appendingPathComponent("output/PKGBUILD").standardizedFileURL.path)
        let sha256sum = String(try run(["sha256sum", tarball.url.path], in: repo.root).stdout.prefix(64))

        let archived = try Self.sourced(written.archived)
        #expect(archived == ["micsync", "0.1.0", "rsync>=3.1.3 libgit2", "swift make", sha256sum,
                             "micsync-0.1.0.tar.gz::https://github.com/micdmy/micsync/releases/download/0.1.0/micsync-0.1.0.tar.gz"])
        let offline = try Self.sourced(written.offline)
        #expect(offline == Array(archived.dropLast()) + ["micsync-0.1.0.tar.gz"])
    }

    @Test func replacesOnlyThePlaceholders() {
        let template = PKGBUILDTemplate(text: "pkgver=@PKGVER@\n# Maintainer: a@b @OTHER@\nsha256sums=('@SHA256@')\nsource=(\"@SOURCE@\")\n")
        #expect(template.render(version: "1.0", sha256: "ab", source: "x.tar.gz")
                == "pkgver=1.0\n# Maintainer: a@b @OTHER@\nsha256sums=('ab')\nsource=(\"x.tar.gz\")\n")
    }
}
