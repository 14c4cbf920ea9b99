import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// `micsync --config FILE status`: the options that choose the config (`--config`, `--config-name`) may also
/// come before the command, as they may before the original's `--backup`. They move to just after the
/// command's words (`trash list`, say), where ArgumentParser reads them.
enum LeadingConfigOptions {
    static func rewrite(_ arguments: [String], commands: [any ParsableCommand.Type] = Registry.commands) -> [String] {
        let names = [ConfigFileOption.longName, ConfigOptions.nameLongName].map { "--" + $0 }
        var end = 0
        while end < arguments.count {
            if names.contains(arguments[end]) {
                end += 2
            } else if names.contains(where: { arguments[end].hasPrefix($0 + "=") }) {
                end += 1
            } else {
                break
            }
        }
        var path = end
        var level = commands
        while path < arguments.count, let command = level.first(where: { $0._commandName == arguments[path] }) {
            level = command.configuration.subcommands
            path += 1
        }
        guard end > 0, path > end else { return arguments }
        return Array(arguments[end..<path] + arguments[..<end] + arguments[path...])
    }
}
