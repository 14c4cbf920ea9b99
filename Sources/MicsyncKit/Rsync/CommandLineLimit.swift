import Foundation

/// The system's limit on what one command line may hold (`ARG_MAX`): the bytes of every argument and
/// environment string, each with its NUL and its pointer, counted as the kernel counts them. Past it,
/// starting rsync fails with "Argument list too long".
enum CommandLineLimit {
    /// Whether rsync with `arguments` and the environment micsync passes on can be started, with room to
    /// spare for the few words in front of rsync (`setpriv --pdeathsig TERM --`) and the program's path. No
    /// single argument may be longer than the kernel's limit on one string either.
    static func fits(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        let pointer = MemoryLayout<UnsafePointer<CChar>>.size
        let words =
            arguments.map { RawPath.bytes($0).count } + environment.map { $0.key.utf8.count + 1 + $0.value.utf8.count }
        guard words.allSatisfy({ $0 < longestWord }) else { return false }
        return words.reduce(0) { $0 + $1 + 1 + pointer } + room <= max(sysconf(Int32(_SC_ARG_MAX)), 0)
    }

    /// What the kernel takes in one string (`MAX_ARG_STRLEN`: 32 pages).
    private static let longestWord = 32 * 4096
    private static let room = 16 * 1024
}
