import CGit2

extension Repository {
    public func tagExists(_ name: String) throws -> Bool {
        var id = git_oid()
        return try LibGit2.found(git_reference_name_to_id(&id, pointer, "refs/tags/\(name)"))
    }

    /// Creates the annotated tag `name` on `commit`, signed by the user's configured name and e-mail.
    /// Fails when the tag exists.
    public func createAnnotatedTag(_ name: String, on commit: Commit, message: String) throws {
        var tagger: UnsafeMutablePointer<git_signature>?
        do {
            try LibGit2.check(git_signature_default(&tagger, pointer))
        } catch let error as GitError {
            throw GitError(code: error.code, message: "\(error.message): set user.name and user.email in git's configuration")
        }
        defer { git_signature_free(tagger) }
        var id = git_oid()
        try LibGit2.check(git_tag_create(&id, pointer, name, commit.pointer, tagger, message, 0))
    }
}
