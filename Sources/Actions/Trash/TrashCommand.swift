import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// `micsync trash list|restore|purge`: what runs kept of the files they overwrote or deleted.
public struct TrashCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trash",
        abstract: "List, restore or purge what runs overwrote or deleted.",
        discussion: """
            Every file a run overwrites or deletes at a destination is kept in that location's trash, \
            LOCATION/.micsync/trash/TIMESTAMP/RELATIVE/PATH, TIMESTAMP being the run's start in UTC \
            (e.g. 20261124T213005Z). Nothing is kept with "trash": false in the configuration or --no-trash.

            Examples:
              micsync trash list                                     every location's trash
              micsync trash restore 20261124T213005Z ~/docs/a.txt    bring a file back
              micsync trash purge --older-than 30d                   drop old trash
            """,
        subcommands: [List.self, Restore.self, Purge.self]
    )

    public init() {}
}

/// `--config` and `--config-name`, and the locations they and the typed paths select.
struct TrashLocationOptions: ParsableArguments {
    @OptionGroup var config: ConfigOptions

    /// For each path, the location holding it and the path in it (a path in no location is an error);
    /// without paths, each location of every configuration (or of the one named by --config-name) whole.
    /// A location comes once, with the first configuration it is found in.
    func scopes(_ paths: [String]) throws(MicsyncError) -> [Scope] {
        let loaded = try config.selection.load()
        var scopes: [Scope] = []
        if paths.isEmpty {
            scopes = try loaded.chosen().flatMap { configuration in
                configuration.locations.map { Scope.whole($0, of: configuration) }
            }
        } else {
            let questions = CommandContext.current.run.questions
            for path in paths { scopes.append(try loaded.scope([path], questions: questions)) }
        }
        var seen = Set<String>()
        return scopes.filter { seen.insert($0.typedIn.path).inserted }
    }
}
