import ArgumentParser
import MicsyncCLI
import MicsyncKit

extension TrashCommand {
    /// Each location's trash folders, with their file counts and sizes; or the files of one of them.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each location's trash, or the files one run's trash holds.",
            discussion: """
                For every location of every configuration (only those of --config-name, or only the ones \
                holding PATH): each trash folder by its TIMESTAMP (the start of the run that filled it, in UTC), \
                how many files it keeps and their size. Locations not accessible now are noted. Given a \
                TIMESTAMP first, it shows every file that trash folder holds, with its size (through $PAGER on \
                a terminal).

                Examples:
                  micsync trash list                          every location
                  micsync trash list /mnt/b1 ~/docs           the two locations holding these paths
                  micsync trash list 20261124T213005Z         the files of one run's trash
                  micsync trash list --json                   for scripts (sizes in bytes)
                """)

        @Argument(
            help: ArgumentHelp(
                "A trash TIMESTAMP (to list its files), then paths: only the locations holding them.",
                valueName: "timestamp-or-path"),
            completion: .file())
        var arguments: [String] = []

        @OptionGroup var locations: TrashLocationOptions

        @Flag(help: "Print the list as one JSON document.")
        var json = false

        /// One location's trash, as --json prints it.
        struct Entry: Encodable {
            let configuration: String
            let role: String
            let path: String
            let accessible: Bool
            /// Why it is not accessible (`not mounted? (its micsync marker is missing)`); nil when it is.
            let reason: String?
            let trash: [TrashFolder]
        }

        /// One file of a trash folder, as --json prints it.
        struct File: Encodable {
            let path: String
            let size: Int64
        }

        /// The files of one trash folder at one location, as --json prints it.
        struct Contents: Encodable {
            let role: String
            let location: String
            let timestamp: String
            let files: [File]
        }

        /// The TIMESTAMP typed first, if one was: a trash folder's name that is not also a path here.
        private var timestamp: String? {
            guard let first = arguments.first, Trash.isTimestamp(first), !FileSystem.exists(first) else {
                return nil
            }
            return first
        }

        func run() throws {
            let terminal = CommandContext.current.terminal
            if let timestamp { return try showFiles(of: timestamp, paths: Array(arguments.dropFirst())) }
            let entries = try locations.scopes(arguments).map { scope in
                let location = scope.typedIn
                let access = CommandContext.current.locations.access(location)
                return Entry(
                    configuration: scope.configuration.name, role: location.role.rawValue, path: location.path,
                    accessible: access.isAccessible, reason: access.isAccessible ? nil : access.reason,
                    trash: access.isAccessible ? TrashFolder.all(in: location) : [])
            }
            guard !json else { return terminal.print(["locations": entries].jsonText()) }
            for entry in entries {
                let heading = "\(entry.role) \(entry.path)"
                guard entry.accessible else {
                    terminal.print("\(heading): not accessible: \(entry.reason ?? "")")
                    continue
                }
                guard !entry.trash.isEmpty else {
                    terminal.print("\(heading): no trash")
                    continue
                }
                terminal.print("\(heading):")
                TrashFolder.lines(entry.trash, style: terminal.style).forEach(terminal.print)
            }
        }

        /// Every file of the trash folder `timestamp`, in each location (of those holding `paths`) that has it.
        private func showFiles(of timestamp: String, paths: [String]) throws {
            let context = CommandContext.current
            let holding = try locations.scopes(paths).map(\.typedIn).filter {
                context.locations.access($0).isAccessible
            }.holdingTrash(timestamp)
            let contents = holding.map { location in
                let files = context.locations.trashFiles(location, timestamp)
                return (location, files.sorted { $0.path.lexicographicallyPrecedes($1.path) })
            }
            guard !json else {
                return context.terminal.print(
                    contents.map { location, files in
                        Contents(
                            role: location.role.rawValue, location: location.path, timestamp: timestamp,
                            files: files.map { File(path: DisplayName.readable($0.path), size: $0.size) })
                    }.jsonText())
            }
            var lines: [String] = []
            for (location, files) in contents {
                let total = files.reduce(Int64(0)) { $0 + $1.size }
                lines.append(
                    "\(location.heading), trash \(timestamp): \(plural(files.count, "file", "files")), "
                        + ByteCount.readable(total))
                var table = TextTable()
                table.rows = files.map { [.init(DisplayName.readable($0.path)), .init(ByteCount.readable($0.size))] }
                lines += table.lines(style: context.terminal.style)
            }
            try Pager(terminal: context.terminal, interruption: context.interruption).show(lines)
        }
    }
}
