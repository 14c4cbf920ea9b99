import Foundation

/// Renders `Packaging/arch/PKGBUILD.in`: `@PKGVER@`, `@SHA256@` and `@SOURCE@` are replaced, nothing else.
public struct PKGBUILDTemplate {
    /// Where the template lives, relative to the repository's root.
    public static let file = "Packaging/arch/PKGBUILD.in"
    /// `source=` of the published PKGBUILD: the tarball attached to the GitHub release of the tag.
    public static let publishedSource = "$pkgname-$pkgver.tar.gz::$url/releases/download/$pkgver/$pkgname-$pkgver.tar.gz"

    public let text: String

    public init(text: String) { self.text = text }

    public init(inRepositoryAt root: URL) throws {
        let url = root.appendingPathComponent(Self.file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ReleaseError.templateUnreadable(url.path)
        }
        self.init(text: text)
    }

    public func render(version: String, sha256: String, source: String) -> String {
        text.replacingOccurrences(of: "@PKGVER@", with: version)
            .replacingOccurrences(of: "@SHA256@", with: sha256)
            .replacingOccurrences(of: "@SOURCE@", with: source)
    }
}
