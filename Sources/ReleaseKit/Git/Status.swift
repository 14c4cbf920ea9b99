import CGit2

extension Repository {
    /// Paths of tracked files whose index or working copy differs from HEAD; untracked and ignored files don't count.
    public func changedTrackedFiles() throws -> [String] {
        var options = git_status_options()
        try LibGit2.check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)))
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        var list: OpaquePointer?
        try LibGit2.check(git_status_list_new(&list, pointer, &options))
        defer { git_status_list_free(list) }

        return (0..<git_status_list_entrycount(list)).compactMap { index in
            guard let entry = git_status_byindex(list, index)?.pointee else { return nil }
            let delta = entry.index_to_workdir ?? entry.head_to_index
            return delta.flatMap { $0.pointee.new_file.path ?? $0.pointee.old_file.path }.map { String(cString: $0) }
        }
    }
}
