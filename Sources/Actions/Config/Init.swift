import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

extension ConfigCommand {
    /// Writes a starter config where micsync looks first; never overwrites or shadows a file.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a starter config file to edit; never overwrites one.",
            discussion: """
                Writes a valid config with one example configuration at the first place micsync looks: \
                --config FILE, else $MICSYNC_CONFIG, else $XDG_CONFIG_HOME/micsync/config.json \
                (~/.config/micsync/config.json). JSON has no comments, so the meaning of each key is printed \
                after writing (and below). An existing file is never overwritten, and no file is written where \
                it would silently take the place of the config in use (such as the original's ~/.micsync.json): \
                both are usage errors (exit 2).

                \(keyGuide)

                Examples:
                  micsync config init
                  micsync config init --config ~/sync/micsync.json
                """)

        /// What each key means: the comments a JSON file cannot hold, printed after writing and in the help.
        static let keyGuide = """
            Keys of a configuration:
              name              what --config-name and the menus call it
              work              WORKING locations: where you work on the files
              backup            BACKUP locations: their copies (external discs may be unplugged)
              exclude           rsync filter patterns left out of every action (optional)
              trash             keep overwritten and deleted files in .micsync/trash (optional, default true)
              maxDeletePercent  refuse a run deleting more than this share of files (optional, default 50)
              xattrs, acls      keep extended attributes, ACLs (optional, default false: they slow every run)
              auto              when to back up by itself: "plugged", "1d", or both (optional; see micsync watch)
              remind            how old a BACKUP may get before status and watch call it overdue: "7d"
                                (optional; without it, none is ever overdue)
            Paths may be absolute, ~/..., or relative to the config file's directory.
            """

        @OptionGroup var file: ConfigFileOption

        static let starter = """
            {
              "configs": [
                {
                  "name": "documents",
                  "work": ["~/Documents"],
                  "backup": ["/media/backup/Documents"],
                  "exclude": ["*.tmp", ".cache/"],
                  "trash": true,
                  "maxDeletePercent": 50,
                  "remind": "7d"
                }
              ]
            }

            """

        func run() throws {
            let terminal = CommandContext.current.terminal
            let locator = ConfigLocator()
            let target = locator.candidates(explicit: file.file)[0]
            if file.file == nil, let inUse = try? locator.locate(explicit: nil), inUse.file != target.file {
                throw MicsyncError.usage(
                    """
                    a config file is already in use: \(inUse.file) (\(inUse.reason)); a new one at \(target.file) \
                    would take its place. Edit that one, or write a starter elsewhere with --config FILE
                    """)
            }
            try create(target.file, with: Self.starter)
            terminal.print(
                """
                wrote \(target.file): a starter configuration to edit.
                \(Self.keyGuide)
                Check your edits with `micsync config check`.
                """)
        }

        /// Creates `path` (and its directory) only if nothing is there: `O_EXCL`, so no race can overwrite a file.
        private func create(_ path: String, with contents: String) throws(MicsyncError) {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                guard errno != EEXIST else {
                    throw .usage("\(path) already exists; it was left as it is (see `micsync config check`)")
                }
                throw .io("\(path) cannot be created: \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            let bytes = Array(contents.utf8)
            guard write(descriptor, bytes, bytes.count) == bytes.count else {
                throw .io("\(path): cannot write: \(String(cString: strerror(errno)))")
            }
        }
    }
}
