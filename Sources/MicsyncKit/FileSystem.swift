import Foundation

/// The few questions micsync asks the file system itself; everything that changes files goes through rsync.
public enum FileSystem {
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return RawPath.withCString(path) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether something (even a dangling symlink) is at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return RawPath.withCString(path) { lstat($0, &info) } == 0
    }

    /// `lstat` of `root/relative` (the symlink itself, not its target), the relative path given as raw bytes
    /// (not always UTF-8); an empty one is the root itself.
    static func status(_ root: LocalRoot, _ relative: some Collection<UInt8>) -> stat? {
        var info = stat()
        return withCString(root, relative) { lstat($0, &info) == 0 } ? info : nil
    }

    /// The device of the filesystem that holds `root`; nil when it is not there.
    public static func device(_ root: LocalRoot) -> UInt? {
        var info = stat()
        return RawPath.withCString(root.path) { stat($0, &info) } == 0 ? UInt(info.st_dev) : nil
    }

    /// Whether `root/relative` can be opened for reading; a symlink counts as readable (rsync reads the link,
    /// not its target), and so does what is not there.
    static func isReadable(_ root: LocalRoot, _ relative: some Collection<UInt8>) -> Bool {
        withCString(root, relative) { path in
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if descriptor >= 0 { close(descriptor) }
            return descriptor >= 0 || errno == ELOOP || errno == ENOENT
        }
    }

    private static func withCString<T>(
        _ root: LocalRoot, _ relative: some Collection<UInt8>,
        _ body: (UnsafePointer<CChar>) -> T
    ) -> T {
        var path = RawPath.bytes(root.path) + [UInt8(ascii: "/")] + relative + [0]
        return path.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// Calls `visit` with each file (anything but a directory) below `path`: its path relative to `path`,
    /// in directory order, and its size; or with `path` itself (relative path empty) when it is no
    /// directory. Walked by raw name bytes, since FileManager cannot name a file whose name is not UTF-8.
    public static func forEachFile(under path: [UInt8], _ visit: (_ relative: [UInt8], _ size: Int64) -> Void) {
        walk(path, relative: [], visit)
    }

    private static func walk(
        _ path: [UInt8], relative: [UInt8], _ visit: (_ relative: [UInt8], _ size: Int64) -> Void
    ) {
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard lstat(cPath, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else { return visit(relative, Int64(info.st_size)) }
        guard let directory = opendir(cPath) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == Array(".".utf8) || name == Array("..".utf8) { continue }
            walk(
                path + [UInt8(ascii: "/")] + name,
                relative: relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name, visit)
        }
    }

    /// The canonical path with every symlink resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = RawPath.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return RawPath.string(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// The whole contents of the regular file at `path`, at most `limit` bytes; the error is the system's
    /// reason (`Permission denied`, …) or what is there instead of a file. Opened without blocking, so that
    /// a FIFO never hangs the caller, and read no further than the limit, so that `/dev/zero` never fills
    /// the memory.
    static func contents(of path: String, limit: Int) -> Result<Data, FileReadError> {
        readingRegularFile(path) { descriptor, _ throws(FileReadError) in
            // One byte more than the limit tells a file of exactly the limit from a larger one.
            let data = try read(descriptor, upTo: limit == .max ? limit : limit + 1)
            guard data.count <= limit else { throw FileReadError("it is larger than \(limit / (1024 * 1024)) MiB") }
            return data
        }
    }

    /// Each whole line of the regular file `path` as it is when opened, the last first, read backwards `chunk`
    /// bytes at a time, so that the memory taken is one chunk and one line, whatever the file's size (opened as
    /// `contents(of:limit:)` is); a line longer than `longestLine` is passed on cut to its end. `body` is
    /// given each line and the bytes read so far, and returns false to stop.
    static func linesFromEnd(
        of path: String, chunk: Int = 256 * 1024, longestLine: Int = 1024 * 1024,
        _ body: (_ line: Data, _ bytesRead: Int) -> Bool
    ) -> Result<Void, FileReadError> {
        readingRegularFile(path) { descriptor, size throws(FileReadError) in
            var end = size
            // The start of the line whose end the chunk read before began with.
            var carry = Data()
            while end > 0 {
                let start = max(0, end - chunk)
                lseek(descriptor, off_t(start), SEEK_SET)
                var block = try read(descriptor, upTo: end - start)
                block.append(carry)
                end = start
                var lines = block.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                carry = end > 0 ? Data(lines.removeFirst().suffix(longestLine)) : Data()
                for line in lines.reversed() where !line.isEmpty {
                    guard body(Data(line), size - end) else { return }
                }
            }
        }
    }

    /// `body` with `path` open for reading and its size, if it is a regular file: opened without blocking,
    /// so that a FIFO never hangs the caller.
    private static func readingRegularFile<Value>(
        _ path: String, _ body: (Int32, Int) throws(FileReadError) -> Value
    ) -> Result<Value, FileReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            return .failure(FileReadError(POSIXErrorText().description, missing: errno == ENOENT))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(FileReadError(POSIXErrorText().description)) }
        if let kind = FileReadError.notAFile(info.st_mode) { return .failure(FileReadError(kind)) }
        return Result { () throws(FileReadError) in try body(descriptor, Int(info.st_size)) }
    }

    /// What `descriptor` holds from where it stands, at most `limit` bytes.
    private static func read(_ descriptor: Int32, upTo limit: Int) throws(FileReadError) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count < limit {
            let count = Glibc.read(descriptor, &buffer, min(buffer.count, limit - data.count))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw FileReadError(POSIXErrorText().description) }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[..<count])
        }
        return data
    }

    /// The bytes free for an ordinary user on the filesystem holding `path`.
    static func freeSpace(_ path: String) -> Int64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// Creates `path` and its missing parents; the error names the folder and the system's reason.
    static func makeDirectories(_ path: String, purpose: String) throws(MicsyncError) {
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw .io("cannot create \(purpose) \(path): \(current): \(String(cString: strerror(errno)))")
            }
        }
        guard isDirectory(path) else { throw .io("cannot use \(purpose) \(path): it is not a folder") }
    }

    public static var homeDirectory: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// micsync's own state (journal, locks): `$XDG_STATE_HOME/micsync`, default `~/.local/state/micsync`.
    public static func stateDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String = homeDirectory
    ) -> String {
        let stateHome = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/state"
        return stateHome + "/micsync"
    }

    public static var currentDirectory: String { FileManager.default.currentDirectoryPath }
}

/// Why a file could not be read: the system's reason, or what is there instead of a regular file.
struct FileReadError: Error, CustomStringConvertible {
    let description: String
    /// There is no such file.
    let missing: Bool

    init(_ description: String, missing: Bool = false) {
        self.description = description
        self.missing = missing
    }

    /// What a non-regular file is, as an error says it; nil for a regular file.
    static func notAFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "it is a directory, not a file"
        case S_IFIFO: "it is a FIFO (named pipe), not a file"
        case S_IFSOCK: "it is a socket, not a file"
        case S_IFCHR, S_IFBLK: "it is a device, not a file"
        default: "it is not a regular file"
        }
    }
}

/// The text of the current `errno`, taken when made.
struct POSIXErrorText: Error, CustomStringConvertible {
    let description: String

    init() { description = String(cString: strerror(errno)) }
}
