import Foundation

/// The version in the source next to the nearest annotated tag, as `git describe --abbrev=0` finds it.
public struct VersionCheck: Equatable, Sendable {
    public let source: String
    /// nil when no annotated tag is reachable from HEAD.
    public let tag: String?
    public var matches: Bool { tag == source }
}

/// A written source tarball.
public struct Tarball: Sendable {
    public let url: URL
    public let sha256: String
}

/// The release steps of the repository containing a folder. Nothing here asks questions or prints.
public struct Release {
    public enum Revision: Sendable { case versionTag, head }

    public let repository: Repository
    public let version: String
    public var root: URL { repository.root }
    /// The default folder for tarballs and the offline PKGBUILD (gitignored).
    public var defaultOutput: URL { root.appendingPathComponent("output", isDirectory: true) }
    /// The folder inside the tarball, and the tarball's name without `.tar.gz`.
    public var packageName: String { "micsync-\(version)" }

    public init(inRepositoryContaining folder: URL) throws {
        repository = try Repository(containing: folder)
        version = try SourceVersion.read(inRepositoryAt: repository.root)
    }

    public func checkVersion() throws -> VersionCheck {
        VersionCheck(source: version, tag: try repository.describe(repository.head()))
    }

    /// Creates the annotated tag named after the version on HEAD and returns the tagged commit.
    /// Refuses changes to tracked files and an existing tag.
    @discardableResult
    public func tag() throws -> Commit {
        let changed = try repository.changedTrackedFiles()
        guard changed.isEmpty else { throw ReleaseError.changedTrackedFiles(changed) }
        guard try !repository.tagExists(version) else { throw ReleaseError.tagExists(version) }
        let head = try repository.head()
        try repository.createAnnotatedTag(version, on: head, message: "micsync \(version)")
        return head
    }

    /// The gzip-compressed tar of the committed tree, the same bytes every time.
    public func tarball(of revision: Revision) throws -> [UInt8] {
        let commit: Commit
        switch revision {
        case .head: commit = try repository.head()
        case .versionTag:
            guard let tagged = try repository.commit("refs/tags/\(version)") else { throw ReleaseError.tagMissing(version) }
            commit = tagged
        }
        var tar = Tar(mtime: commit.time)
        try tar.append(path: packageName, kind: .directory)
        for entry in try commit.treeEntries() {
            try tar.append(path: "\(packageName)/\(entry.path)", kind: entry.kind)
        }
        return try Gzip.compress(tar.finished())
    }

    /// Writes `micsync-<version>.tar.gz` into `folder`, creating it.
    public func writeTarball(of revision: Revision, into folder: URL) throws -> Tarball {
        let bytes = try tarball(of: revision)
        let url = folder.appendingPathComponent("\(packageName).tar.gz")
        try write(bytes, to: url)
        return Tarball(url: url, sha256: SHA256.hex(of: bytes))
    }

    /// Renders the PKGBUILD for `tarball` twice: into the archive of released PKGBUILDs
    /// (`Packaging/arch/archive/<version>/`, downloading the release's tarball), and next to the tarball
    /// (using the local file, for `makepkg -si`). Returns both files.
    public func writePKGBUILDs(for tarball: Tarball) throws -> (archived: URL, offline: URL) {
        let template = try PKGBUILDTemplate(inRepositoryAt: root)
        let archived = root.appendingPathComponent("Packaging/arch/archive/\(version)/PKGBUILD")
        let offline = tarball.url.deletingLastPathComponent().appendingPathComponent("PKGBUILD")
        for (url, source) in [(archived, PKGBUILDTemplate.publishedSource), (offline, tarball.url.lastPathComponent)] {
            let text = template.render(version: version, sha256: tarball.sha256, source: source)
            try write(Array(text.utf8), to: url)
        }
        return (archived, offline)
    }

    private func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
    }
}
