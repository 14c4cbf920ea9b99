import Foundation

/// The two kinds of location a configuration links together.
public enum Role: String, Sendable, CaseIterable {
    case working = "WORKING"
    case backup = "BACKUP"

    /// The key that lists this role's locations in the config file.
    var configKey: String { self == .working ? "work" : "backup" }
}

/// A directory named in a configuration, with everything below it.
public struct Location: Sendable, Hashable, CustomStringConvertible {
    public let role: Role
    /// Position in the configuration's list for this role: what menus, `--from` and `--to` number.
    public let index: Int
    /// Absolute, normalised, symlinks resolved where the directory exists.
    public let path: String
    /// Absolute and normalised, symlinks kept: the location as its configuration spells it, which is what
    /// its identity is remembered by, so that a symlink re-pointed elsewhere is another location.
    public let identityKey: String
    /// Where it lives when that is another host (then `path` is its spelling, `host:/abs`); nil when local.
    public let remote: RemotePath?

    public init(role: Role, index: Int, path: String, spelled: String? = nil) {
        self.role = role
        self.index = index
        self.path = path
        identityKey = spelled ?? path
        remote = RemotePath.parse(path).flatMap { try? $0.get() }
    }

    /// The directory on the machine that holds it: `path`, or the path on the remote host.
    public var directory: String { remote?.directory ?? path }

    /// `pathInside` (a path below `directory`) as rsync names it: with `host:` when the location is remote.
    func rsyncName(_ pathInside: String) -> String { remote?.rsyncName(pathInside) ?? pathInside }

    public var description: String { path }

    /// "BACKUP /mnt/disc1": how messages name a location.
    public var heading: String { "\(role.rawValue) \(path)" }

    /// Whether `absolutePath` is this location's root or lies below it.
    public func contains(_ absolutePath: String) -> Bool {
        absolutePath == path || absolutePath.hasPrefix(path == "/" ? "/" : path + "/")
    }

    /// `absolutePath` relative to the root ("" for the root itself); nil when outside.
    func relativePath(of absolutePath: String) -> String? {
        guard contains(absolutePath) else { return nil }
        return String(absolutePath.dropFirst(path.count).drop { $0 == "/" })
    }
}

/// One CONFIGURATION: WORKING and BACKUP locations that belong together, and their options.
public struct Configuration: Sendable {
    static let defaultMaxDeletePercent = 50.0

    public let name: String
    public let working: [Location]
    public let backups: [Location]
    /// rsync filter patterns applied to every action of this configuration.
    public let exclude: [String]
    public let trash: Bool
    public let maxDeletePercent: Double
    /// `"xattrs"` and `"acls"`: whether every run keeps them (default: neither).
    public let extendedMetadata: ExtendedMetadata
    /// `"auto"`: when it backs up by itself (default: never).
    public let auto: AutoSchedule
    /// `"keep"`: which trash folders each successful run leaves in the locations it wrote (default: all).
    public let keep: KeepPolicy?
    /// `"remind"`: how old a BACKUP may get before it is overdue, per BACKUP (its index); none: never.
    let reminders: [Int: Interval]

    init(
        name: String, working: [Location], backups: [Location], exclude: [String] = [],
        trash: Bool = true, maxDeletePercent: Double = Configuration.defaultMaxDeletePercent,
        extendedMetadata: ExtendedMetadata = ExtendedMetadata(), auto: AutoSchedule = .off, keep: KeepPolicy? = nil,
        reminders: [Int: Interval] = [:]
    ) {
        self.name = name
        self.working = working
        self.backups = backups
        self.exclude = exclude
        self.trash = trash
        self.maxDeletePercent = maxDeletePercent
        self.extendedMetadata = extendedMetadata
        self.auto = auto
        self.keep = keep
        self.reminders = reminders
    }

    public var locations: [Location] { working + backups }

    /// Whether a BACKUP of it has a `remind`.
    public var reminds: Bool { !reminders.isEmpty }

    /// How old `backup` may get before it is overdue (its own `remind`, else the configuration's); nil: no limit.
    public func remind(_ backup: Location) -> Interval? {
        backup.role == .backup ? reminders[backup.index] : nil
    }

    public func locations(_ role: Role) -> [Location] { role == .working ? working : backups }
}

/// The configurations of one config file.
public struct ConfigSet: Sendable {
    public let configurations: [Configuration]
}
