import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

/// `micsync versions PATH`: every version of a file, or of each file of a folder, that the configuration's
/// locations hold, current copies and trash, newest first.
public struct VersionsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List every version of a file or folder that the locations hold, newest first.",
        discussion: """
            PATH is a file or folder in any location of a configuration (it need not exist there any more). \
            Every accessible location is asked for its current copy of it and for the copies its trash \
            keeps; for a folder, of every file in it. Each version shows when it became current (its \
            modification time), until when (when a run replaced or deleted it: its trash folder's time; \
            "current" while a copy is in place), its size and where its copies are. Identical copies are \
            one version (same size and modification time; same content with --checksum, which reads every \
            copy). Versions are numbered from 0, the newest, as `micsync restore --version N` takes them. \
            Nothing is changed.

            Examples:
              micsync versions ~/docs/todo.txt          every version of one file
              micsync versions ~/docs                   of each file of a folder
              micsync versions --checksum ~/docs/a.txt  group copies by content
              micsync versions --json ~/docs/a.txt      for scripts (times in UTC, ISO 8601)
            """)

    @Argument(help: "A file or folder in a location of a configuration.", completion: .file())
    var path: String

    @Flag(name: [.customShort("c"), .long], help: "Group identical versions by content (reads every copy).")
    var checksum = false

    @Flag(help: "Print the versions as one JSON document.")
    var json = false

    @OptionGroup var config: ConfigOptions

    public init() {}

    public func run() throws {
        let context = CommandContext.current
        let scope = try config.selection.load().scope([path], questions: context.run.questions)
        let relative = scope.relativePaths[0]
        let history = context.locations.history(
            of: relative, in: scope.configuration.locations, checksums: checksum, terminal: context.terminal)
        let files = history.paths.map { ($0, history.groups(of: $0, byContent: checksum)) }
        guard !files.isEmpty else {
            throw MicsyncError.notFound(
                "no accessible location of \"\(scope.configuration.name)\" holds \(DisplayName.inLocation(relative)), "
                    + "now or in its trash")
        }
        if json {
            return context.terminal.print(
                Listing(path: DisplayName.inLocation(relative), files: files.map { File(path: $0, groups: $1) })
                    .jsonText())
        }
        let count = files.reduce(0) { $0 + $1.1.count }
        var lines: [String] = []
        if files.count > 1 || files[0].0 != RawPath.bytes(relative) {
            lines.append(
                "\(DisplayName.inLocation(relative)): \(plural(files.count, "file", "files")), "
                    + plural(count, "version", "versions"))
        }
        for (path, groups) in files {
            lines.append("\(DisplayName.readable(path)): \(plural(groups.count, "version", "versions"))")
            var table = TextTable()
            table.rows = [["#", "from", "until", "size", "where"].map { TextTable.Cell($0) }]
            table.rows += groups.enumerated().map { number, group in
                [
                    .init(String(number)), .init(TimeWords.localToTheSecond(group.modified)),
                    .init(group.replaced.map(TimeWords.localToTheSecond) ?? "current"),
                    .init(ByteCount.readable(group.size) + (group.kind == .file ? "" : " (\(group.kind.rawValue))")),
                    .init(group.copies.map(\.place).joined(separator: "; ")),
                ]
            }
            lines += table.lines(style: context.terminal.style)
        }
        try Pager(terminal: context.terminal, interruption: context.interruption).show(lines)
    }

    /// What `--json` prints.
    struct Listing: Encodable {
        let path: String
        let files: [File]
    }

    struct File: Encodable {
        let path: String
        let versions: [Version]

        init(path: [UInt8], groups: [VersionGroup]) {
            self.path = DisplayName.readable(path)
            versions = groups.enumerated().map { Version(number: $0, group: $1) }
        }
    }

    struct Version: Encodable {
        let number: Int
        let kind: FileVersion.Kind
        let size: Int64
        let modified: Date
        /// Absent while a copy is current.
        let replaced: Date?
        let checksum: UInt32?
        let copies: [Copy]

        init(number: Int, group: VersionGroup) {
            self.number = number
            (kind, size, modified, replaced) = (group.kind, group.size, group.modified, group.replaced)
            checksum = group.copies[0].checksum
            copies = group.copies.map(Copy.init)
        }
    }

    struct Copy: Encodable {
        let role: String
        let location: String
        /// The host holding it; absent for a local location.
        let host: String?
        /// The trash folder holding it; absent for a current copy.
        let trash: String?

        init(_ version: FileVersion) {
            role = version.location.role.rawValue
            location = version.location.path
            host = version.location.remote?.destination
            trash = version.trash
        }
    }
}
