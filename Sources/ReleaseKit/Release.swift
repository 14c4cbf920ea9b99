import Crypto
import Foundation

/// The version in HEAD's source next to the nearest annotated tag, as `git describe --abbrev=0` finds it.
public struct VersionCheck: Equatable, Sendable {
    public let source: String
    /// nil when no annotated tag is reachable from HEAD.
    public let tag: String?
    /// Whether a tag named after the version exists but is lightweight (git describe does not see it).
    public let versionTagIsLightweight: Bool
    public var matches: Bool { tag == source }
}

/// What one revision packages: its commit and the package version (pkgver).
public struct PackageSource {
    public let commit: Commit
    /// The version for a release; `<tag>.r<commits since it>.g<short id>` for HEAD, as Arch names VCS builds.
    public let version: String
    public let isRelease: Bool
    /// The folder inside the tarball, and the tarball's name without `.tar.gz`.
    public var name: String { "micsync-\(version)" }
}

/// A written source tarball.
public struct Tarball {
    public let url: URL
    public let sha256: String
    public let source: PackageSource
}

/// The release steps of the repository containing a folder. Nothing here asks questions or prints.
/// Everything packaged (version, tree, template, home page) is read from the commit, never the working tree.
public struct Release {
    public enum Revision: Sendable { case versionTag, head }

    public let repository: Repository
    /// The version in HEAD's committed source.
    public let version: String
    public var root: URL { repository.root }
    /// The default folder for tarballs and the offline PKGBUILD (gitignored).
    public var defaultOutput: URL { root.appendingPathComponent("output", isDirectory: true) }
    /// Where the PKGBUILDs of releases are kept, one folder per version.
    public var archive: URL { root.appendingPathComponent("Packaging/arch/archive", isDirectory: true) }

    public init(inRepositoryContaining folder: URL) throws {
        repository = try Repository(containing: folder)
        version = try SourceVersion.read(in: repository.head())
    }

    public func checkVersion() throws -> VersionCheck {
        VersionCheck(
            source: version, tag: try repository.describe(repository.head()),
            versionTagIsLightweight: try repository.tag(version) == .lightweight)
    }

    /// Creates the annotated tag named after the version on HEAD and returns the tagged commit.
    /// Refuses changes to tracked files and an existing tag.
    @discardableResult
    public func tag() throws -> Commit {
        let changed = try repository.changedTrackedFiles()
        guard changed.isEmpty else { throw ReleaseError.changedTrackedFiles(changed) }
        switch try repository.tag(version) {
        case .annotated: throw ReleaseError.tagExists(version)
        case .lightweight: throw ReleaseError.lightweightTag(version)
        case nil: break
        }
        let head = try repository.head()
        try repository.createAnnotatedTag(version, on: head, message: "micsync \(version)")
        return head
    }

    /// The commit and package version of a revision: the version's annotated tag, or HEAD with a VCS version.
    public func source(of revision: Revision) throws -> PackageSource {
        switch revision {
        case .versionTag:
            switch try repository.tag(version) {
            case nil: throw ReleaseError.tagMissing(version)
            case .lightweight: throw ReleaseError.lightweightTag(version)
            case .annotated: break
            }
            let commit = try repository.commit("refs/tags/\(version)")!
            let tagged = try SourceVersion.read(in: commit)
            guard tagged == version else { throw ReleaseError.tagOnOtherVersion(tag: version, source: tagged) }
            return PackageSource(commit: commit, version: version, isRelease: true)
        case .head:
            let head = try repository.head()
            let id = try head.shortID()
            if let tag = try repository.nearestTag(of: head), SourceVersion.isValid(tag.name) {
                return PackageSource(commit: head, version: "\(tag.name).r\(tag.distance).g\(id)", isRelease: false)
            }
            let base = try SourceVersion.read(in: head)
            return PackageSource(commit: head, version: "\(base).r\(try head.ancestorCount()).g\(id)", isRelease: false)
        }
    }

    /// The gzip-compressed tar of the committed tree, the same bytes every time.
    public func tarball(of revision: Revision) throws -> [UInt8] {
        try tarball(of: source(of: revision))
    }

    private func tarball(of source: PackageSource) throws -> [UInt8] {
        var tar = Tar(mtime: source.commit.time)
        try tar.append(path: source.name, kind: .directory)
        for entry in try source.commit.treeEntries() {
            try tar.append(path: "\(source.name)/\(entry.path)", kind: entry.kind)
        }
        return try Gzip.compress(tar.finished())
    }

    /// Writes `micsync-<version>.tar.gz` into `folder`, creating it. A release's tarball that exists with other
    /// bytes is never replaced.
    public func writeTarball(of revision: Revision, into folder: URL) throws -> Tarball {
        let source = try source(of: revision)
        let bytes = try tarball(of: source)
        let url = folder.appendingPathComponent("\(source.name).tar.gz")
        try write(bytes, to: url, once: source.isRelease)
        let sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return Tarball(url: url, sha256: sha256, source: source)
    }

    /// Renders the PKGBUILD for `tarball`, each with its `.SRCINFO`: next to the tarball (using the local file, for
    /// `makepkg -si`) and, for a release only, into the archive of released PKGBUILDs
    /// (`Packaging/arch/archive/<version>/`, downloading the release's tarball), never rewriting one there.
    public func writePKGBUILDs(for tarball: Tarball) throws -> (archived: URL?, offline: URL) {
        let source = tarball.source
        let template = try PKGBUILDTemplate(in: source.commit)
        let home = try ProjectHome.read(in: source.commit)
        func render(_ download: String) -> [UInt8] {
            Array(template.render(version: source.version, url: home, sha256: tarball.sha256, source: download).utf8)
        }
        let offline = tarball.url.deletingLastPathComponent().appendingPathComponent("PKGBUILD")
        try write(render(tarball.url.lastPathComponent), to: offline, once: false)
        try write(
            SRCINFO.render(offline), to: offline.deletingLastPathComponent().appendingPathComponent(".SRCINFO"),
            once: false)
        guard source.isRelease else { return (nil, offline) }

        let archived = archive.appendingPathComponent("\(source.version)/PKGBUILD")
        try write(render(PKGBUILDTemplate.publishedSource), to: archived, once: true)
        try write(
            SRCINFO.render(archived), to: archived.deletingLastPathComponent().appendingPathComponent(".SRCINFO"),
            once: true)
        return (archived, offline)
    }

    /// Writes `bytes`; with `once`, a file that exists with other bytes is an error and is left as it is.
    private func write(_ bytes: [UInt8], to url: URL, once: Bool) throws {
        if once, let existing = try? Data(contentsOf: url) {
            guard existing == Data(bytes) else { throw ReleaseError.releaseWritten(url.path) }
            return
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
    }
}
