import CGit2

/// gzip compression through zlib. zlib's own gzip header carries no file name and a zero time,
/// so the same input gives the same bytes every time.
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "gzip compression failed (zlib error \(code))" }
    }

    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a 32 KiB window, wrapped in a gzip header and trailer.
        var code = deflateInit2_(
            &stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else { throw Failure(code: code) }
        defer { deflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))))
        code = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = UInt32(destination.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard code == Z_STREAM_END else { throw Failure(code: code) }
        return Array(output.prefix(Int(stream.total_out)))
    }
}
