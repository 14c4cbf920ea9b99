import CGit2

/// A libgit2 failure, carrying libgit2's own message (`git_error_last`).
public struct GitError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public var description: String { message }
}

enum LibGit2 {
    /// libgit2 is initialised once per process, before the first repository is opened.
    static let initialized: Void = { _ = git_libgit2_init() }()

    /// Throws `GitError` for a negative libgit2 return code; returns other codes unchanged.
    @discardableResult
    static func check(_ code: Int32) throws -> Int32 {
        guard code < 0 else { return code }
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } }
        throw GitError(code: code, message: message ?? "libgit2 failed with code \(code)")
    }

    /// Like `check`, but a `GIT_ENOTFOUND` code gives `false` instead of an error.
    static func found(_ code: Int32) throws -> Bool {
        if code == GIT_ENOTFOUND.rawValue { return false }
        try check(code)
        return true
    }
}
