import Foundation

/// Whether a path lies on a single spinning disc, where several walks at once only make its heads seek to
/// and fro, from what the kernel says of the block device below it (`queue/rotational`). A filesystem with
/// no block device of its own (tmpfs, a network share) is not one; a loop device is what its backing file
/// lies on; a device-mapper device (LVM, LUKS) is the disc below it, and a RAID of several discs is no single
/// disc.
enum SpinningDisc {
    /// `sysfs`: where the kernel's `/sys` is read (a test gives a tree of its own).
    static func holds(_ path: String, sysfs: String = "/sys") -> Bool {
        holds(path, sysfs: sysfs, depth: 0)
    }

    /// `depth`: how many devices below the first one this looks through, so that no loop of them is endless.
    private static func holds(_ path: String, sysfs: String, depth: Int) -> Bool {
        guard depth < 8, let device = blockDevice(of: path, sysfs: sysfs) else { return false }
        return spins(device, sysfs: sysfs, depth: depth)
    }

    /// The device's folder in `/sys`, the whole disc rather than a partition: from the path's device number,
    /// else (a FUSE filesystem such as exFAT or NTFS) from the `/dev/…` it is mounted from.
    private static func blockDevice(of path: String, sysfs: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if let folder = FileSystem.realPath(sysfs + "/dev/block/" + number(UInt64(info.st_dev))) {
            return whole(folder)
        }
        guard let source = Mount.holding(path)?.source, source.hasPrefix("/dev/"),
            let node = FileSystem.realPath(source),
            let folder = FileSystem.realPath(sysfs + "/class/block/" + (node as NSString).lastPathComponent)
        else { return nil }
        return whole(folder)
    }

    /// A device number as `/sys/dev/block` names it: `major:minor`, decoded as glibc's `major()`/`minor()` do.
    static func number(_ device: UInt64) -> String {
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff)
        let minor = (device & 0xff) | ((device >> 12) & ~0xff)
        return "\(major):\(minor)"
    }

    private static func whole(_ folder: String) -> String {
        FileSystem.exists(folder + "/partition") ? (folder as NSString).deletingLastPathComponent : folder
    }

    private static func spins(_ folder: String, sysfs: String, depth: Int) -> Bool {
        if let backing = text(folder + "/loop/backing_file") { return holds(backing, sysfs: sysfs, depth: depth + 1) }
        let below = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/slaves")) ?? []
        if !below.isEmpty {
            guard below.count == 1, let disc = FileSystem.realPath(folder + "/slaves/" + below[0]) else { return false }
            return depth < 8 && spins(whole(disc), sysfs: sysfs, depth: depth + 1)
        }
        // The kernel marks a virtual disc rotational unless told otherwise, whatever stores it: the flag
        // says nothing there.
        let driver = FileSystem.realPath(folder + "/device/driver").map { ($0 as NSString).lastPathComponent }
        if let driver, ["virtio_blk", "xen_blkfront"].contains(driver) { return false }
        return text(folder + "/queue/rotational") == "1"
    }

    private static func text(_ path: String) -> String? {
        guard case .success(let data) = FileSystem.contents(of: path, limit: 4096) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
