import Foundation

/// A location's identity marker, `.micsync/id`: a random id left by the first run that writes there. Read
/// and written only through a real `.micsync` directory, never through a symlink.
public struct LocationMarker: Sendable {
    static let name = "id"

    public let location: Location

    public init(_ location: Location) {
        self.location = location
    }

    public var path: String { StateFolder(location).path + "/" + Self.name }

    /// The marker's id; nil when there is none (or it is not a regular file in a real `.micsync`).
    public var id: String? {
        guard let state = try? Self.openState(of: location, creating: false) else { return nil }
        defer { close(state) }
        let descriptor = openat(state, Self.name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return nil }
        let id = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return id.isEmpty ? nil : id
    }

    /// Writes a new random marker (replacing any) and returns its id.
    public func write() throws(MicsyncError) -> String {
        try StateFolder(location).check()
        let state = try Self.openState(of: location, creating: true)
        defer { close(state) }
        let id = UUID().uuidString.lowercased()
        let temporary = "\(Self.name).new-\(getpid())"
        let descriptor = openat(state, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        let line = Array((id + "\n").utf8)
        let written = descriptor < 0 ? -1 : Foundation.write(descriptor, line, line.count)
        if descriptor >= 0 { close(descriptor) }
        guard written == line.count, renameat(state, temporary, state, Self.name) == 0 else {
            let reason = String(cString: strerror(errno))
            unlinkat(state, temporary, 0)
            throw .notFound("cannot write the micsync marker \(path): \(reason)")
        }
        return id
    }

    /// `.micsync` of `location` as a directory descriptor, opened without following a symlink.
    static func openState(of location: Location, creating: Bool) throws(MicsyncError) -> Int32 {
        let top = open(location.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { throw .notFound("cannot open \(location.path): \(String(cString: strerror(errno)))") }
        defer { close(top) }
        return try StateFolder.openDirectory(
            StateFolder.name, in: top, creating: creating,
            describe: StateFolder(location).path)
    }
}
