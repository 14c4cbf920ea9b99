import ArgumentParser
import MicsyncKit

extension TrashCommand {
    /// Each location's trash folders, with their file counts and sizes.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each location's trash: every run's timestamp, file count and size.",
            discussion: """
                For every location of every configuration (only those of --config-name, or only the ones \
                holding PATH): each trash folder by its TIMESTAMP (the start of the run that filled it, in UTC), \
                how many files it keeps and their size. Locations not accessible now are noted.

                Examples:
                  micsync trash list                   every location
                  micsync trash list /mnt/b1 ~/docs    the two locations holding these paths
                  micsync trash list --json            for scripts (sizes in bytes)
                """)

        @Argument(help: "Show only the locations holding these paths.", completion: .file())
        var paths: [String] = []

        @OptionGroup var locations: TrashLocationOptions

        @Flag(help: "Print the list as one JSON document.")
        var json = false

        /// One location's trash, as --json prints it.
        struct Entry: Encodable {
            let configuration: String
            let role: String
            let path: String
            let accessible: Bool
            let trash: [TrashFolder]
        }

        func run() throws {
            let entries = try locations.scopes(paths).map { scope in
                let location = scope.typedIn
                return Entry(configuration: scope.configuration.name, role: location.role.rawValue, path: location.path,
                             accessible: location.isAccessible, trash: TrashFolder.all(in: location))
            }
            guard !json else { return Console.print(["locations": entries].jsonText()) }
            for entry in entries {
                let heading = "\(entry.role) \(entry.path)"
                guard entry.accessible else { Console.print("\(heading): not accessible (not mounted?)"); continue }
                guard !entry.trash.isEmpty else { Console.print("\(heading): no trash"); continue }
                Console.print("\(heading):")
                TrashFolder.lines(entry.trash).forEach(Console.print)
            }
        }
    }
}
