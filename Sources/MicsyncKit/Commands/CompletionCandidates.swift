import Foundation

/// Live TAB candidates read from the user's own config. They run inside the shell's completion, so they
/// never print an error: a missing or broken config simply offers nothing.
public enum CompletionCandidates {
    /// Configuration names, for `--config-name`.
    @Sendable public static func configurationNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        configurations(words).map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// Location paths, for `--from` and `--to`: of the configuration named by `--config-name` when given.
    @Sendable public static func locations(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let name = value(of: "--config-name", in: words)
        let chosen = configurations(words).filter { name == nil || $0.name == name }
        var seen = Set<String>()
        return chosen.flatMap(\.locations).map(\.path).filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }

    private static func configurations(_ words: [String]) -> [Configuration] {
        guard let found = try? ConfigLocator().locate(explicit: value(of: "--config", in: words)),
              let set = try? ConfigLoader(file: found.file).load() else { return [] }
        return set.configurations
    }

    /// The value after `option` (or in `option=value`) among the words typed so far.
    private static func value(of option: String, in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word.hasPrefix(option + "=") { return String(word.dropFirst(option.count + 1)) }
            if word == option, index + 1 < words.count { return words[index + 1] }
        }
        return nil
    }
}
