import Foundation

/// POSIX `cksum`: the CRC-32 of a file's bytes and length, the one checksum every host can compute with a
/// standard tool, so that a local copy and one on another host are compared by the same number.
enum Cksum {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index) << 24
        for _ in 0..<8 { value = value & 0x8000_0000 != 0 ? (value << 1) ^ 0x04C1_1DB7 : value << 1 }
        return value
    }

    /// The checksum of the regular file at `path` (raw bytes), never through a symlink; nil when it
    /// cannot be read.
    static func of(file path: [UInt8]) -> UInt32? {
        let descriptor = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var crc: UInt32 = 0
        var length: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            guard count > 0 else { break }
            for byte in buffer[..<count] { crc = (crc << 8) ^ table[Int((crc >> 24) ^ UInt32(byte))] }
            length += UInt64(count)
        }
        while length > 0 {
            crc = (crc << 8) ^ table[Int((crc >> 24) ^ UInt32(length & 0xFF))]
            length >>= 8
        }
        return ~crc
    }
}
