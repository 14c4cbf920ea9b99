import Foundation

/// Renders `Packaging/arch/PKGBUILD.in`: `@PKGVER@`, `@URL@`, `@SHA256@` and `@SOURCE@` are replaced, nothing else.
public struct PKGBUILDTemplate {
    /// Where the template lives, relative to the repository's root.
    public static let file = "Packaging/arch/PKGBUILD.in"
    /// `source=` of the published PKGBUILD: the tarball attached to the release of the tag on the project's home.
    public static let publishedSource =
        "$pkgname-$pkgver.tar.gz::$url/releases/download/$pkgver/$pkgname-$pkgver.tar.gz"

    public let text: String

    public init(text: String) { self.text = text }

    /// The template as committed in `commit`.
    public init(in commit: Commit) throws {
        guard let bytes = try commit.file(Self.file) else { throw ReleaseError.templateMissing(Self.file) }
        self.init(text: String(decoding: bytes, as: UTF8.self))
    }

    public func render(version: String, url: String, sha256: String, source: String) -> String {
        text.replacingOccurrences(of: "@PKGVER@", with: version)
            .replacingOccurrences(of: "@URL@", with: url)
            .replacingOccurrences(of: "@SHA256@", with: sha256)
            .replacingOccurrences(of: "@SOURCE@", with: source)
    }
}
