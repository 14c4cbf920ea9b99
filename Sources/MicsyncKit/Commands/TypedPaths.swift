import Synchronization

/// The paths typed on the command line when there were too many to hand ArgumentParser (see
/// `TypedPathArguments`): the sync command takes them from here instead of its parsed argument.
public enum TypedPaths {
    private static let stash = Mutex<[String]?>(nil)

    public static func set(_ paths: [String]) { stash.withLock { $0 = paths } }

    /// The stashed paths, once; nil when none were stashed.
    public static func take() -> [String]? {
        stash.withLock { paths in
            defer { paths = nil }
            return paths
        }
    }
}
