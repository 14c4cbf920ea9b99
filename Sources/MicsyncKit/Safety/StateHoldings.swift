import Foundation

/// What a location's `.micsync/` holds besides its lock and marker: every run's trash folder, and the files
/// interrupted copies left in `partial` (rsync goes on from one when the same name is copied again).
public struct StateHoldings: Sendable, Encodable {
    public let trashBytes: Int64
    public let trashFolders: Int
    public let partialBytes: Int64

    /// Of a location of this machine; nil where `.micsync` is missing or not a real folder.
    public init?(of location: Location) {
        guard location.remote == nil, StateFolder(location).problem() == nil else { return nil }
        let top = open(StateFolder(location).path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else { return nil }
        defer { close(top) }
        var info = stat()
        guard fstat(top, &info) == 0 else { return nil }
        let device = info.st_dev
        trashFolders = Trash.timestamps(in: location).count
        trashBytes = Self.bytes(of: "trash", in: top, device: device)
        partialBytes = Self.bytes(of: "partial", in: top, device: device)
    }

    /// `12.3 MB in 4 trash folders, 480 MB of half-copied files`; nil when it holds neither.
    public var summary: String? {
        let trash =
            trashFolders == 0
            ? nil
            : "\(ByteCount.readable(trashBytes)) in "
                + plural(trashFolders, "trash folder", "trash folders")
        let partial = partialBytes == 0 ? nil : "\(ByteCount.readable(partialBytes)) of half-copied files"
        let parts = [trash, partial].compactMap { $0 }
        return parts.isEmpty ? nil : ".micsync holds " + parts.joined(separator: ", ")
    }

    /// The bytes of the regular files below `name` in `parent`, never through a symlink nor onto another
    /// filesystem.
    private static func bytes(of name: String, in parent: Int32, device: dev_t) -> Int64 {
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return 0 }
        guard let listing = fdopendir(folder) else {
            close(folder)
            return 0
        }
        defer { closedir(listing) }
        var total: Int64 = 0
        while let entry = readdir(listing) {
            let child = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard child != ".", child != ".." else { continue }
            var info = stat()
            guard fstatat(folder, child, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_dev == device else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: total += Int64(info.st_size)
            case S_IFDIR: total += bytes(of: child, in: folder, device: device)
            default: break
            }
        }
        return total
    }
}
