import ArgumentParser
import Foundation
import MicsyncKit

/// Live TAB candidates read from the user's own config: the one `micsync` itself would use (`--config FILE`
/// typed earlier on the line, `$MICSYNC_CONFIG`, then the default places). They run inside the shell's
/// completion, so they never print: a missing or broken config simply offers nothing.
public enum CompletionCandidates {
    /// Configuration names, for `--config-name`, each with its WORKINGs and how many BACKUPs beside it (fish
    /// would otherwise repeat the option's help beside every name).
    @Sendable public static func configurationNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let line = TypedLine(words, index, prefix)
        return line.offer(
            line.configurations.map { configuration in
                Candidate(
                    value: configuration.name,
                    description: configuration.working.map(\.path).joined(separator: ", ") + " → "
                        + plural(configuration.backups.count, "BACKUP", "BACKUPs"))
            })
    }

    /// For `--from` and `--to`: the locations of the role the action takes there (every location for an action
    /// of no known direction), by number as menus number them and by path (`trash restore --location`: by path);
    /// zsh and fish show each one's path or role beside it, and whether it is unplugged. The locations are those
    /// of the configuration named by `--config-name`, else of the configurations holding a path typed on the
    /// line, else of every one.
    @Sendable public static func locations(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let line = TypedLine(words, index, prefix)
        let role: Role? =
            switch line.option {
            case "--from": line.direction?.from
            case "--to": line.direction?.to
            default: nil
            }
        // bash shows no descriptions: a bare 0 or 1 among paths means nothing there, unless a digit was typed.
        let bare = ProcessInfo.processInfo.environment["SAP_SHELL"] == "bash" && prefix.first?.isNumber != true
        let numbered = (line.option == "--from" || line.option == "--to") && !bare
        let configurations = line.chosenConfigurations
        let several = configurations.count > 1
        let locations = configurations.flatMap { configuration in
            (role.map(configuration.locations) ?? configuration.locations).map { (configuration.name, $0) }
        }
        // Each location is checked once (a stat and its marker), however many candidates describe it.
        var marks: [String: String] = [:]
        for (_, location) in locations where marks[location.path] == nil { marks[location.path] = mark(location) }
        var numbers: [Int: [String]] = [:]
        for (name, location) in locations {
            numbers[location.index, default: []].append(
                (several ? name + ": " : "") + location.path + marks[location.path]!)
        }
        var seen = Set<String>()
        let paths = locations.filter { seen.insert($0.1.path).inserted }.map { name, location in
            Candidate(
                value: location.path,
                description: "\(location.role.rawValue) \(location.index)"
                    + (several ? " of \(name)" : "") + marks[location.path]!)
        }
        let byNumber =
            numbered
            ? numbers.keys.sorted().map {
                Candidate(value: String($0), description: numbers[$0]!.joined(separator: "; "))
            } : []
        return line.offer(byNumber + paths)
    }

    /// `unlock`: the locations on other hosts, where a crashed run's lock can stay (asking no host), and those of
    /// this machine that hold a lock's record now.
    @Sendable public static func locationsToUnlock(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let line = TypedLine(words, index, prefix)
        var seen = Set<String>()
        let candidates = line.namedConfigurations.flatMap(\.locations)
            .filter { LocationLock.mayBeHeld($0) && seen.insert($0.path).inserted }
            .map { Candidate(value: $0.path, description: "\($0.role.rawValue) \($0.index)") }
        return line.offer(candidates)
    }

    /// For `adopt`: the locations whose micsync marker is missing or is another location's, by path, each
    /// with its role and the reason beside it. Only local ones: telling would mean asking a host, which a
    /// completion never waits for.
    @Sendable public static func locationsToAdopt(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let line = TypedLine(words, index, prefix)
        var seen = Set<String>()
        let candidates = line.namedConfigurations.flatMap(\.locations)
            .filter { $0.remote == nil && seen.insert($0.path).inserted }
            .compactMap { location -> Candidate? in
                let access = CommandContext.current.locations.access(location)
                guard access == .markerMissing || access == .otherMarker else { return nil }
                return Candidate(
                    value: location.path, description: "\(location.role.rawValue) \(location.index) (\(access.reason))")
            }
        return line.offer(candidates)
    }

    /// Beside a location that cannot be used now: unplugged, or the kernel's reason (a bare mount point,
    /// a folder to create, …); nothing beside one that can. One on another host is named by its host and
    /// never asked: a completion must not wait on a host that does not answer.
    private static func mark(_ location: Location) -> String {
        if let remote = location.remote { return " (on \(remote.destination))" }
        return switch CommandContext.current.locations.access(location) {
        case .accessible: ""
        case .missing: " (unplugged)"
        case let access: " (\(access.reason))"
        }
    }

    /// Trash timestamps, for `trash restore`: those of the accessible locations of the configurations (or of
    /// the one named by `--config-name`), newest first, each with the locations holding it. A host is never
    /// asked (see `mark`): a remote location's trash is listed by `micsync trash list`.
    @Sendable public static func trashTimestamps(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let line = TypedLine(words, index, prefix)
        var holders: [String: [String]] = [:]
        var seen = Set<String>()
        let locations = line.namedConfigurations.flatMap(\.locations)
            .filter { $0.remote == nil && seen.insert($0.path).inserted }
        for location in locations where CommandContext.current.locations.access(location).isAccessible {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Trash.root(of: location))) ?? []
            for timestamp in names where Trash.date(of: timestamp) != nil {
                holders[timestamp, default: []].append(location.heading)
            }
        }
        return line.offer(
            holders.keys.sorted(by: >).map {
                Candidate(value: $0, description: holders[$0]!.joined(separator: ", "))
            })
    }
}

extension CompletionCandidates {
    /// For `restore --from`: every location of the configurations in question, by path, with its role and
    /// number beside it (marked when it cannot be used now, as for `--from`/`--to`).
    @Sendable public static func locationPaths(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let line = TypedLine(words, index, prefix)
        var seen = Set<String>()
        let candidates = line.chosenConfigurations.flatMap(\.locations)
            .filter { seen.insert($0.path).inserted }
            .map { Candidate(value: $0.path, description: "\($0.role.rawValue) \($0.index)" + mark($0)) }
        return line.offer(candidates)
    }

    /// For `restore --at`: the second before each run that filled a trash folder of the configurations in
    /// question (local locations only, as for `trash restore`), newest first, in local time: the state that
    /// run changed, to go back to.
    @Sendable public static func trashTimes(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let line = TypedLine(words, index, prefix)
        var holders: [Date: [String]] = [:]
        var seen = Set<String>()
        let locations = line.chosenConfigurations.flatMap(\.locations)
            .filter { $0.remote == nil && seen.insert($0.path).inserted }
        for location in locations where CommandContext.current.locations.access(location).isAccessible {
            for timestamp in Trash.timestamps(in: location) {
                if let date = Trash.date(of: timestamp) { holders[date, default: []].append(location.heading) }
            }
        }
        return line.offer(
            holders.keys.sorted(by: >).map { date in
                Candidate(
                    value: TimeWords.localToTheSecond(date.addingTimeInterval(-1)).replacingOccurrences(
                        of: " ", with: "T"),
                    description: "before the run that changed " + holders[date]!.joined(separator: ", "))
            })
    }
}

/// A subcommand that runs one sync action in a known direction.
public protocol DirectedCommand {
    static var actionName: String { get }
    static var direction: Direction? { get }
}

extension SyncCommand: DirectedCommand {
    public static var actionName: String { Action.name }
    public static var direction: Direction? { Action.direction }
}

/// The command line at TAB time, its words without their shell quoting.
private struct TypedLine {
    let shell: ShellLine
    let rawCurrentWord: String
    let words: [String]
    let index: Int
    let prefix: String

    init(_ rawWords: [String], _ index: Int, _ rawPrefix: String) {
        let shell = ShellLine.requesting
        self.shell = shell
        words = rawWords.map(shell.unquote)
        self.index = index
        rawCurrentWord = rawWords.indices.contains(index) ? rawWords[index] : ""
        prefix = shell.unquote(rawPrefix)
    }

    /// The candidates starting with what was typed, as lines for the shell.
    func offer(_ candidates: [Candidate]) -> [String] {
        shell.lines(candidates.filter { $0.value.hasPrefix(prefix) }, currentWord: rawCurrentWord)
    }

    /// The option whose value is being completed.
    var option: String? { index > 0 && words.indices.contains(index - 1) ? words[index - 1] : nil }

    /// The direction of the action on the line: the original's `--ACTION` or the action word.
    var direction: Direction? {
        let directions = CommandContext.current.directions
        for word in words.prefix(index).dropFirst() {
            if word == "--" { break }
            if let direction = directions[word.hasPrefix("--") ? String(word.dropFirst(2)) : word] { return direction }
        }
        return nil
    }

    var configurations: [Configuration] {
        (try? ConfigSelection(file: value(of: "--config")).load().configurations) ?? []
    }

    /// The configuration named by `--config-name`, else every one.
    var namedConfigurations: [Configuration] {
        let all = configurations
        guard let name = value(of: "--config-name") else { return all }
        return all.filter { $0.name == name }
    }

    /// The configuration named by `--config-name`, else those holding a path typed on the line (one that
    /// exists), else every one.
    var chosenConfigurations: [Configuration] {
        let all = configurations
        if let name = value(of: "--config-name") { return all.filter { $0.name == name } }
        let resolver = PathResolver(base: FileSystem.currentDirectory)
        let typed = words.indices.filter { $0 > 0 && $0 != index && !words[$0].hasPrefix("-") }
            .map { resolver.location(words[$0]) }.filter { FileManager.default.fileExists(atPath: $0) }
        let holding = all.filter { configuration in
            typed.contains { path in configuration.locations.contains { $0.contains(path) } }
        }
        return holding.isEmpty ? all : holding
    }

    /// The value after `option` (or in `option=value`) among the words typed before the cursor's.
    func value(of option: String) -> String? {
        for (position, word) in words.enumerated() where position != index {
            if word.hasPrefix(option + "=") { return String(word.dropFirst(option.count + 1)) }
            if word == option, position + 1 < words.count, position + 1 != index { return words[position + 1] }
        }
        return nil
    }
}
