/// Turns the paths users type (on the command line or in a config file) into absolute, comparable paths.
public struct PathResolver: Sendable {
    public let home: String
    let base: String

    /// - Parameter base: the directory that relative paths are relative to.
    public init(base: String, home: String = FileSystem.homeDirectory) {
        self.base = base
        self.home = home
    }

    /// `~` expanded, made absolute against `base`, `.`/`..`/`//` and trailing slashes removed.
    func absolute(_ path: String) -> String {
        if case .success(let remote) = RemotePath.parse(path) { return remote.spelling }
        var expanded = path
        if path == "~" {
            expanded = home
        } else if path.hasPrefix("~/") {
            expanded = home + path.dropFirst(1)
        }
        if !expanded.hasPrefix("/") { expanded = base + "/" + expanded }
        return Self.normalize(expanded)
    }

    /// `absolute(path)` with its parent resolved through symlinks; the last component stays as given,
    /// so a symlink is synced as a symlink.
    func resolvingParent(_ path: String) -> String {
        let plain = absolute(path)
        guard plain != "/", plain.hasPrefix("/") else { return plain }
        let slash = plain.lastIndex(of: "/")!
        let parent = slash == plain.startIndex ? "/" : String(plain[..<slash])
        let name = plain[plain.index(after: slash)...]
        let realParent = FileSystem.realPath(parent) ?? parent
        return (realParent == "/" ? "" : realParent) + "/" + name
    }

    /// A location's path: absolute, with every symlink resolved when the directory exists.
    public func location(_ path: String) -> String {
        let plain = absolute(path)
        guard plain.hasPrefix("/") else { return plain }
        return FileSystem.realPath(plain) ?? plain
    }

    static func normalize(_ absolutePath: String) -> String {
        var parts: [Substring] = []
        for part in absolutePath.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
