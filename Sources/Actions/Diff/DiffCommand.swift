import ArgumentParser
import MicsyncKit

/// `micsync diff PATH…`: what differs between the WORKING and each accessible BACKUP, changing nothing.
public struct DiffCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what differs between the WORKING and each BACKUP; change nothing.",
        discussion: """
            Compares the scope of PATH in the WORKING location with every accessible BACKUP, in both \
            directions: what is only in the WORKING, only in the BACKUP, and what differs (by size and \
            modification time, as a backup would see it; by content with --checksum, which reads every file). \
            The paths may be typed in the WORKING or a BACKUP. Nothing is ever changed: these are rsync dry \
            runs. The exit status is 0 whether or not there are differences.

            Examples:
              micsync diff ~/docs                   what differs, in both directions
              micsync diff --checksum ~/photos      compare content, not only size and time
              micsync diff --json /mnt/disc1/docs   for scripts
            """)

    @Argument(help: "Files or directories inside a configured location (WORKING or BACKUP).", completion: .file())
    var paths: [String] = []

    @Option(name: .customLong("config"), help: "The config file to use.", completion: .file(extensions: ["json"]))
    var configFile: String?

    @Option(name: .customLong("config-name"), help: "The configuration to use when the paths are in several.",
            completion: .custom(CompletionCandidates.configurationNames))
    var configurationName: String?

    @Flag(name: [.customShort("c"), .long], help: "Compare file content (rsync --checksum), not size and time.")
    var checksum = false

    @Flag(help: "Print the differences as one JSON document.")
    var json = false

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one path inside a configured location") }
    }

    public func run() async throws {
        let found = try ConfigLocator().locate(explicit: configFile)
        let configurations = try ConfigLoader(file: found.file).load().configurations
        let resolver = PathResolver(base: FileSystem.currentDirectory)
        let questions = Questions()
        let scope = try ScopeResolver(configurations: configurations, resolver: resolver, questions: questions)
            .resolve(paths, configurationName: configurationName)
        let chooser = LocationChooser(scope: scope, questions: questions, resolver: resolver)
        let working = try chooser.one(.working, named: [], purpose: "one to compare")
        let backups = try chooser.several(.backup, named: [], purpose: "one to compare", all: true)
        try requireScope(scope, in: [working] + backups)
        var comparison = Comparison(source: working, scope: scope)
        comparison.checksum = checksum
        let differences = DiffDocument(working: working, checksum: checksum,
                                       backups: zip(backups, try await comparison.plans(backups)).map { ($0, $1) })
        if json {
            differences.writeJSON()
        } else {
            Console.print(differences.text(style: .standardOutput))
        }
    }

    /// Each typed path must exist on at least one side, or there is nothing to compare.
    private func requireScope(_ scope: Scope, in locations: [Location]) throws(MicsyncError) {
        let missing = scope.relativePaths.filter { path in !locations.contains { FileSystem.exists($0.path + "/" + path) } }
        guard missing.isEmpty else {
            throw .notFound("not found in the WORKING nor in any accessible BACKUP:\n"
                + missing.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
