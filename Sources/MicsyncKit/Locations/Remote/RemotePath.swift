/// A directory on another host, reached over ssh: `host:/abs`, `user@host:/abs`, `user@[v6addr]:/abs` or
/// `ssh://[user@]host[:port]/abs`. A path that starts with `/`, `~` or `.`, or holds a `/` before its first
/// `:`, is local, whatever `:` it holds.
public struct RemotePath: Sendable, Hashable {
    public let user: String?
    /// The host name or address, without brackets.
    public let host: String
    public let port: Int?
    /// Absolute and normalised, on the host.
    public let directory: String

    /// nil when `text` is a local path; the reason when it is a remote spelling that cannot be used.
    static func parse(_ text: String) -> Result<RemotePath, RemotePathProblem>? {
        if text.hasPrefix("ssh://") { return parseURL(text.dropFirst(6)) }
        guard let first = text.first, !"/~.".contains(first), let colon = hostEnd(text),
            !text[..<colon].contains("/")
        else { return nil }
        return make(authority: text[..<colon], path: text[text.index(after: colon)...], port: nil)
    }

    /// Where the host part of `host:path` ends: the first `:` outside brackets.
    private static func hostEnd(_ text: String) -> String.Index? {
        var inBrackets = false
        for index in text.indices {
            switch text[index] {
            case "[": inBrackets = true
            case "]": inBrackets = false
            case ":" where !inBrackets: return index
            default: continue
            }
        }
        return nil
    }

    private static func parseURL(_ rest: Substring) -> Result<RemotePath, RemotePathProblem> {
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                return .failure(.badPort)
            }
            port = number
            authority = authority[..<colon]
        }
        return make(authority: authority, path: rest[slash...], port: port)
    }

    private static func make(authority: Substring, path: Substring, port: Int?) -> Result<
        RemotePath, RemotePathProblem
    > {
        var user: String?
        var host = authority
        if let at = authority.lastIndex(of: "@") {
            user = String(authority[..<at])
            host = authority[authority.index(after: at)...]
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        // A host or user that starts with `-` would be read by ssh as an option.
        guard !host.isEmpty, !host.hasPrefix("-"), !host.contains(where: { $0.isWhitespace || "[]/@".contains($0) }),
            user.map({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.contains(where: \.isWhitespace) }) ?? true
        else { return .failure(.badHost) }
        guard path.hasPrefix("/") else { return .failure(.relative) }
        return .success(
            RemotePath(user: user, host: String(host), port: port, directory: PathResolver.normalize(String(path))))
    }

    /// The host as scp and rsync write it: an IPv6 address in brackets.
    private var bracketedHost: String { host.contains(":") ? "[\(host)]" : host }

    /// `user@host`: what ssh connects to and what messages call the host.
    public var destination: String { (user.map { $0 + "@" } ?? "") + host }

    /// The one spelling of this directory: `[user@]host:/abs`, or `ssh://[user@]host:port/abs` with a port.
    public var spelling: String {
        let userAt = user.map { $0 + "@" } ?? ""
        return port.map { "ssh://\(userAt)\(bracketedHost):\($0)\(directory)" }
            ?? "\(userAt)\(bracketedHost):\(directory)"
    }

    /// `path` on the host as rsync reads it (`[user@]host:/path`; the port goes to ssh).
    func rsyncName(_ path: String) -> String { (user.map { $0 + "@" } ?? "") + bracketedHost + ":" + path }

    /// `command` (a shell command line) as one line that runs it on the host: `ssh [-p PORT] HOST 'COMMAND'`,
    /// the host's login shell reading it once more.
    func sshLine(_ command: String) -> String {
        let port = port.map { "-p \($0) " } ?? ""
        return "ssh \(port)\(RsyncInvocation.shellQuoted(destination)) \(RsyncInvocation.shellQuoted(command))"
    }

    /// One shared connection per user, host and port.
    var connectionKey: String { "\(destination):\(port ?? 0)" }
}

/// Why a remote spelling cannot be used: a configuration error that names the entry.
enum RemotePathProblem: Error {
    case relative, badHost, badPort

    var message: String {
        switch self {
        case .relative: "a path on another host must be absolute (host:/path/on/host)"
        case .badHost: "the host name is empty or holds characters a host name cannot hold"
        case .badPort: "the port must be a number from 1 to 65535 (ssh://host:2222/path)"
        }
    }
}
