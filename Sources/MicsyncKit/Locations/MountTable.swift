import Foundation

/// The mounted filesystem holding a path, from `/proc/self/mountinfo`.
struct Mount: Sendable, Equatable {
    let mountPoint: String
    /// The filesystem's device number (`major:minor`) and the folder of that filesystem mounted here
    /// (not `/` for a bind mount).
    let device: String
    let root: String
    /// As the kernel names it: `ext4`, `fuseblk`, `fuse.sshfs`…
    let kernelType: String
    let source: String
    let options: String

    /// The filesystem type users know: `exfat` or `ntfs` for a FUSE driver's `fuseblk` (read from the
    /// device's boot sector when it can be read), `ntfs` for the kernel's `ntfs3`. Escaped: whoever mounts a
    /// FUSE filesystem names its type.
    var type: String {
        switch kernelType {
        case "fuseblk", "fuse": Self.bootSectorType(of: source) ?? kernelType
        case "ntfs3": "ntfs"
        case "msdos": "vfat"
        case let fuse where fuse.hasPrefix("fuse."): DisplayName.readable(String(fuse.dropFirst(5)))
        default: DisplayName.readable(kernelType)
        }
    }

    /// What decides what a filesystem can hold: its type and how it is mounted. The probe's cache key.
    var cacheKey: String { "\(type) \(source) \(mountPoint) \(options)" }

    /// The mount holding `path` (the longest mount point above its real path).
    static func holding(_ path: String) -> Mount? {
        holdingRealPath(FileSystem.realPath(path) ?? path)
    }

    private static func holdingRealPath(_ real: String) -> Mount? {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return nil }
        var best: Mount?
        for line in table.split(separator: "\n") {
            guard let mount = parse(line),
                mount.mountPoint == "/" || real == mount.mountPoint
                    || real.hasPrefix(mount.mountPoint + "/")
            else { continue }
            if (best?.mountPoint.count ?? -1) <= mount.mountPoint.count { best = mount }
        }
        return best
    }

    /// `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue` (proc(5)).
    static func parse(_ line: Substring) -> Mount? {
        let fields = line.split(separator: " ")
        guard let dash = fields.firstIndex(of: "-"), dash >= 6, fields.count >= dash + 3 else { return nil }
        return Mount(
            mountPoint: unescape(fields[4]), device: String(fields[2]), root: unescape(fields[3]),
            kernelType: String(fields[dash + 1]), source: unescape(fields[dash + 2]),
            options: fields.count > dash + 3 ? String(fields[dash + 3]) : "")
    }

    /// The mount table writes a space as `\040` (and a tab, newline and backslash likewise).
    static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        return field.replacingOccurrences(of: "\\040", with: " ").replacingOccurrences(of: "\\011", with: "\t")
            .replacingOccurrences(of: "\\012", with: "\n").replacingOccurrences(of: "\\134", with: "\\")
    }

    /// Where a directory lies inside its filesystem: the device and the path from the filesystem's root.
    /// Two paths reaching one folder through different mounts (bind mounts) have the same place.
    struct Place: Equatable, Sendable {
        let device: String
        let path: String
    }

    /// The place of the existing directory `path` (symlinks resolved); nil when it does not exist.
    static func place(of path: String) -> Place? {
        guard let real = FileSystem.realPath(path), let mount = holdingRealPath(real) else { return nil }
        let rest = mount.mountPoint == "/" ? real : String(real.dropFirst(mount.mountPoint.count))
        let joined = (mount.root == "/" ? "" : mount.root) + rest
        return Place(device: mount.device, path: joined.isEmpty ? "/" : joined)
    }

    /// exFAT, NTFS and FAT name themselves in their first sector.
    static func bootSectorType(of device: String) -> String? {
        let descriptor = open(device, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var sector = [UInt8](repeating: 0, count: 512)
        guard pread(descriptor, &sector, 512, 0) == 512 else { return nil }
        func text(_ offset: Int, _ count: Int) -> String {
            String(decoding: sector[offset..<offset + count], as: UTF8.self)
        }
        if text(3, 8) == "EXFAT   " { return "exfat" }
        if text(3, 8) == "NTFS    " { return "ntfs" }
        if text(82, 5) == "FAT32" || text(54, 3) == "FAT" { return "vfat" }
        return nil
    }
}
