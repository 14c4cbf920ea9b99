import ArgumentParser
import Foundation

/// `micsync-manual --date YYYY-MM-DD [--output-dir DIR] TOOL…`: a manual page for each built executable, from
/// the command tree it dumps (`--experimental-dump-help`), with micsync's own sections added to micsync's page.
@main
struct MicsyncManual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "micsync-manual",
        abstract: "Write the manual pages of micsync and its maintainer tools from their command trees.",
        discussion: """
            Each TOOL is run with --experimental-dump-help and --version; its page, TOOL.1, has the synopsis, \
            help text and options of every command, as --help shows them. micsync's page adds the exit status, \
            the configuration format, the environment and the files.

            Refresh the committed pages in man/ with `make man`.
            """
    )

    @Argument(help: "The built executables to document.", completion: .file())
    var tools: [String]

    @Option(
        help: "Write TOOL.1 into this directory for each TOOL; without it, print the page of the one TOOL.",
        completion: .directory)
    var outputDir: String?

    @Option(help: "The date the pages carry, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's day).")
    var date: String?

    func validate() throws {
        if outputDir == nil, tools.count != 1 { throw ValidationError("give one TOOL, or --output-dir DIR") }
        if pageDate == nil { throw ValidationError("give --date YYYY-MM-DD or set SOURCE_DATE_EPOCH") }
    }

    /// The given date, or SOURCE_DATE_EPOCH's (reproducible builds set it), never today's.
    private var pageDate: String? {
        if let date { return date }
        guard let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) else {
            return nil
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: epoch))
    }

    func run() throws {
        for tool in tools {
            let info = try JSONDecoder().decode(
                ToolInfo.self, from: Data(try Self.output(of: tool, ["--experimental-dump-help"]).utf8))
            // A maintainer tool may have no --version: its page then carries only its name.
            let version = (try? Self.output(of: tool, ["--version"], errors: .nullDevice))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let name = info.command.commandName
            let page = ManPage(
                tool: info.command, version: version, date: pageDate ?? "",
                extra: name == "micsync" ? MicsyncSections.all : MicsyncSections.maintainerTool
            ).text
            if let outputDir {
                try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
                try page.write(toFile: outputDir + "/" + name + ".1", atomically: true, encoding: .utf8)
            } else {
                print(page, terminator: "")
            }
        }
    }

    private static func output(of tool: String, _ arguments: [String], errors: FileHandle = .standardError) throws
        -> String
    {
        let process = Process()
        process.standardError = errors
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError(
                "\(tool) \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
