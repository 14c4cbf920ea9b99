import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

/// Thousands of typed paths: ArgumentParser takes time quadratic in the number of positional arguments
/// (6,000 paths: about 30 s), so past `threshold` arguments the paths of a sync action are taken out before
/// parsing, only the first one left for it to see, and handed to the run whole (`CommandContext.typedPaths`).
enum TypedPathArguments {
    static let threshold = 64

    /// `arguments` with the paths past the first taken out, and the paths taken (nil when there are few).
    static func extract(_ arguments: [String]) -> (arguments: [String], paths: [String]?) {
        guard arguments.count > threshold, let name = arguments.first,
            let command = Registry.commands.first(where: { $0.configuration.commandName == name }),
            command is any OriginallySpelled.Type
        else { return (arguments, nil) }
        let valued = optionsTakingValues(command)
        var kept = [name], paths: [String] = []
        var index = 1
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                paths += arguments[(index + 1)...]
                break
            }
            if word.hasPrefix("-"), word.count > 1 {
                kept.append(word)
                if valued.contains(word), index + 1 < arguments.count {
                    kept.append(arguments[index + 1])
                    index += 1
                }
            } else {
                paths.append(word)
            }
            index += 1
        }
        guard let first = paths.first else { return (arguments, nil) }
        return (kept + ["--", first], paths)
    }

    /// `--config`, `-x`…: the spellings of the options that take a value, from the command's own help dump.
    private static func optionsTakingValues(_ command: any ParsableCommand.Type) -> Set<String> {
        guard let tool = try? JSONSerialization.jsonObject(with: Data(command._dumpHelp().utf8)) as? [String: Any],
            let info = tool["command"] as? [String: Any],
            let arguments = info["arguments"] as? [[String: Any]]
        else { return [] }
        var spellings = Set<String>()
        for argument in arguments where argument["kind"] as? String == "option" {
            for name in argument["names"] as? [[String: Any]] ?? [] {
                guard let text = name["name"] as? String else { continue }
                spellings.insert((name["kind"] as? String == "short" ? "-" : "--") + text)
            }
        }
        return spellings
    }
}
