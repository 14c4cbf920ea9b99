import Foundation

/// A location's `.micsync/` folder and its identity marker `.micsync/id`. Both are used only when they are
/// what they claim to be (a real directory, a regular file): nothing here follows a symlink.
public struct StateFolder: Sendable {
    public let location: Location

    public init(_ location: Location) {
        self.location = location
    }

    public var path: String { location.path + "/" + RsyncInvocation.stateFolder }
    var markerPath: String { path + "/id" }

    public enum Kind: Equatable, Sendable { case missing, directory, other }

    /// What is at `.micsync` now, without following a symlink.
    public var kind: Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return info.st_mode & S_IFMT == S_IFDIR ? .directory : .other
    }

    /// The marker's id; nil when there is none (or it is not a regular file).
    public var marker: String? {
        guard kind == .directory else { return nil }
        let descriptor = open(markerPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
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

    /// Creates `.micsync/` when missing; an error when something else than a real directory is there.
    /// Returns whether it was created.
    @discardableResult
    public func ensure() throws(MicsyncError) -> Bool {
        switch kind {
        case .directory: return false
        case .other: throw .notFound(refusal)
        case .missing:
            guard mkdir(path, 0o755) == 0 || (errno == EEXIST && kind == .directory) else {
                throw .notFound("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            return true
        }
    }

    /// Writes a new random marker (replacing a missing one) and returns its id.
    public func writeMarker() throws(MicsyncError) -> String {
        try ensure()
        let id = UUID().uuidString.lowercased()
        let temporary = path + "/id.new-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        let line = Array((id + "\n").utf8)
        let written = descriptor < 0 ? -1 : write(descriptor, line, line.count)
        if descriptor >= 0 { close(descriptor) }
        guard written == line.count, rename(temporary, markerPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .notFound("cannot write the micsync marker \(markerPath): \(reason)")
        }
        return id
    }

    /// The one line that refuses a location whose `.micsync` is not a real directory.
    public var refusal: String {
        "\(location.heading): its \(RsyncInvocation.stateFolder) is not a folder (a symlink?); micsync will not use this location"
    }
}
