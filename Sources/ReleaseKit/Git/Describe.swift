import CGit2

/// The nearest annotated tag reachable from a commit, and how many commits lie between them.
public struct NearestTag: Equatable, Sendable {
    public let name: String
    public let distance: Int
}

extension Repository {
    /// The nearest annotated tag reachable from `commit`, as `git describe --abbrev=0` prints it,
    /// or nil where git says "No names found" (no tags, or lightweight tags only).
    public func describe(_ commit: Commit) throws -> String? {
        try nearestTag(of: commit)?.name
    }

    /// `git describe --long` split into the tag and the distance, or nil where git says "No names found".
    public func nearestTag(of commit: Commit) throws -> NearestTag? {
        var options = git_describe_options()
        try LibGit2.check(git_describe_options_init(&options, UInt32(GIT_DESCRIBE_OPTIONS_VERSION)))
        var result: OpaquePointer?
        let code = git_describe_commit(&result, commit.pointer, &options)
        // libgit2 reports git's "No names found" as a describe error: GIT_ENOTFOUND, or -1 when there are no
        // refs at all.
        if code < 0, let error = git_error_last(), error.pointee.klass == Int32(GIT_ERROR_DESCRIBE.rawValue) {
            return nil
        }
        try LibGit2.check(code)
        defer { git_describe_result_free(result) }

        var format = git_describe_format_options()
        try LibGit2.check(git_describe_format_options_init(&format, UInt32(GIT_DESCRIBE_FORMAT_OPTIONS_VERSION)))
        format.always_use_long_format = 1
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try LibGit2.check(git_describe_format(&buffer, result, &format))
        // "<tag>-<distance>-g<id>": the tag itself may contain dashes, so it is split from the right.
        let parts = String(cString: buffer.ptr).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let distance = Int(parts[parts.count - 2]) else {
            throw GitError(code: -1, message: "unexpected git describe result \(String(cString: buffer.ptr))")
        }
        return NearestTag(name: parts.dropLast(2).joined(separator: "-"), distance: distance)
    }
}
