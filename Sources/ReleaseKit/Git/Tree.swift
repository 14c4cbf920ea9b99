import CGit2

/// One entry of a committed tree, with a path relative to the tree's root.
public struct TreeEntry: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case directory
        case file(contents: [UInt8], executable: Bool)
        case symlink(target: String)
    }

    public let path: String
    public let kind: Kind
}

extension Commit {
    /// Every entry of the commit's tree, depth first, folders before what they contain.
    /// A submodule becomes an empty folder, as in `git archive`.
    public func treeEntries() throws -> [TreeEntry] {
        var tree: OpaquePointer?
        try LibGit2.check(git_commit_tree(&tree, pointer))
        defer { git_tree_free(tree) }
        var entries: [TreeEntry] = []
        try repository.collect(tree!, prefix: "", into: &entries)
        return entries
    }
}

extension Repository {
    fileprivate func collect(_ tree: OpaquePointer, prefix: String, into entries: inout [TreeEntry]) throws {
        for index in 0..<git_tree_entrycount(tree) {
            let entry = git_tree_entry_byindex(tree, index)
            let path = prefix + String(cString: git_tree_entry_name(entry))
            let id = git_tree_entry_id(entry)
            switch git_tree_entry_filemode(entry) {
            case GIT_FILEMODE_TREE:
                entries.append(TreeEntry(path: path, kind: .directory))
                var subtree: OpaquePointer?
                try LibGit2.check(git_tree_lookup(&subtree, pointer, id))
                defer { git_tree_free(subtree) }
                try collect(subtree!, prefix: path + "/", into: &entries)
            case GIT_FILEMODE_COMMIT:
                entries.append(TreeEntry(path: path, kind: .directory))
            case GIT_FILEMODE_LINK:
                let target = try blob(id)
                entries.append(TreeEntry(path: path, kind: .symlink(target: String(decoding: target, as: UTF8.self))))
            case let mode:
                let executable = mode == GIT_FILEMODE_BLOB_EXECUTABLE
                entries.append(TreeEntry(path: path, kind: .file(contents: try blob(id), executable: executable)))
            }
        }
    }

    func blob(_ id: UnsafePointer<git_oid>?) throws -> [UInt8] {
        var blob: OpaquePointer?
        try LibGit2.check(git_blob_lookup(&blob, pointer, id))
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }
}

extension Commit {
    /// The committed contents of the file at `path` (relative to the root), or nil when the commit has no such file.
    public func file(_ path: String) throws -> [UInt8]? {
        var tree: OpaquePointer?
        try LibGit2.check(git_commit_tree(&tree, pointer))
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        guard try LibGit2.found(git_tree_entry_bypath(&entry, tree, path)) else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        return try repository.blob(git_tree_entry_id(entry))
    }
}
