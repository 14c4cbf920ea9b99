import Foundation

/// Where a new location would be made: the filesystem holding its parent folder (device, type, mount point,
/// free space), and whether that parent looks like the mount point of a disc that is not there: an empty
/// folder on the system disc at or below `/media`, `/mnt` or `/run/media`, or at or below a mount point of
/// `/etc/fstab` that is not mounted. A location is never made there, `--create` or not: the folder and all
/// that a run then writes would land on the system disc, and be backed up there by itself.
public struct LandingPlace: Sendable, Equatable, CustomStringConvertible {
    /// Where removable discs are mounted.
    static let removableRoots = ["/media", "/mnt", "/run/media"]

    let device: String
    let type: String
    let mountPoint: String
    let freeBytes: Int64?
    /// Why the parent looks like an absent disc's mount point; nil when it does not.
    public let absentDisc: String?

    /// `/dev/sda1 (ext4, mounted at /media/discB, 1.2 TB free)`, as the filesystem says it, escaped.
    public var description: String {
        let free = freeBytes.map { ", \(ByteCount.readable($0)) free" } ?? ""
        return DisplayName.readable("\(device) (\(type), mounted at \(mountPoint)\(free))")
    }

    /// The place of the existing folder `parent` of this machine; `fstab`: the file listing its mount points.
    static func local(parent: String, fstab: String = "/etc/fstab") -> LandingPlace? {
        let real = FileSystem.realPath(parent) ?? parent
        guard let mount = Mount.holding(real) else { return nil }
        let empty = ((try? FileManager.default.contentsOfDirectory(atPath: real)) ?? [""]).isEmpty
        return LandingPlace(
            device: mount.source, type: mount.type, mountPoint: mount.mountPoint, freeBytes: FileSystem.freeSpace(real),
            absentDisc: absentDisc(
                parent: real, mountPoint: mount.mountPoint, device: mount.source, empty: empty,
                fstabPoint: unmountedFstabPoint(above: real, mountedAt: mount.mountPoint, fstab: fstab)))
    }

    /// The place a host described (`HostScript.facts` on a folder that is not there yet); nil when it did not.
    static func remote(_ facts: [String: String], parent: String) -> LandingPlace? {
        guard let device = facts["parent.device"], let mountPoint = facts["parent.mount"] else { return nil }
        return LandingPlace(
            device: device, type: facts["parent.fstype"] ?? "unknown", mountPoint: mountPoint,
            freeBytes: facts["parent.free"].flatMap { Int64($0) }.map { $0 * 1024 },
            absentDisc: absentDisc(
                parent: parent, mountPoint: mountPoint, device: device, empty: facts["parent.empty"] == "1",
                fstabPoint: facts["parent.fstab"]))
    }

    /// Why `parent`, on the filesystem mounted at `mountPoint`, looks like where a disc is missing; nil when
    /// it does not: it is a mount point itself, or an ordinary folder.
    static func absentDisc(
        parent: String, mountPoint: String, device: String, empty: Bool, fstabPoint: String?
    ) -> String? {
        guard parent != mountPoint else { return nil }
        if let fstabPoint {
            return DisplayName.readable(
                "\(fstabPoint) is where /etc/fstab mounts a disc, and none is mounted there (the folder is on "
                    + "\(device), \(mountPoint))")
        }
        guard empty, within(parent, removableRoots), !within(mountPoint, removableRoots) else { return nil }
        return DisplayName.readable(
            "\(parent) is an empty folder on the system disc (\(device), \(mountPoint)), not a mounted disc")
    }

    /// The mount point of `fstab` at or above `path` and below `mountedAt` (the deepest mount holding
    /// `path`): listed there, and not mounted now.
    static func unmountedFstabPoint(above path: String, mountedAt: String, fstab: String) -> String? {
        guard case .success(let data) = FileSystem.contents(of: fstab, limit: 1 << 20) else { return nil }
        let points = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, !fields[0].hasPrefix("#"), fields[1].hasPrefix("/") else { return nil }
            return PathResolver.normalize(Mount.unescape(fields[1]))
        }
        return points.filter { within(path, [$0]) && $0.count > mountedAt.count }.min { $0.count < $1.count }
    }

    /// Whether `path` is one of `roots` or below one.
    private static func within(_ path: String, _ roots: [String]) -> Bool {
        roots.contains { path == $0 || path.hasPrefix($0 == "/" ? "/" : $0 + "/") }
    }
}
