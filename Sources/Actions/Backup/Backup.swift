import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// WORKING → every accessible BACKUP. Never deletes, unless --prune; asks before overwriting modified files.
public enum Backup: SyncAction {
    public typealias Options = BackupOptions

    public static let name = "backup"
    public static let originallySpelled = true
    public static let direction: Direction = .workingToBackup
    public static let wholeSetupWithoutPaths = true
    public static let summary = "Copy from a WORKING location to every accessible BACKUP; never deletes."
    public static let discussion = """
        New files are copied and listed. Modified files are listed and you are asked once per BACKUP \
        whether to overwrite them (-m: without asking). Nothing is ever deleted in a BACKUP, unless --prune: \
        then what a BACKUP holds that the WORKING no longer has (renamed or deleted there) is listed and you \
        are asked once per BACKUP whether to delete it; it goes to that BACKUP's trash, and the mass-delete \
        guard applies (--force to go past it). The paths may be typed in a WORKING or a BACKUP location: the \
        copy always goes WORKING → BACKUP. Without paths, every WORKING of every configuration (or of the one \
        named with --config-name) is backed up whole, one after the other; paths of several configurations are \
        each backed up in their own.

        Examples:
          micsync backup ~/docs/report          back up one folder to every BACKUP
          micsync backup                        back up everything: every WORKING of every configuration
          micsync backup --config-name photos   every WORKING of the configuration "photos"
          micsync --backup -m ~/docs/report     the original's spelling; overwrite modified files
          micsync backup -n ~/docs              show what would be copied, change nothing
          micsync backup --to 1 ~/docs          only to BACKUP number 1 of the configuration
          micsync backup --prune ~/docs         also move what left the WORKING to each BACKUP's trash
          micsync backup --exclude '*.tmp' ~/docs   leave out what matches, besides the config's exclude
          micsync backup --strict -m ~/docs     for a timer: exit 3 when a BACKUP was skipped
        """
}

/// `backup`'s options: -m and the common ones, and --prune (with --force) to delete what left the WORKING.
public struct BackupOptions: SyncOptions {
    @OptionGroup public var modify: ModifyOption

    @Flag(help: "Delete in each BACKUP what the WORKING no longer has (asks first; kept in the trash).")
    public var prune = false

    @Flag(help: "With --prune: delete even when the mass-delete guard would refuse.")
    public var force = false

    @OptionGroup public var common: CommonOptions

    public init() {}

    public func validate() throws {
        if force, !prune { throw ValidationError("--force goes with --prune: backup deletes nothing without it") }
    }

    public var run: RunOptions {
        var options = common.run
        options.modify = modify.modify
        options.deletion = prune ? .ask : .never
        options.force = force
        return options
    }
}
