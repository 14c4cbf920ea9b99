import Foundation

/// micsync's own folder inside a location, `.micsync/`, and the folders below it (trash, partial, tmp).
/// A disc can carry anything there, planted or by accident: each is used only when it is a real directory
/// on the location's own filesystem, checked with `lstat` right before use and created without following
/// symlinks, so that micsync's writes never leave the location.
struct StateFolder: Sendable {
    static let name = ".micsync"
    /// The folders rsync writes into: the trash root, half-copied files, rsync's temporary files.
    static let parts = ["trash", "partial", "tmp"]

    let location: Location

    init(_ location: Location) {
        self.location = location
    }

    /// On the machine that holds the location (the host's path for a remote one, as rsync's options need it).
    var path: String { location.directory + "/" + Self.name }
    var partial: String { path + "/partial" }
    /// rsync's temporary files, relative to the location.
    static let temporaryInLocation = name + "/tmp"

    /// Why micsync must not use this location (a symlink or a file where its folders belong); nil when each
    /// is a real directory or absent. `device`: the location's, when the caller has just looked.
    func problem(device known: UInt64? = nil) -> String? {
        var root = stat()
        guard let device = known ?? (stat(location.path, &root) == 0 ? UInt64(root.st_dev) : nil) else { return nil }
        for relative in [Self.name] + Self.parts.map({ Self.name + "/" + $0 }) {
            var info = stat()
            guard lstat(location.path + "/" + relative, &info) == 0 else {
                // No `.micsync` at all: nothing below it to look at.
                if relative == Self.name { return nil }
                continue
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK { return refusal(relative, "is a symlink") }
            if kind != S_IFDIR { return refusal(relative, "is not a folder") }
            if UInt64(info.st_dev) != device { return refusal(relative, "is another filesystem") }
        }
        return nil
    }

    /// Throws the refusal when a folder of micsync's is not a real directory.
    func check() throws(MicsyncError) {
        if let problem = problem() { throw .notFound(problem) }
    }

    /// Checks, then creates `.micsync/` and the folders rsync needs to exist (partial, tmp) that are
    /// missing, each with `mkdirat` in a directory opened with `O_NOFOLLOW`; the trash root too, where it
    /// can be made, for a run that may keep something there (`trash`), its own folder being rsync's to make:
    /// rsync's generator and receiver both make what is missing of the trash path, and where two levels are
    /// missing one of them can lose that race and end the pass (exit 11).
    func prepare(trash: Bool) throws(MicsyncError) {
        try check()
        let top = open(location.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { throw failure(location.path) }
        defer { close(top) }
        let state = try Self.openDirectory(Self.name, in: top, creating: true, describe: path)
        defer { close(state) }
        for part in Self.parts where part != "trash" {
            let folder = try Self.openDirectory(part, in: state, creating: true, describe: path + "/" + part)
            if part == "tmp" { Self.removeFiles(in: folder) }
            close(folder)
        }
        // A trash root that cannot be made (a read-only disc) is for the pass to report, as rsync says it.
        if trash { mkdirat(state, "trash", 0o755) }
    }

    /// Removes the half-copied files in `.micsync/partial` whose names are not in `keeping` (the caller holds
    /// the lock); plain files only, by descriptor, and nothing is made.
    func removePartialFiles(keeping names: Set<[UInt8]>) {
        let top = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else { return }
        defer { close(top) }
        let folder = openat(top, "partial", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer { close(folder) }
        Self.removeFiles(in: folder) { !names.contains($0) }
    }

    /// rsync's temporary files left by a run that was killed: only ever written while the location's lock is
    /// held, so any found by the holder of that lock is stale. Plain files only, by descriptor.
    private static func removeFiles(in folder: Int32, where chosen: ([UInt8]) -> Bool = { _ in true }) {
        let copy = dup(folder)
        guard copy >= 0 else { return }
        guard let listing = fdopendir(copy) else {
            close(copy)
            return
        }
        defer { closedir(listing) }
        var names: [[UInt8]] = []
        while let entry = readdir(listing) {
            guard entry.pointee.d_type == DT_REG else { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if chosen(name) { names.append(name) }
        }
        for name in names { unlinkat(folder, (name + [0]).map { CChar(bitPattern: $0) }, 0) }
    }

    /// `name` in `parent` as a directory descriptor, never through a symlink; created first when asked.
    static func openDirectory(_ name: String, in parent: Int32, creating: Bool, describe: String) throws(MicsyncError)
        -> Int32
    {
        if creating, mkdirat(parent, name, 0o755) != 0, errno != EEXIST { throw failure(describe) }
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ELOOP || errno == ENOTDIR
                ? .notFound("\(describe) is not a real folder (a symlink?); micsync will not use it")
                : failure(describe)
        }
        return descriptor
    }

    private func refusal(_ relative: String, _ what: String) -> String {
        "\(location.heading): \(location.path)/\(relative) \(what); micsync does not use this location "
            + "until it is removed"
    }

    private static func failure(_ path: String) -> MicsyncError {
        .io("cannot use \(path): \(String(cString: strerror(errno)))")
    }

    private func failure(_ path: String) -> MicsyncError { Self.failure(path) }
}
