import Foundation

/// Learns what a location's filesystem keeps by trying it in a scratch folder inside `.micsync/`, removed
/// afterwards (with `.micsync/` itself when the probe made it). The facts are cached per filesystem in
/// micsync's state folder (`filesystems.json`), keyed by `Mount.cacheKey`: type, device, mount point and
/// mount options, which are what decide them. Only a run that writes probes: a dry run, `status`, `diff` and
/// `verify` write nothing anywhere, so they take the cached facts, else what the type is known for.
public struct FilesystemProbe: Sendable {
    let cache: StateFile<[String: FilesystemFacts]>
    /// Whether a filesystem missing from the cache is probed (and the cache written); else its type says.
    let probing: Bool

    public init(cacheFile: String, probing: Bool) {
        cache = StateFile(path: cacheFile, consequence: "every filesystem is then probed again")
        self.probing = probing
    }

    /// Throws when the cache exists but cannot be read.
    func checkCache() throws(MicsyncError) {
        _ = try cache.read()
    }

    /// The profile of `location`'s filesystem: cached, else probed (when `probing`); a filesystem that is
    /// not probed, or cannot be (read-only, full), is taken as keeping everything its type is not known to
    /// lack.
    func profile(of location: Location) -> FilesystemProfile {
        let mount = Mount.holding(location.path)
        let type = mount?.type ?? "unknown"
        // A cache that cannot be read is never replaced here; a run refuses it first (`checkCache`).
        let cached = Result { () throws(MicsyncError) in try cache.read() ?? [:] }
        if let mount, let facts = try? cached.get()[mount.cacheKey] { return FilesystemProfile(facts) }
        guard probing, let facts = probe(location, type: type) else { return .known(type: type) }
        if let mount, case .success = cached {
            // A cache that cannot be written only means probing again next time.
            _ = try? cache.update(from: [:]) { $0[mount.cacheKey] = facts }
        }
        return FilesystemProfile(facts)
    }

    /// Tries each fact in `.micsync/probe-PID/`; nil when no file can be made there.
    func probe(_ location: Location, type: String) -> FilesystemFacts? {
        let folder = StateFolder(location)
        let created = !FileSystem.exists(folder.path)
        var root = stat()
        let rootTimes = stat(location.path, &root) == 0 ? [root.st_atim, root.st_mtim] : nil
        guard folder.problem() == nil, let state = try? LocationMarker.openState(of: location, creating: true) else {
            return nil
        }
        close(state)
        let scratch = folder.path + "/probe-\(getpid())"
        defer {
            Self.removeScratch(scratch)
            if created {
                rmdir(folder.path)
                // The location as it was found: making and removing `.micsync` changed its folder's time.
                if var times = rootTimes { utimensat(AT_FDCWD, location.path, &times, 0) }
            }
        }
        guard mkdir(scratch, 0o700) == 0 else { return nil }
        let file = scratch + "/f"
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        var facts = FilesystemFacts(type: type)
        facts.sparseFiles = Self.keepsHoles(descriptor)
        close(descriptor)

        var info = stat()
        facts.keepsPermissions =
            chmod(file, 0o640) == 0 && lstat(file, &info) == 0 && info.st_mode & 0o777 == 0o640
            && chmod(file, 0o600) == 0 && lstat(file, &info) == 0 && info.st_mode & 0o777 == 0o600
        if geteuid() == 0 {
            facts.keepsOwners = chown(file, 4242, 4242) == 0 && lstat(file, &info) == 0 && info.st_uid == 4242
        }
        facts.symlinks = symlink("f", scratch + "/l") == 0
        facts.hardLinks = link(file, scratch + "/h") == 0
        facts.caseSensitive = Self.create(scratch + "/Case") && !FileSystem.exists(scratch + "/cASE")
        var times = [timespec(tv_sec: 1_600_000_001, tv_nsec: 0), timespec(tv_sec: 1_600_000_001, tv_nsec: 0)]
        facts.keepsOddSeconds =
            utimensat(AT_FDCWD, file, &times, AT_SYMLINK_NOFOLLOW) == 0 && lstat(file, &info) == 0
            && info.st_mtim.tv_sec == 1_600_000_001
        facts.refusedCharacters = String(
            FilesystemProfile.windowsReserved.filter { character in
                character != "/" && !Self.create(scratch + "/c\(character)c")
            })
        facts.refusesTrailingDotOrSpace = ["t.", "s "].contains { name in
            !Self.create(scratch + "/" + name) || !Self.listed(name, in: scratch)
        }
        facts.extendedAttributes = setExtendedAttribute(file, "user.micsync", "1", 1, 0) == 0
        facts.accessControlLists = Self.supportsACLs(file)
        return facts
    }

    private static func create(_ path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// Whether `name` is in the folder exactly as given (a driver may quietly drop a trailing dot).
    private static func listed(_ name: String, in folder: String) -> Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.contains(name) ?? false
    }

    /// A byte written 1 MiB into an empty file: a filesystem that keeps holes does not allocate the gap.
    private static func keepsHoles(_ descriptor: Int32) -> Bool {
        var byte: UInt8 = 1
        guard pwrite(descriptor, &byte, 1, 1 << 20) == 1, fsync(descriptor) == 0 else { return false }
        var info = stat()
        let kept = fstat(descriptor, &info) == 0 && Int64(info.st_blocks) * 512 < 1 << 19
        _ = ftruncate(descriptor, 0)
        return kept
    }

    /// POSIX ACLs are stored as the `system.posix_acl_access` attribute: a filesystem without them says so.
    private static func supportsACLs(_ path: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 256)
        let size = getExtendedAttribute(path, "system.posix_acl_access", &buffer, buffer.count)
        return size >= 0 || ![ENOTSUP, EOPNOTSUPP, ENOSYS].contains(errno)
    }

    private static func removeScratch(_ scratch: String) {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: scratch) {
            for name in names { unlink(scratch + "/" + name) }
        }
        rmdir(scratch)
    }
}

// <sys/xattr.h> is not part of the Glibc module.
@_silgen_name("setxattr")
private func setExtendedAttribute(
    _ path: UnsafePointer<CChar>, _ name: UnsafePointer<CChar>, _ value: UnsafeRawPointer?,
    _ size: Int, _ flags: Int32
) -> Int32
@_silgen_name("getxattr")
private func getExtendedAttribute(
    _ path: UnsafePointer<CChar>, _ name: UnsafePointer<CChar>, _ value: UnsafeMutableRawPointer?,
    _ size: Int
) -> Int
