import Foundation

/// Deletes a folder and everything below it the careful way: by descriptor (`openat`, `unlinkat`), never
/// following a symlink (a symlink is removed, not what it points to) and never entering another
/// filesystem mounted below (such a folder is left and named in the error).
enum SafeRemoval {
    /// Removes `name` (raw bytes) from the open directory `parent`, whose filesystem is `device`.
    static func remove(_ name: [CChar], in parent: Int32, device: UInt64, describe: String) throws(MicsyncError) {
        var info = stat()
        guard fstatat(parent, name + [0], &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return }
            throw failure(describe)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard UInt64(info.st_dev) == device else {
                throw .io("cannot delete \(describe): another filesystem is mounted there; it was left alone")
            }
            let folder = openat(parent, name + [0], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { throw failure(describe) }
            guard let listing = fdopendir(folder) else {
                let error = failure(describe)
                close(folder)
                throw error
            }
            var entries: [[CChar]] = []
            while let entry = readdir(listing) {
                let entryName = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                    .map { CChar(bitPattern: $0) }
                if entryName != [46], entryName != [46, 46] { entries.append(entryName) }
            }
            defer { closedir(listing) }
            for entry in entries {
                try remove(
                    entry, in: folder, device: device,
                    describe: describe + "/" + DisplayName.readable(entry.map { UInt8(bitPattern: $0) }))
            }
            guard unlinkat(parent, name + [0], AT_REMOVEDIR) == 0 else { throw failure(describe) }
        } else {
            guard unlinkat(parent, name + [0], 0) == 0 || errno == ENOENT else { throw failure(describe) }
        }
    }

    private static func failure(_ describe: String) -> MicsyncError {
        .io("cannot delete \(describe): \(String(cString: strerror(errno)))")
    }
}
