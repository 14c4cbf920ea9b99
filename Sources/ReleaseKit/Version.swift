import Foundation

/// The version written in the source of the repository being released: the one source of truth.
public enum SourceVersion {
    /// Where the version lives, relative to the repository's root.
    public static let file = "Sources/MicsyncKit/Version.swift"

    public static func read(inRepositoryAt root: URL) throws -> String {
        let url = root.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ReleaseError.versionFileUnreadable(url.path)
        }
        guard let version = parse(text) else { throw ReleaseError.versionNotFound(url.path) }
        return version
    }

    /// The value of the line `static let current = "X.Y.Z"`.
    static func parse(_ text: String) -> String? {
        for line in text.split(separator: "\n") {
            guard let declaration = line.range(of: "static let current = \"") else { continue }
            let rest = line[declaration.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let version = String(rest[..<end])
            let valid = !version.isEmpty && version.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) || "._+".contains($0) }
            return valid ? version : nil
        }
        return nil
    }
}
