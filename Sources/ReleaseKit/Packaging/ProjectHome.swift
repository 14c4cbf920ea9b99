import Foundation

/// The project's home page, set by the maintainer in one file: the PKGBUILD's `url=` and the release downloads
/// under it come from there, and README.md links to it.
public enum ProjectHome {
    /// Where the setting lives, relative to the repository's root.
    public static let file = "Packaging/project-url"

    /// The home page written in `commit`'s setting file.
    static func read(in commit: Commit) throws -> String {
        guard let bytes = try commit.file(file), let url = parse(String(decoding: bytes, as: UTF8.self)) else {
            throw ReleaseError.homeURLMissing(file)
        }
        return url
    }

    /// The first line that is neither empty nor a `#` comment, when it is an https address without spaces or quotes.
    public static func parse(_ text: String) -> String? {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let line = lines.first(where: { !$0.isEmpty && !$0.hasPrefix("#") }), line.hasPrefix("https://"),
            !line.contains(where: { $0.isWhitespace || "\"'`$\\".contains($0) })
        else { return nil }
        return line
    }
}
