/// The version written in the source of the commit being released: the one source of truth.
public enum SourceVersion {
    /// Where the version lives, relative to the repository's root.
    public static let file = "Sources/MicsyncKit/Version.swift"

    /// The version in `commit`'s source; uncommitted changes never count.
    public static func read(in commit: Commit) throws -> String {
        guard let bytes = try commit.file(file) else { throw ReleaseError.versionFileMissing(file) }
        guard let version = parse(String(decoding: bytes, as: UTF8.self)) else {
            throw ReleaseError.versionNotFound(file)
        }
        return version
    }

    /// The value of the line `static let current = "X.Y.Z"`.
    static func parse(_ text: String) -> String? {
        for line in text.split(separator: "\n") {
            guard let declaration = line.range(of: "static let current = \"") else { continue }
            let rest = line[declaration.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let version = String(rest[..<end])
            return isValid(version) ? version : nil
        }
        return nil
    }

    /// Letters, digits, `.`, `_` and `+`: what a pacman pkgver may hold.
    static func isValid(_ version: String) -> Bool {
        !version.isEmpty && version.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) || "._+".contains($0) }
    }
}
