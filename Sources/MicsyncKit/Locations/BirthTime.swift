import Foundation

/// When a file was made on its filesystem (its inode's birth), where the filesystem keeps it: Linux tells it
/// only through `statx`, which Swift's Glibc does not import, so it is looked up once by name.
enum BirthTime {
    private typealias Statx =
        @convention(c) (
            Int32, UnsafePointer<CChar>, Int32, UInt32, UnsafeMutableRawPointer
        ) -> Int32

    private static let statx: Statx? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "statx").map {
        unsafeBitCast($0, to: Statx.self)
    }

    /// The birth time of `path` itself (a symlink's own); nil where the filesystem (or the system) does not
    /// keep one.
    static func of(_ path: UnsafePointer<CChar>) -> Date? {
        guard let statx else { return nil }
        // struct statx (linux/stat.h): 256 bytes; stx_mask at 0, stx_btime's seconds at 80.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 8)
        defer { buffer.deallocate() }
        let (atCurrentDirectory, noFollow, wantBirth): (Int32, Int32, UInt32) = (-100, 0x100, 0x800)
        guard statx(atCurrentDirectory, path, noFollow, wantBirth, buffer) == 0,
            buffer.load(as: UInt32.self) & wantBirth != 0
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(buffer.load(fromByteOffset: 80, as: Int64.self)))
    }
}
