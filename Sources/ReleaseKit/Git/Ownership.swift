import CGit2
import Foundation

/// git's `safe.directory`: libgit2 1.5 honours listed paths but not `*`, which git reads as "trust every owner".
enum Ownership {
    /// Turns libgit2's owner check off when the user's or the system's git configuration has `safe.directory = *`.
    static func acceptEveryOwnerWhenConfigured() throws {
        guard safeDirectories().contains("*") else { return }
        try LibGit2.check(cgit2_set_owner_validation(0))
    }

    /// Every `safe.directory` value of the global, XDG and system configuration (never a repository's own).
    static func safeDirectories() -> [String] {
        var config: OpaquePointer?
        guard git_config_open_default(&config) == 0 else { return [] }
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        guard git_config_multivar_iterator_new(&iterator, config, "safe.directory", nil) == 0 else { return [] }
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let value = entry?.pointee.value {
            let path = String(cString: value)
            // As in git, an empty value forgets the entries before it.
            if path.isEmpty { values.removeAll() } else { values.append(path) }
        }
        return values
    }

    /// The working tree of the repository around `folder` when it opens only without the owner check, else nil.
    static func rootIgnoringOwner(of folder: URL) -> String? {
        guard cgit2_set_owner_validation(0) == 0 else { return nil }
        defer { _ = cgit2_set_owner_validation(1) }
        var repository: OpaquePointer?
        guard git_repository_open_ext(&repository, folder.path, 0, nil) == 0 else { return nil }
        defer { git_repository_free(repository) }
        guard let path = git_repository_workdir(repository) ?? git_repository_path(repository) else { return nil }
        return URL(fileURLWithPath: String(cString: path), isDirectory: true).standardizedFileURL.path
    }
}
