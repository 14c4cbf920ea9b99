import ArgumentParser
import MicsyncKit

extension ConfigCommand {
    /// Each configuration with its resolved locations and options.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each configuration with its resolved paths and which are accessible.",
            discussion: """
                Locations are shown as micsync uses them: absolute, with ~ and symlinks resolved, numbered \
                as menus, --from and --to number them.

                Examples:
                  micsync config show
                  micsync config show --config ./other.json
                """)

        @OptionGroup var file: ConfigFileOption

        func run() throws {
            let loaded = try file.selection.load()
            let style = Style.standardOutput
            Console.print("config file: \(loaded.found.file) (\(loaded.found.reason))")
            for configuration in loaded.configurations {
                Console.print("")
                Console.print(style(configuration.name, .bold))
                var table = TextTable()
                table.rows = configuration.locations.map { location in
                    [.init(location.role.rawValue), .init("\(location.index)"), .init(location.path),
                     location.isAccessible ? .init("accessible", .green) : .init("not accessible", .red)]
                }
                table.lines(style: style).forEach(Console.print)
                if !configuration.exclude.isEmpty {
                    Console.print("  exclude: \(configuration.exclude.joined(separator: "  "))")
                }
                Console.print("  trash: \(configuration.trash ? "on" : "off"), "
                    + "largest deletion without --force: \(configuration.maxDeletePercent.formatted())%")
            }
        }
    }
}
