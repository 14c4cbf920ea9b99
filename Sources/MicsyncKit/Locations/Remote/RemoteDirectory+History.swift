import Foundation

extension RemoteDirectory: HistorySite {
    /// Asked of the host in one round trip (`HostScript.versions`).
    func versions(of relative: [UInt8], current: Bool, checksums: Bool) throws(MicsyncError) -> [FileVersion] {
        let answers = try run(HostScript.versions(of: relative, current: current, checksums: checksums))
        guard let bytes = answers["hex"].flatMap(Self.bytes(hex:)) else {
            throw .notFound("\(location.heading): the host's answer was cut short or garbled")
        }
        let directory = RawPath.bytes(remote.directory)
        var prefix: [UInt8] = []
        var trash: String?
        var replaced: Date?
        /// Whether the place is the directory or a folder named like a trash folder.
        var usable = false
        var found: [FileVersion] = []
        /// Each checksum by place and path.
        var sums: [Key: UInt32] = [:]
        for record in bytes.split(separator: 0) {
            let fields = record.split(separator: UInt8(ascii: "\t"), maxSplits: 6, omittingEmptySubsequences: false)
                .map(Array.init)
            switch (fields.first, fields.count) {
            case ([UInt8(ascii: "p")], 2):
                let label = String(decoding: fields[1], as: UTF8.self)
                trash = label == "-" ? nil : label
                replaced = trash.flatMap(Trash.date(of:))
                usable = trash.map(Trash.isTimestamp) ?? true
                prefix =
                    directory + Array((trash.map { "/\(StateFolder.name)/trash/\($0)" } ?? "").utf8) + [
                        UInt8(ascii: "/")
                    ]
            case ([UInt8(ascii: "c")], 3):
                if let sum = UInt32(String(decoding: fields[1], as: UTF8.self)), fields[2].starts(with: prefix) {
                    sums[Key(trash: trash, path: Array(fields[2].dropFirst(prefix.count)))] = sum
                }
            case ([UInt8(ascii: "e")], 7):
                if usable, let version = version(fields, trash: trash, replaced: replaced, prefix: prefix) {
                    found.append(version)
                }
            default: continue
            }
        }
        return found.map { version in
            var version = version
            version.checksum = sums[Key(trash: version.trash, path: version.path)]
            return version
        }
    }

    private struct Key: Hashable {
        let trash: String?
        let path: [UInt8]
    }

    /// One `e` record as a version; nil when it does not read as one.
    private func version(_ fields: [[UInt8]], trash: String?, replaced: Date?, prefix: [UInt8]) -> FileVersion? {
        func number(_ field: [UInt8]) -> Int64? { Int64(String(decoding: field, as: UTF8.self)) }
        let full = fields[6]
        guard let changed = number(fields[2]), let modified = number(fields[3]), let size = number(fields[4]),
            let mode = UInt32(String(decoding: fields[5], as: UTF8.self), radix: 16), full.starts(with: prefix)
        else { return nil }
        let birth = number(fields[1]).flatMap { $0 > 0 ? Date(timeIntervalSince1970: TimeInterval($0)) : nil }
        let type = mode_t(mode) & S_IFMT
        return FileVersion(
            location: location, trash: trash, replaced: replaced, path: Array(full.dropFirst(prefix.count)),
            kind: type == S_IFREG ? .file : type == S_IFLNK ? .symlink : .other, size: size,
            modified: Date(timeIntervalSince1970: TimeInterval(modified)),
            arrived: location.role == .working && trash == nil
                ? Date(timeIntervalSince1970: TimeInterval(changed)) : birth)
    }

    private static func bytes(hex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
