import ArgumentParser
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
            let loaded = try file.selection.load()
            let style = Style.standardOutput
            Console.print("config file: \(loaded.found.file) (\(loaded.found.reason))")
            for configuration in loaded.configurations {
                Console.print("")
                Console.print(style(configuration.name, .bold))
                var table = TextTable()
                let probe = FilesystemProbe()
                for location in configuration.locations {
                    let access = location.access()
                    table.rows.append([
                        .init(location.role.rawValue), .init("\(location.index)"), .init(location.path),
                        access.isAccessible ? .init("accessible", .green) : .init("not accessible", .red),
                    ])
                    let detail =
                        access.isAccessible
                        ? probe.profile(of: location).summary
                            + (FileSystem.freeSpace(location.path).map { ", \(ByteCount.readable($0)) free" } ?? "")
                        : access.reason
                    table.rows.append([.init(""), .init(""), .init(detail, access.isAccessible ? nil : .red)])
                }
                table.lines(style: style).forEach(Console.print)
                if !configuration.exclude.isEmpty {
                    Console.print("  exclude: \(configuration.exclude.joined(separator: "  "))")
                }
                Console.print(
                    "  trash: \(configuration.trash ? "on" : "off"), "
                        + "largest deletion without --force: \(configuration.maxDeletePercent.formatted())%")
            }
        }
    }
}
