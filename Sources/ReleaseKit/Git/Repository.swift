import CGit2
import Foundation

/// A git repository with a working tree, opened from its root or any folder inside it.
public final class Repository {
    let pointer: OpaquePointer
    /// The root of the working tree.
    public let root: URL

    public init(containing folder: URL) throws {
        _ = LibGit2.initialized
        var repository: OpaquePointer?
        try LibGit2.check(git_repository_open_ext(&repository, folder.path, 0, nil))
        pointer = repository!
        guard let workdir = git_repository_workdir(pointer) else {
            git_repository_free(pointer)
            throw GitError(code: -1, message: "\(folder.path) is a bare repository: run from a working tree")
        }
        root = URL(fileURLWithPath: String(cString: workdir), isDirectory: true).standardizedFileURL
    }

    deinit { git_repository_free(pointer) }

    /// The commit a revision such as `HEAD` or `refs/tags/1.0` points at, or nil when there is none.
    public func commit(_ revision: String) throws -> Commit? {
        var object: OpaquePointer?
        guard try LibGit2.found(git_revparse_single(&object, pointer, "\(revision)^{commit}")) else { return nil }
        return Commit(pointer: object!, repository: self)
    }

    /// The commit HEAD points at.
    public func head() throws -> Commit {
        var object: OpaquePointer?
        try LibGit2.check(git_revparse_single(&object, pointer, "HEAD^{commit}"))
        return Commit(pointer: object!, repository: self)
    }
}

/// A commit, kept alive together with its repository.
public final class Commit {
    let pointer: OpaquePointer
    let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_commit_free(pointer) }

    /// Committer time, in seconds since 1970.
    public var time: Int64 { git_commit_time(pointer) }

    /// The full hexadecimal object id.
    public var id: String { String(cString: git_oid_tostr_s(git_commit_id(pointer))) }
}
