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
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard lstat(cPath, &info) == 0 else { return (0, 0) }
        guard info.st_mode & S_IFMT == S_IFDIR else { return (1, Int64(info.st_size)) }
        guard let directory = opendir(cPath) else { return (0, 0) }
        defer { closedir(directory) }
        var total: (count: Int, bytes: Int64) = (0, 0)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == Array(".".utf8) || name == Array("..".utf8) || skipping.contains(name) { continue }
            let inner = files(under: path + [UInt8(ascii: "/")] + name)
            total = (total.count + inner.count, total.bytes + inner.bytes)
        }
        return total
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
