import Foundation

/// One copy of one file (or symlink) that a location holds: its current copy, or one kept in a trash folder.
/// Its `modified` time is when it became current; the trash folder's time is when it was replaced.
public struct FileVersion: Sendable, Hashable {
    public enum Kind: String, Sendable, Encodable {
        case file, symlink, other
    }

    public let location: Location
    /// The trash folder holding it; nil for the location's current copy.
    public let trash: String?
    /// When it was replaced or deleted: its trash folder's time; nil for a current copy.
    public let replaced: Date?
    /// Relative to the location root, as raw bytes.
    public let path: [UInt8]
    public let kind: Kind
    public let size: Int64
    /// Its modification time, in whole seconds.
    public let modified: Date
    /// When this copy came to be where it is, as far as its filesystem tells (its birth time, or for a
    /// current copy in a WORKING the time of its last change of any kind); nil where nothing tells.
    let arrived: Date?
    /// POSIX `cksum` of its content, when asked for (`--checksum`).
    public var checksum: UInt32?

    /// `replaced`: the time of the trash folder `trash` (`Trash.date(of:)`), read once per folder by the caller.
    init(
        location: Location, trash: String?, replaced: Date?, path: [UInt8], kind: Kind, size: Int64, modified: Date,
        arrived: Date?, checksum: UInt32? = nil
    ) {
        self.location = location
        self.trash = trash
        self.replaced = replaced
        self.path = path
        self.kind = kind
        self.size = size
        self.modified = modified
        self.arrived = arrived
        self.checksum = checksum
    }

    /// The same content as `other`, as far as `byContent` looks: size and modification time, or size
    /// and checksum.
    public func isIdentical(to other: FileVersion, byContent: Bool) -> Bool {
        guard kind == other.kind, size == other.size else { return false }
        return byContent && checksum != nil ? checksum == other.checksum : modified == other.modified
    }

    /// Where it is, as a person reads it (`Location.place`).
    public var place: String { location.place(trash: trash) }
}

extension Location {
    /// The location, or one of its trash folders, as a person reads it: `BACKUP /mnt/b1`,
    /// `BACKUP /srv/backup on nas, trash 20261204T221002Z`.
    public func place(trash: String?) -> String {
        (remote.map { "\(role.rawValue) \($0.directory) on \($0.destination)" } ?? heading)
            + (trash.map { ", trash \($0)" } ?? "")
    }
}

extension DisplayName {
    /// A path relative to its location as messages show it: escaped, the location's root as `.`.
    public static func inLocation(_ relative: String) -> String {
        relative.isEmpty ? "." : readable(RawPath.bytes(relative))
    }
}
