/// A release step that cannot go on; each message says what to fix.
public enum ReleaseError: Error, CustomStringConvertible, Equatable {
    case versionFileUnreadable(String)
    case versionNotFound(String)
    case templateUnreadable(String)
    case changedTrackedFiles([String])
    case tagExists(String)
    case tagMissing(String)

    public var description: String {
        switch self {
        case .versionFileUnreadable(let path):
            "cannot read \(path): run inside the micsync repository, or pass --repo DIR"
        case .versionNotFound(let path):
            "no version in \(path): it must contain a line like `public static let current = \"1.2.3\"`"
        case .templateUnreadable(let path):
            "cannot read the PKGBUILD template \(path): restore it from git"
        case .changedTrackedFiles(let paths):
            "tracked files have uncommitted changes, commit or stash them first:\n  " + paths.joined(separator: "\n  ")
        case .tagExists(let tag):
            "tag \(tag) already exists: raise the version in \(SourceVersion.file) first"
        case .tagMissing(let tag):
            "there is no tag \(tag): create it with `micsync-release tag`, or package HEAD with --head"
        }
    }
}
