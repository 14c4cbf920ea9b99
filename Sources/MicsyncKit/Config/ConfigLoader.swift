import Foundation

/// Reads a config file in the original's format and checks every entry, so that a typo never silently
/// changes what a run does. Each problem names the file and the entry (`configs[1].backup[0]`).
public struct ConfigLoader {
    static let topLevelKeys = ["configs"]
    static let configurationKeys = [
        "name", "work", "backup", "exclude", "trash", "maxDeletePercent", "xattrs", "acls", "auto", "keep",
        "remind",
    ]
    /// The keys of a BACKUP given as an object rather than a path.
    static let backupKeys = ["path", "remind"]
    /// No config is near this; a larger "file" (`/dev/zero`, a disc image given by mistake) is refused unread.
    static let sizeLimit = 16 * 1024 * 1024

    public let file: String

    public init(file: String) {
        self.file = file
    }

    /// Loads and validates the file; throws with every problem found, pointing at `config check`.
    public func load() throws(MicsyncError) -> ConfigSet {
        let (set, problems) = try check()
        guard problems.count < 2 else {
            throw .config(
                "\(file): \(problems.count) problems; fix them (`micsync config check` lists them):\n"
                    + problems.map { "  " + $0 }.joined(separator: "\n"))
        }
        if let first = problems.first { throw .config("\(first); see `micsync config check`") }
        return set
    }

    /// Every problem in the file (empty when it is valid), and the configurations that parsed.
    /// Throws only when the file cannot be read or is not JSON at all.
    public func check() throws(MicsyncError) -> (ConfigSet, problems: [String]) {
        let data: Data
        switch FileSystem.contents(of: file, limit: Self.sizeLimit) {
        case .success(let contents): data = contents
        case .failure(let reason): throw .config("\(file): cannot read the config file: \(reason)")
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            let place = error.location.map { "line \($0.line), column \($0.column): " } ?? ""
            throw .config("\(file): \(place)invalid JSON: \(error.reason)")
        }
        if let duplicate = DuplicateKeys.first(in: [UInt8](data)) {
            let entry = duplicate.entry.isEmpty ? "" : duplicate.entry + ": "
            throw .config(
                "\(file): \(entry)the key \"\(duplicate.key)\" is given twice; keep one (a setting must not depend "
                    + "on which of the two wins)")
        }
        var validator = Validator(
            file: file, resolver: PathResolver(base: (file as NSString).deletingLastPathComponent))
        let configurations = validator.configurations(in: root)
        return (ConfigSet(configurations: configurations), validator.problems)
    }
}

/// Walks the parsed document, collecting one message per problem.
private struct Validator {
    let file: String
    let resolver: PathResolver
    var problems: [String] = []

    mutating func problem(_ entry: String, _ text: String) {
        problems.append("\(file): \(entry.isEmpty ? "" : entry + ": ")\(text)")
    }

    mutating func configurations(in root: JSONValue) -> [Configuration] {
        guard case .object(let top) = root else {
            problem("", "the file must hold an object with a \"configs\" list, found \(root.typeName)")
            return []
        }
        unknownKeys(top, known: ConfigLoader.topLevelKeys, entry: "")
        guard let list = top["configs"] else {
            problem("", "missing \"configs\": the list of configurations")
            return []
        }
        guard case .array(let entries) = list else {
            problem("configs", "must be a list of configurations, found \(list.typeName)")
            return []
        }
        if entries.isEmpty { problem("configs", "the list is empty: add at least one configuration") }
        var result: [Configuration] = []
        var seenNames: [String: Int] = [:]
        for (number, entry) in entries.enumerated() {
            guard let configuration = configuration(entry, at: "configs[\(number)]") else { continue }
            if let first = seenNames[configuration.name] {
                problem("configs[\(number)].name", "\"\(configuration.name)\" is already the name of configs[\(first)]")
            }
            seenNames[configuration.name] = seenNames[configuration.name] ?? number
            result.append(configuration)
        }
        return result
    }

    mutating func configuration(_ value: JSONValue, at entry: String) -> Configuration? {
        guard case .object(let fields) = value else {
            problem(entry, "must be an object with \"name\", \"work\" and \"backup\", found \(value.typeName)")
            return nil
        }
        let before = problems.count
        unknownKeys(fields, known: ConfigLoader.configurationKeys, entry: entry)
        let name = required(fields, "name", in: entry).flatMap { string($0, at: "\(entry).name") }
        var noReminders: [Int: JSONValue] = [:]
        let working = locations(fields, role: .working, at: entry, reminders: &noReminders)
        var ownReminders: [Int: JSONValue] = [:]
        let backups = locations(fields, role: .backup, at: entry, reminders: &ownReminders)
        let remind = fields["remind"].flatMap { interval($0, at: "\(entry).remind") }
        var reminders: [Int: Interval] = [:]
        for backup in backups {
            reminders[backup.index] =
                ownReminders[backup.index].map { interval($0, at: "\(entry).backup[\(backup.index)].remind") }
                ?? remind
        }
        let exclude = fields["exclude"].map { excludes($0, at: "\(entry).exclude") } ?? []
        let trash = fields["trash"].map { bool($0, at: "\(entry).trash") } ?? true
        let maxDeletePercent =
            fields["maxDeletePercent"].map { percent($0, at: "\(entry).maxDeletePercent") }
            ?? Configuration.defaultMaxDeletePercent
        let extendedMetadata = ExtendedMetadata(
            xattrs: fields["xattrs"].map { bool($0, at: "\(entry).xattrs") } ?? false,
            acls: fields["acls"].map { bool($0, at: "\(entry).acls") } ?? false)
        let auto = fields["auto"].map { autoSchedule($0, at: "\(entry).auto") } ?? .off
        let keep = fields["keep"].flatMap { keepPolicy($0, at: "\(entry).keep") }
        overlaps(working + backups, at: entry)
        guard problems.count == before, let name else { return nil }
        return Configuration(
            name: name, working: working, backups: backups, exclude: exclude,
            trash: trash, maxDeletePercent: maxDeletePercent, extendedMetadata: extendedMetadata,
            auto: auto, keep: keep, reminders: reminders)
    }

    /// The locations of `role`; a BACKUP may also be an object, `{"path": …, "remind": …}`, whose `remind`
    /// goes to `reminders` under its index.
    mutating func locations(
        _ fields: [String: JSONValue], role: Role, at entry: String, reminders: inout [Int: JSONValue]
    ) -> [Location] {
        let key = "\(entry).\(role.configKey)"
        guard let value = required(fields, role.configKey, in: entry) else { return [] }
        let paths = role == .backup ? backupPaths(value, at: key, reminders: &reminders) : strings(value, at: key)
        if case .array(let items) = value, items.isEmpty {
            problem(key, "the list is empty: a configuration needs at least one \(role.rawValue) location")
        }
        return paths.enumerated().compactMap { index, path in
            guard !path.isEmpty else {
                problem("\(key)[\(index)]", "the path is empty")
                return nil
            }
            // A NUL would cut the path short where the system reads it; other control characters are typos.
            if let control = path.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
                problem(
                    "\(key)[\(index)]",
                    "the path holds a control character (U+\(String(format: "%04X", control.value))); remove it")
                return nil
            }
            if case .failure(let remoteProblem) = RemotePath.parse(path) {
                problem("\(key)[\(index)]", "\(remoteProblem.message): \(path)")
                return nil
            }
            return Location(role: role, index: index, path: resolver.location(path), spelled: resolver.absolute(path))
        }
    }

    /// Identical or nested locations of one configuration would make a sync copy a location into itself,
    /// also when one reaches the other's directory through another mount (a bind mount: the same place in
    /// the same filesystem).
    mutating func overlaps(_ locations: [Location], at entry: String) {
        let places = locations.map { Mount.place(of: $0.path) }
        for (i, a) in locations.enumerated() {
            for (j, b) in locations.enumerated() where j > i {
                let same = a.path == b.path || (places[i] != nil && places[i] == places[j])
                guard same || a.contains(b.path) || b.contains(a.path) || Self.nested(places[i], places[j]) else {
                    continue
                }
                let relation = same ? "is the same directory as" : "overlaps (one contains the other)"
                problem(entry, "\(name(of: a)) \(a.path) \(relation) \(name(of: b)) \(b.path)")
            }
        }
    }

    static func nested(_ a: Mount.Place?, _ b: Mount.Place?) -> Bool {
        guard let a, let b, a.device == b.device else { return false }
        func inside(_ inner: String, _ outer: String) -> Bool { outer == "/" || inner.hasPrefix(outer + "/") }
        return inside(a.path, b.path) || inside(b.path, a.path)
    }

    func name(of location: Location) -> String { "\(location.role.configKey)[\(location.index)]" }

    mutating func unknownKeys(_ fields: [String: JSONValue], known: [String], entry: String) {
        for key in fields.keys.sorted() where !known.contains(key) {
            // A key far longer than any known one is no typo of it; it is also cut short in the message.
            let shown = key.count > 60 ? key.prefix(60) + "…" : key
            let nearest = key.count > 60 ? nil : known.min { editDistance(key, $0) < editDistance(key, $1) }
            let suggestion = nearest.map { "; did you mean \"\($0)\"?" } ?? ""
            problem(entry, "unknown key \"\(shown)\"\(suggestion) (known keys: \(known.joined(separator: ", ")))")
        }
    }

    mutating func required(_ fields: [String: JSONValue], _ key: String, in entry: String) -> JSONValue? {
        if fields[key] == nil { problem(entry, "missing \"\(key)\"") }
        return fields[key]
    }

    mutating func string(_ value: JSONValue, at entry: String) -> String? {
        guard case .string(let text) = value else {
            problem(entry, "must be a string, found \(value.typeName)")
            return nil
        }
        return text
    }

    mutating func strings(_ value: JSONValue, at entry: String) -> [String] {
        guard case .array(let items) = value else {
            problem(entry, "must be a list of strings, found \(value.typeName)")
            return []
        }
        return items.enumerated().compactMap { index, item in string(item, at: "\(entry)[\(index)]") }
    }

    /// The paths of a `backup` list, each a string or `{"path": …, "remind": …}`.
    mutating func backupPaths(_ value: JSONValue, at entry: String, reminders: inout [Int: JSONValue]) -> [String] {
        guard case .array(let items) = value else { return strings(value, at: entry) }
        var paths: [String] = []
        for (index, item) in items.enumerated() {
            let place = "\(entry)[\(index)]"
            guard case .object(let fields) = item else {
                if let path = string(item, at: place) { paths.append(path) }
                continue
            }
            unknownKeys(fields, known: ConfigLoader.backupKeys, entry: place)
            reminders[index] = fields["remind"]
            if let path = required(fields, "path", in: place).flatMap({ string($0, at: "\(place).path") }) {
                paths.append(path)
            }
        }
        return paths
    }

    /// A duration longer than zero (`7d`, `12h`, `90s`: `Interval.forms`).
    mutating func interval(_ value: JSONValue, at entry: String) -> Interval? {
        guard case .string(let text) = value, let interval = Interval(text),
            interval.seconds > 0
        else {
            problem(entry, "must be a duration longer than zero such as \"7d\" (\(Interval.forms))")
            return nil
        }
        return interval
    }

    /// The patterns of an `exclude` list, each one rsync can read and none that clears micsync's own.
    mutating func excludes(_ value: JSONValue, at entry: String) -> [String] {
        guard case .array(let items) = value else { return strings(value, at: entry) }
        return items.enumerated().compactMap { index, item in
            guard let pattern = string(item, at: "\(entry)[\(index)]") else { return nil }
            if let problem = ExcludeRule.problem(pattern) { self.problem("\(entry)[\(index)]", problem) }
            return pattern
        }
    }

    mutating func bool(_ value: JSONValue, at entry: String) -> Bool {
        guard case .bool(let flag) = value else {
            problem(entry, "must be true or false, found \(value.typeName)")
            return true
        }
        return flag
    }

    mutating func autoSchedule(_ value: JSONValue, at entry: String) -> AutoSchedule {
        let (schedule, found) = AutoSchedule.read(value, at: entry)
        for (place, text) in found { problem(place, text) }
        return schedule
    }

    mutating func keepPolicy(_ value: JSONValue, at entry: String) -> KeepPolicy? {
        guard case .object(let fields) = value else {
            problem(entry, "must be an object of rules such as {\"daily\": 7, \"weekly\": 4}, found \(value.typeName)")
            return nil
        }
        unknownKeys(fields, known: KeepPolicy.keys, entry: entry)
        let (policy, found) = KeepPolicy.read(fields, at: entry)
        for (place, text) in found { problem(place, text) }
        return policy
    }

    mutating func percent(_ value: JSONValue, at entry: String) -> Double {
        guard case .number(let number) = value, (0...100).contains(number) else {
            problem(entry, "must be a number from 0 to 100")
            return Configuration.defaultMaxDeletePercent
        }
        return number
    }
}

/// The name a typo most likely meant (an action, an option, a configuration): within two edits, or the only
/// one it begins.
public func nearestName(to word: String, in names: [String]) -> String? {
    guard !word.isEmpty, word.count <= 40 else { return nil }
    let scored = names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= min(2, max(1, $0.0.count / 3)) }
    if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
    let prefixed = word.count < 2 ? [] : names.filter { $0.hasPrefix(word.lowercased()) }
    return prefixed.count == 1 ? prefixed[0] : nil
}

/// Levenshtein distance, to suggest the known name nearest to a typo.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1]
        for (j, y) in b.enumerated() {
            current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
        }
        previous = current
    }
    return previous[b.count]
}
