import Foundation

/// The few questions micsync asks the file system itself; everything that changes files goes through rsync.
public enum FileSystem {
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether something (even a dangling symlink) is at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether something is at `root/relative`, the relative path given as raw bytes (not always UTF-8).
    public static func exists(_ root: String, _ relative: some Collection<UInt8>) -> Bool {
        status(root, relative) != nil
    }

    /// `lstat` of `root/relative` (the symlink itself, not its target), the relative path given as raw bytes.
    public static func status(_ root: String, _ relative: some Collection<UInt8>) -> stat? {
        var path = Array(root.utf8) + [UInt8(ascii: "/")] + relative + [0]
        var info = stat()
        let found = path.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) == 0 }
        }
        return found ? info : nil
    }

    /// The files (anything but a directory) below `path` and their bytes, or `path` itself when it is no
    /// directory; `skipping` names entries of `path` itself to leave out. Walked by raw name bytes, since
    /// FileManager cannot name a file whose name is not UTF-8.
    public static func files(under path: [UInt8], skipping: Set<[UInt8]> = []) -> (count: Int, bytes: Int64) {
        var total: (count: Int, bytes: Int64) = (0, 0)
        forEachFile(under: path, skipping: skipping) { _, size in total = (total.count + 1, total.bytes + size) }
        return total
    }

    /// Calls `visit` with each file below `path` (its path relative to `path`, in directory order, and its
    /// size), or with `path` itself (relative path empty) when it is no directory.
    public static func forEachFile(under path: [UInt8], skipping: Set<[UInt8]> = [],
                                   _ visit: (_ relative: [UInt8], _ size: Int64) -> Void) {
        walk(path, relative: [], skipping: skipping, visit)
    }

    private static func walk(_ path: [UInt8], relative: [UInt8], skipping: Set<[UInt8]>,
                             _ visit: (_ relative: [UInt8], _ size: Int64) -> Void) {
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard lstat(cPath, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else { return visit(relative, Int64(info.st_size)) }
        guard let directory = opendir(cPath) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == Array(".".utf8) || name == Array("..".utf8) || skipping.contains(name) { continue }
            walk(path + [UInt8(ascii: "/")] + name, relative: relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name,
                 skipping: [], visit)
        }
    }

    /// The canonical path with every symlink resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static var homeDirectory: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// micsync's own state (journal, locks): `$XDG_STATE_HOME/micsync`, default `~/.local/state/micsync`.
    public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                      home: String = homeDirectory) -> String {
        let stateHome = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/state"
        return stateHome + "/micsync"
    }

    public static var currentDirectory: String { FileManager.default.currentDirectoryPath }
}
