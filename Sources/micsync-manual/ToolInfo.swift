/// The part of ArgumentParser's `--experimental-dump-help` document (ToolInfo, serialization version 0) that
/// a manual page needs. ArgumentParser does not ship the types as a library, so they are mirrored here.
struct ToolInfo: Decodable {
    let serializationVersion: Int
    let command: CommandInfo
}

struct CommandInfo: Decodable {
    let commandName: String
    let superCommands: [String]?
    let abstract: String?
    let discussion: String?
    let shouldDisplay: Bool?
    let arguments: [ArgumentInfo]?
    let subcommands: [CommandInfo]?

    /// `micsync trash restore`: the command as typed.
    var fullName: String { ((superCommands ?? []) + [commandName]).joined(separator: " ") }

    var shown: [ArgumentInfo] { (arguments ?? []).filter(\.shouldDisplay) }
    var shownSubcommands: [CommandInfo] { (subcommands ?? []).filter { $0.shouldDisplay ?? true } }
}

struct ArgumentInfo: Decodable {
    enum Kind: String, Decodable { case positional, option, flag }

    struct Name: Decodable {
        let kind: String
        let name: String

        var spelled: String { kind == "long" ? "--" + name : "-" + name }
    }

    let kind: Kind
    let shouldDisplay: Bool
    let isOptional: Bool
    let isRepeating: Bool
    let names: [Name]?
    let valueName: String?
    let defaultValue: String?
    let allValues: [String]?
    let abstract: String?
    let discussion: String?

    func adding(names more: [Name]) -> ArgumentInfo {
        ArgumentInfo(
            kind: kind, shouldDisplay: shouldDisplay, isOptional: isOptional, isRepeating: isRepeating,
            names: (names ?? []) + more, valueName: valueName, defaultValue: defaultValue,
            allValues: allValues, abstract: abstract, discussion: discussion)
    }
}
