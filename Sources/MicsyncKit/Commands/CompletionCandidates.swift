import Foundation

/// Live TAB candidates read from the user's own config: the one `micsync` itself would use (`--config FILE`
/// typed earlier on the line, `$MICSYNC_CONFIG`, then the default places). They run inside the shell's
/// completion, so they never print: a missing or broken config simply offers nothing.
public enum CompletionCandidates {
    /// Configuration names, for `--config-name`.
    @Sendable public static func configurationNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        configurations(words).map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// Location paths, for `--from` and `--to`: of the configuration named by `--config-name`, else of the
    /// configurations holding a path typed on the line (one that exists), else of every configuration.
    @Sendable public static func locations(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let all = configurations(words)
        let chosen: [Configuration]
        if let name = value(of: "--config-name", in: words) {
            chosen = all.filter { $0.name == name }
        } else {
            let resolver = PathResolver(base: FileSystem.currentDirectory)
            let typed = words.indices.filter { $0 > 0 && $0 != index && !words[$0].hasPrefix("-") }
                .map { resolver.location(words[$0]) }.filter { FileManager.default.fileExists(atPath: $0) }
            let holding = all.filter { configuration in
                typed.contains { path in configuration.locations.contains { $0.contains(path) } }
            }
            chosen = holding.isEmpty ? all : holding
        }
        var seen = Set<String>()
        return chosen.flatMap(\.locations).map(\.path).filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }

    private static func configurations(_ words: [String]) -> [Configuration] {
        (try? ConfigSelection(file: value(of: "--config", in: words)).load().configurations) ?? []
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
