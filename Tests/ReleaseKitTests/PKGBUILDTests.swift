import Foundation
import Testing

@testable import ReleaseKit

@Suite struct PKGBUILDTests {
    /// The variables of a PKGBUILD as bash sees them when it sources the file.
    static func sourced(_ pkgbuild: URL) async throws -> [String] {
        try await run(["bash", "-n", pkgbuild.path], in: pkgbuild.deletingLastPathComponent())
        let script =
            #"source "$1"; printf '%s\n' "$pkgname" "$pkgver" "$url" "${license[*]}" "${depends[*]}" "${makedepends[*]}" "${sha256sums[*]}" "${source[*]}""#
        return try await run(["bash", "-c", script, "bash", pkgbuild.path], in: pkgbuild.deletingLastPathComponent())
            .stdout
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    static var home: String {
        get throws {
            try #require(
                ProjectHome.parse(
                    String(contentsOf: packageRoot.appendingPathComponent(ProjectHome.file), encoding: .utf8)))
        }
    }

    @Test func rendersTheArchivedAndTheOfflinePKGBUILD() async throws {
        let repo = try await TestRepository()
        try await repo.addPackaging()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        let release = try Release(inRepositoryContaining: repo.root)
        let tarball = try release.writeTarball(of: .versionTag, into: release.defaultOutput)
        let written = try release.writePKGBUILDs(for: tarball)

        let archivedURL = try #require(written.archived)
        #expect(
            archivedURL.path
                == repo.root.appendingPathComponent("Packaging/arch/archive/0.1.0/PKGBUILD").standardizedFileURL.path)
        #expect(written.offline.path == repo.root.appendingPathComponent("output/PKGBUILD").standardizedFileURL.path)
        let sha256sum = String(try await run(["sha256sum", tarball.url.path], in: repo.root).stdout.prefix(64))

        let archived = try await Self.sourced(archivedURL)
        #expect(
            archived == [
                "micsync", "0.1.0", try Self.home, "GPL-3.0-or-later", "rsync>=3.1.3 glibc gcc-libs",
                "swift-language git", sha256sum,
                "micsync-0.1.0.tar.gz::\(try Self.home)/releases/download/0.1.0/micsync-0.1.0.tar.gz",
            ])
        let offline = try await Self.sourced(written.offline)
        #expect(offline == Array(archived.dropLast()) + ["micsync-0.1.0.tar.gz"])
        for folder in [archivedURL, written.offline].map({ $0.deletingLastPathComponent() }) {
            #expect(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(".SRCINFO").path), "\(folder.path)"
            )
        }
    }

    /// The .SRCINFO is what makepkg itself prints for the PKGBUILD. makepkg refuses root, so it runs as nobody.
    @Test(.enabled(if: getuid() == 0, "runs makepkg as the user nobody"))
    func srcinfoIsWhatMakepkgPrints() async throws {
        let repo = try await TestRepository()
        try await repo.addPackaging()
        try await repo.git("tag", "-a", "0.1.0", "-m", "release")
        let release = try Release(inRepositoryContaining: repo.root)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srcinfo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try release.writePKGBUILDs(for: release.writeTarball(of: .versionTag, into: folder))
        try await run(["chown", "-R", "nobody", folder.path], in: folder)

        let makepkg = try await run(["runuser", "-u", "nobody", "--", "makepkg", "--printsrcinfo"], in: folder).stdout
        let ours = try String(contentsOf: folder.appendingPathComponent(".SRCINFO"), encoding: .utf8)
        #expect(ours == makepkg)
        #expect(ours.contains("\tlicense = GPL-3.0-or-later\n"))
        let archived = try String(
            contentsOf: written.archived!.deletingLastPathComponent().appendingPathComponent(".SRCINFO"),
            encoding: .utf8)
        #expect(
            archived.contains(
                "\tsource = micsync-0.1.0.tar.gz::\(try Self.home)/releases/download/0.1.0/micsync-0.1.0.tar.gz\n"))
    }

    @Test func replacesOnlyThePlaceholders() {
        let template = PKGBUILDTemplate(
            text:
                "pkgver=@PKGVER@\n# Maintainer: a@b @OTHER@\nurl=\"@URL@\"\nsha256sums=('@SHA256@')\nsource=(\"@SOURCE@\")\n"
        )
        #expect(
            template.render(version: "1.0", url: "https://example.org/m", sha256: "ab", source: "x.tar.gz")
                == "pkgver=1.0\n# Maintainer: a@b @OTHER@\nurl=\"https://example.org/m\"\nsha256sums=('ab')\nsource=(\"x.tar.gz\")\n"
        )
    }

    /// The home page is set once, in Packaging/project-url; README.md must link the same address.
    @Test func theReadmeLinksTheProjectHome() async throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("(\(try Self.home))"))
        #expect(try !Self.home.contains("micdmy"), "the original Python project's address")
    }

    @Test(arguments: [
        ("# a comment\n\nhttps://example.org/micsync\n", "https://example.org/micsync"),
        ("http://example.org/micsync\n", nil), ("https://example.org/a b\n", nil), ("# only a comment\n", nil),
    ])
    func readsTheHomePageSetting(text: String, expected: String?) {
        #expect(ProjectHome.parse(text) == expected)
    }

    @Test func aMissingHomePageSettingSaysWhereToWriteIt() async throws {
        let repo = try await TestRepository()
        try repo.write("Packaging/arch/PKGBUILD.in", "pkgname=micsync\n")
        try await repo.commit()
        let release = try Release(inRepositoryContaining: repo.root)
        let tarball = try release.writeTarball(of: .head, into: release.defaultOutput)
        let error = #expect(throws: ReleaseError.self) { try release.writePKGBUILDs(for: tarball) }
        #expect(error == .homeURLMissing("Packaging/project-url"))
    }
}
