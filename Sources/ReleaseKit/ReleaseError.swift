/// A release step that cannot go on; each message says what to do.
public enum ReleaseError: Error, CustomStringConvertible, Equatable {
    case notARepository(String)
    case ownedByAnotherUser(String)
    case shallowClone(String)
    case noCommits(String)
    case versionFileMissing(String)
    case versionNotFound(String)
    case templateMissing(String)
    case homeURLMissing(String)
    case changedTrackedFiles([String])
    case tagExists(String)
    case tagMissing(String)
    case lightweightTag(String)
    case tagOnOtherVersion(tag: String, source: String)
    case releaseWritten(String)
    case srcinfoFailed(String)

    public var description: String {
        switch self {
        case .notARepository(let path):
            "\(path) is not inside a git repository: run micsync-release inside the micsync repository, "
                + "or pass --repo DIR"
        case .ownedByAnotherUser(let path):
            "\(path) is owned by another user: if you trust it, run `git config --global --add safe.directory \(path)`"
        case .shallowClone(let path):
            "\(path) is a shallow clone and the tags need the whole history: run `git fetch --unshallow` first"
        case .noCommits(let path):
            "the repository \(path) has no commits yet: commit first, then run micsync-release again"
        case .versionFileMissing(let path):
            "the commit has no \(path): run inside the micsync repository, or pass --repo DIR"
        case .versionNotFound(let path):
            "no version in \(path): it must contain a line like `public static let current = \"1.2.3\"`"
        case .templateMissing(let path):
            "the commit has no PKGBUILD template \(path): restore it from git and commit it"
        case .homeURLMissing(let path):
            "no home page in \(path): write the project's address there "
                + "(a line like https://github.com/OWNER/micsync) and commit it"
        case .changedTrackedFiles(let paths):
            "tracked files have uncommitted changes, commit or stash them first:\n  " + paths.joined(separator: "\n  ")
        case .tagExists(let tag):
            "tag \(tag) already exists: raise the version in \(SourceVersion.file) first"
        case .tagMissing(let tag):
            "there is no tag \(tag): create it with `micsync-release tag`, or package HEAD with --head"
        case .lightweightTag(let tag):
            "tag \(tag) is a lightweight tag, which git describe skips: replace it with an annotated one, "
                + "`git tag -d \(tag) && micsync-release tag`"
        case .tagOnOtherVersion(let tag, let source):
            "tag \(tag) is on a commit whose \(SourceVersion.file) says \(source): move the tag, "
                + "or package HEAD with --head"
        case .releaseWritten(let path):
            "\(path) exists and differs from this release: a released version is never rewritten; "
                + "raise the version in \(SourceVersion.file) for a new one"
        case .srcinfoFailed(let message):
            "cannot write .SRCINFO, bash could not read the PKGBUILD: \(message)"
        }
    }
}
