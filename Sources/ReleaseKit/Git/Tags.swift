import CGit2

extension Repository {
    public enum TagKind: Sendable { case annotated, lightweight }

    /// Whether `refs/tags/<name>` exists, and whether it is an annotated tag object or points straight at a commit.
    public func tag(_ name: String) throws -> TagKind? {
        var object: OpaquePointer?
        guard try LibGit2.found(git_revparse_single(&object, pointer, "refs/tags/\(name)")) else { return nil }
        defer { git_object_free(object) }
        return git_object_type(object) == GIT_OBJECT_TAG ? .annotated : .lightweight
    }

    /// Creates the annotated tag `name` on `commit`, signed by the user's configured name and e-mail.
    /// Fails when the tag exists.
    public func createAnnotatedTag(_ name: String, on commit: Commit, message: String) throws {
        var tagger: UnsafeMutablePointer<git_signature>?
        do {
            try LibGit2.check(git_signature_default(&tagger, pointer))
        } catch let error as GitError {
            throw GitError(
                code: error.code, message: "\(error.message): set user.name and user.email in git's configuration")
        }
        defer { git_signature_free(tagger) }
        var id = git_oid()
        try LibGit2.check(git_tag_create(&id, pointer, name, commit.pointer, tagger, message, 0))
    }
}
