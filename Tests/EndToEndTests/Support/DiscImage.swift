import Foundation
import Testing

/// A real filesystem in a small image file, loop-mounted at a folder of a sandbox (as root), unmounted and
/// detached when the value goes away.
final class DiscImage {
    enum Kind: String, CustomStringConvertible {
        case exfat, ntfs
        /// The kernel's own driver: what a Linux user's external disc often is.
        case ext4
        var description: String { rawValue }

        /// The FAT-like discs a user plugs in from other systems, through their FUSE drivers.
        static let foreign: [Kind] = [.exfat, .ntfs]
    }

    let kind: Kind
    let image: String
    let mountPoint: String
    private(set) var device: String?

    /// Why these tests cannot run here, or nil when they can (root, /dev/fuse, a loop device, the tools).
    static let unavailable: String? = {
        if geteuid() != 0 { return "needs root to mount loop devices" }
        if !FileManager.default.fileExists(atPath: "/dev/fuse") { return "no /dev/fuse" }
        if !FileManager.default.fileExists(atPath: "/dev/loop-control") { return "no loop devices" }
        for tool in [
            "/usr/sbin/mkfs.exfat", "/usr/sbin/mount.exfat-fuse", "/usr/sbin/mkntfs", "/usr/bin/ntfs-3g",
            "/usr/sbin/losetup",
        ]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing (make test-deps installs exfat-fuse, exfatprogs, ntfs-3g)"
        }
        return nil
    }()
    static var available: Bool { unavailable == nil }

    /// Why an ext4 disc cannot be made here, or nil when it can (root, a loop device, mkfs.ext4).
    static let ext4Unavailable: String? = {
        if geteuid() != 0 { return "needs root to mount loop devices" }
        if !FileManager.default.fileExists(atPath: "/dev/loop-control") { return "no loop devices" }
        for tool in ["/usr/sbin/mkfs.ext4", "/usr/sbin/losetup"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing"
        }
        return nil
    }()

    /// Makes a fresh `kind` filesystem in `box` at `image` and mounts it at `mountPoint` (both relative to the
    /// sandbox, or `mountPoint` absolute), unless it is to be plugged in later (`mount()`).
    init(
        _ kind: Kind, in box: Sandbox, image: String = "disc.img", mountPoint: String = "disc", megabytes: Int = 8,
        mounted: Bool = true
    ) throws {
        self.kind = kind
        self.image = box.path(image)
        self.mountPoint = mountPoint.hasPrefix("/") ? mountPoint : box.path(mountPoint)
        try FileManager.default.createDirectory(atPath: self.mountPoint, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: self.image, contents: nil),
            truncate(self.image, off_t(megabytes) << 20) == 0
        else { throw POSIXError(.EIO) }
        try format()
        if mounted { try mount() }
    }

    deinit { unmount() }

    /// Formats the image afresh (unmounted): a reformatted disc.
    func format() throws {
        switch kind {
        case .exfat: try Self.run("/usr/sbin/mkfs.exfat", [image])
        case .ntfs: try Self.run("/usr/sbin/mkntfs", ["-F", "-q", "-f", image])
        case .ext4: try Self.run("/usr/sbin/mkfs.ext4", ["-q", "-F", image])
        }
    }

    func mount() throws {
        let device = try Self.run("/usr/sbin/losetup", ["-f", "--show", image]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        self.device = device
        switch kind {
        case .exfat: try Self.run("/usr/sbin/mount.exfat-fuse", [device, mountPoint])
        case .ntfs: try Self.run("/usr/bin/ntfs-3g", [device, mountPoint])
        case .ext4: try Self.run("/usr/bin/mount", [device, mountPoint])
        }
    }

    /// Unmounts (the mount point stays, empty) and detaches the loop device. A disc that a waiting run holds
    /// open (its lock) is detached lazily, as a disc pulled out would be: gone from the path at once.
    func unmount() {
        guard let device else { return }
        if (try? Self.run("/usr/bin/umount", [mountPoint])) == nil {
            _ = try? Self.run("/usr/bin/umount", ["-l", mountPoint])
        }
        Self.waitForDriverToEnd(on: device)
        _ = try? Self.run("/usr/sbin/losetup", ["-d", device])
        self.device = nil
    }

    /// `umount` of a FUSE filesystem returns before its driver has written everything and exited: a disc
    /// mounted again meanwhile would be read by a second driver as the first left it, half written. Waits (up
    /// to 10 s) until no process is left that was started on `device`.
    private static func waitForDriverToEnd(on device: String) {
        for _ in 0..<200 {
            let drivers = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
                guard Int(pid) != nil,
                    let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)
                else { return false }
                return command.split(separator: "\0").contains { $0 == device }
            }
            if drivers.isEmpty { return }
            usleep(50_000)
        }
    }

    /// Runs a system tool with only stdin, stdout and stderr open, its output in a file: a FUSE driver stays
    /// in the background holding every descriptor it was given, so a pipe of ours would never close.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let log = NSTemporaryDirectory() + "micsync-disc-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let script =
            #"for fd in /proc/self/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; "#
            + #"log=$1; shift; exec "$@" >"$log" 2>&1 </dev/null"#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, "bash", log, tool] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw POSIXError(.EIO, userInfo: [NSLocalizedDescriptionKey: "\(tool) \(arguments): \(text)"])
        }
        return text
    }
}
