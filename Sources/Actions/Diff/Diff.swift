import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// The WORKING against each accessible BACKUP, both ways; read-only.
public enum Diff: SyncAction {
    public typealias Options = DiffOptions

    public static let name = "diff"
    public static let direction: Direction = .workingToBackup
    public static let summary = "Show what differs between the WORKING and each BACKUP; change nothing."
    public static let discussion = """
        Compares the scope of PATH in the WORKING location with every accessible BACKUP, in both directions: \
        what is only in the WORKING, only in the BACKUP, and what differs (by size and modification time, as \
        a backup would see it; by content with --checksum, which reads every file), with which side's copy is \
        newer. The paths may be typed in the WORKING or a BACKUP. Nothing is ever changed: these are rsync \
        dry runs. Exit status: 0 when nothing differs, 1 when something does (like diff(1)).

        Examples:
          micsync diff ~/docs                   what differs, in both directions
          micsync diff --checksum ~/photos      compare content, not only size and time
          micsync diff --json /mnt/disc1/docs   for scripts
          micsync diff ~/docs >/dev/null || echo "~/docs differs from a BACKUP"
        """
    public static let readOnly = true

    public static func rsyncOptions(_ options: DiffOptions) -> [String] { options.checksum ? ["--checksum"] : [] }
}

/// `diff`'s options: the read-only ones and `--checksum`.
public struct DiffOptions: SyncOptions {
    @Flag(name: [.customShort("c"), .long], help: "Compare file content (rsync --checksum), not size and time.")
    public var checksum = false

    @OptionGroup public var compare: CompareOptions

    public init() {}

    public var run: RunOptions { compare.run }
}
