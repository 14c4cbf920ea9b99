import ArgumentParser
import MicsyncCLI
import MicsyncKit

extension ConfigCommand {
    /// Every problem of the config file, each with its place; exit 2 when there is one.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the config file; list every problem with its place.",
            discussion: """
                Problems are listed on stdout, one a line, each naming the file and the entry \
                (line and column for JSON syntax, configs[1].backup[0] for an entry). Exit status: 0 when \
                the file is valid, 2 when it has problems or cannot be found.

                Examples:
                  micsync config check
                  micsync config check --config ./new-config.json
                """)

        @OptionGroup var file: ConfigFileOption

        func run() throws {
            let terminal = CommandContext.current.terminal
            let found = try file.selection.locate()
            let configurations: ConfigSet, problems: [String]
            do {
                (configurations, problems) = try ConfigLoader(file: found.file).check()
            } catch {
                terminal.print(error.message)
                throw MicsyncError.config("\(found.file): 1 problem")
            }
            guard problems.isEmpty else {
                problems.forEach(terminal.print)
                throw MicsyncError.config("\(found.file): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            }
            let count = configurations.configurations.count
            terminal.print("\(found.file): OK, \(count) configuration\(count == 1 ? "" : "s")")
            // Valid, yet useless as written: most likely a typo, or paths relative to another folder. A location
            // is asked where it lives; a host that does not answer may hold it.
            let book = CommandContext.current.locations
            defer { book.close() }
            for configuration in configurations.configurations
            where !configuration.locations.contains(where: { book.exists($0) != false }) {
                terminal.print(
                    "warning: configuration \"\(configuration.name)\": none of its locations exists "
                        + "(relative paths are relative to the config file's folder)")
            }
        }
    }
}
