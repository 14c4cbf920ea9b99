import ArgumentParser
import MicsyncCLI
import MicsyncKit

extension ConfigCommand {
    /// Each configuration with its resolved locations and options.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each configuration with its resolved paths, which are accessible, and their filesystems.",
            discussion: """
                Locations are shown as micsync uses them: absolute, with ~ and symlinks resolved, numbered \
                as menus, --from and --to number them. Each accessible location shows its free space and its \
                filesystem with what it cannot hold (e.g. exfat, no symlinks, case-insensitive); any other says \
                why it cannot be used.

                Examples:
                  micsync config show
                  micsync config show --config ./other.json
                """)

        @OptionGroup var file: ConfigFileOption

        func run() throws {
            let terminal = CommandContext.current.terminal
            let loaded = try file.selection.load()
            let style = terminal.style
            terminal.print("config file: \(loaded.found.file) (\(loaded.found.reason))")
            for configuration in loaded.configurations {
                terminal.print("")
                terminal.print(style(configuration.name, .bold))
                var table = TextTable()
                let book = CommandContext.current.locations
                book.prefetch(configuration.locations)
                for location in configuration.locations {
                    let facts = LocationFacts(location, access: book.access(location), locations: book)
                    let free = facts.freeBytes.map { ", \(ByteCount.readable($0)) free" } ?? ""
                    table.rows.append(facts.cells)
                    table.rows.append([.init(""), .init(""), .init(facts.detail.text + free, facts.detail.colour)])
                }
                table.lines(style: style).forEach(terminal.print)
                if !configuration.exclude.isEmpty {
                    terminal.print("  exclude: \(configuration.exclude.joined(separator: "  "))")
                }
                terminal.print(
                    "  trash: \(configuration.trash ? "on" : "off"), "
                        + "largest deletion without --force: \(configuration.maxDeletePercent.formatted())%, "
                        + configuration.extendedMetadata.summary)
                terminal.print("  auto: \(configuration.auto)")
                terminal.print("  remind: \(configuration.remindSummary)")
                terminal.print("  keep: " + (configuration.keep.map { "\($0)" } ?? "every trash folder"))
            }
        }
    }
}
