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
        var path = Array(root.utf8) + [UInt8(ascii: "/")] + relative + [0]
        var info = stat()
        return path.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) == 0 }
        }
    }

    public static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
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
