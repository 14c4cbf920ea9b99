import Foundation

/// A tree of files on disc, made and read by raw name bytes (names need not be UTF-8), as the
/// differential test builds, changes and compares it.
struct RawTree {
    let root: [UInt8]

    init(_ root: String) {
        self.root = Array(root.utf8)
    }

    func path(_ relative: [UInt8]) -> [UInt8] { relative.isEmpty ? root : root + [UInt8(ascii: "/")] + relative }

    private func call<T>(_ relative: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path(relative) + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    func status(_ relative: [UInt8]) -> stat? {
        var info = stat()
        return call(relative) { lstat($0, &info) } == 0 ? info : nil
    }

    func exists(_ relative: [UInt8]) -> Bool { status(relative) != nil }

    func isDirectory(_ relative: [UInt8]) -> Bool { status(relative).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false }

    func write(_ relative: [UInt8], _ contents: [UInt8], mode: mode_t) {
        let descriptor = call(relative) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600) }
        guard descriptor >= 0 else { return }
        _ = contents.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        fchmod(descriptor, mode)
        close(descriptor)
    }

    func makeDirectory(_ relative: [UInt8], mode: mode_t) {
        _ = call(relative) { mkdir($0, 0o700) }
        _ = call(relative) { Glibc.chmod($0, mode) }
    }

    func symlink(_ relative: [UInt8], to target: [UInt8]) {
        _ = (target + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { target in
                call(relative) { Glibc.symlink(target.baseAddress!, $0) }
            }
        }
    }

    func link(_ relative: [UInt8], to existing: [UInt8]) {
        _ = call(existing) { from in call(relative) { Glibc.link(from, $0) } }
    }

    func chmod(_ relative: [UInt8], _ mode: mode_t) { _ = call(relative) { Glibc.chmod($0, mode) } }

    /// Sets the modification time (and the access time alike) without following a symlink.
    func setTime(_ relative: [UInt8], seconds: Int, nanoseconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        _ = call(relative) { utimensat(AT_FDCWD, $0, &times, AT_SYMLINK_NOFOLLOW) }
    }

    func rename(_ relative: [UInt8], to other: [UInt8]) {
        _ = call(relative) { from in call(other) { Glibc.rename(from, $0) } }
    }

    /// Removes `relative` and all it holds, never following a symlink.
    func remove(_ relative: [UInt8]) {
        if isDirectory(relative) {
            for name in names(in: relative) { remove(relative + [UInt8(ascii: "/")] + name) }
            _ = call(relative) { rmdir($0) }
        } else {
            _ = call(relative) { unlink($0) }
        }
    }

    /// The names in the folder `relative`, sorted by bytes.
    func names(in relative: [UInt8]) -> [[UInt8]] {
        guard let stream = call(relative, { opendir($0) }) else { return [] }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != Array(".".utf8), name != Array("..".utf8) { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Every path below the root, folders before what they hold, `.micsync` at the root left out.
    func paths() -> [[UInt8]] {
        var found: [[UInt8]] = []
        func walk(_ relative: [UInt8]) {
            for name in names(in: relative) where !(relative.isEmpty && name == Array(".micsync".utf8)) {
                let child = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
                found.append(child)
                if isDirectory(child) { walk(child) }
            }
        }
        walk([])
        return found
    }

    func contents(_ relative: [UInt8]) -> [UInt8] {
        let descriptor = call(relative) { open($0, O_RDONLY | O_NOFOLLOW) }
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
        while case let count = read(descriptor, &buffer, buffer.count), count > 0 { bytes += buffer[..<count] }
        return bytes
    }

    func target(_ relative: [UInt8]) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = call(relative) { path in
            buffer.withUnsafeMutableBytes { readlink(path, $0.baseAddress!.assumingMemoryBound(to: CChar.self), 4096) }
        }
        return count > 0 ? Array(buffer[..<count]) : []
    }
}
