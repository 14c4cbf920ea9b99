import CGit2
import Foundation

/// A git repository with a working tree and at least one commit, opened from its root or any folder inside it.
public final class Repository {
    let pointer: OpaquePointer
    /// The root of the working tree.
    public let root: URL

    public init(containing folder: URL) throws {
        _ = LibGit2.initialized
        try Ownership.acceptEveryOwnerWhenConfigured()
        var repository: OpaquePointer?
        let code = git_repository_open_ext(&repository, folder.path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EOWNER.rawValue {
            // libgit2 1.5 reports another owner as "not found": a second look without the check tells them apart.
            if let root = Ownership.rootIgnoringOwner(of: folder) { throw ReleaseError.ownedByAnotherUser(root) }
            throw ReleaseError.notARepository(folder.standardizedFileURL.path)
        }
        try LibGit2.check(code)
        pointer = repository!
        guard let workdir = git_repository_workdir(pointer) else {
            git_repository_free(pointer)
            throw GitError(code: -1, message: "\(folder.path) is a bare repository: run from a working tree")
        }
        root = URL(fileURLWithPath: String(cString: workdir), isDirectory: true).standardizedFileURL
        // History is walked for the tag and the VCS version; a shallow clone has only its tip.
        // (Thrown from here on, deinit frees the repository.)
        if git_repository_is_shallow(pointer) == 1 { throw ReleaseError.shallowClone(root.path) }
        if git_repository_head_unborn(pointer) == 1 { throw ReleaseError.noCommits(root.path) }
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

    /// The shortest unambiguous id of at least 7 digits, as git abbreviates it.
    public func shortID() throws -> String {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try LibGit2.check(git_object_short_id(&buffer, pointer))
        return String(cString: buffer.ptr)
    }

    /// How many commits are reachable from this one, itself included (`git rev-list --count`).
    public func ancestorCount() throws -> Int {
        var walk: OpaquePointer?
        try LibGit2.check(git_revwalk_new(&walk, repository.pointer))
        defer { git_revwalk_free(walk) }
        try LibGit2.check(git_revwalk_push(walk, git_commit_id(pointer)))
        var id = git_oid()
        var count = 0
        while true {
            let code = git_revwalk_next(&id, walk)
            if code == GIT_ITEROVER.rawValue { return count }
            try LibGit2.check(code)
            count += 1
        }
    }
}
