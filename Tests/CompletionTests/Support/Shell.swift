import Foundation

/// A throwaway HOME with a config of two configurations, where the committed scripts run in real shells
/// with the built `micsync` first on PATH (it answers the live candidates).
final class Sandbox {
    let root: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "micsync-completion-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw POSIXError(.EIO) }
        root = String(cString: template)
        for directory in ["home", "main/w", "main/b1", "main/b2", "other/w", "other/b"] {
            try FileManager.default.createDirectory(atPath: path(directory), withIntermediateDirectories: true)
        }
        try "x".write(toFile: path("main/w/report.txt"), atomically: false, encoding: .utf8)
        try write(config: [("main", ["main/w"], ["main/b1", "main/b2"]), ("other", ["other/w"], ["other/b"])],
                  to: home + "/.micsync.json")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var home: String { root + "/home" }

    func path(_ relative: String) -> String { root + "/" + relative }

    func locations(_ relatives: String...) -> [String] { relatives.map(path) }

    /// Writes a config file in the original's format; locations are relative to the sandbox.
    func write(config: [(name: String, work: [String], backup: [String])], to file: String) throws {
        func list(_ paths: [String]) -> String { paths.map { "\"\(path($0))\"" }.joined(separator: ", ") }
        let entries = config.map { "{\"name\": \"\($0.name)\", \"work\": [\(list($0.work))], \"backup\": [\(list($0.backup))]}" }
        try "{\"configs\": [\(entries.joined(separator: ", "))]}\n".write(toFile: file, atomically: false, encoding: .utf8)
    }

    func breakConfig() throws {
        try "{\"configs\": [ oops".write(toFile: home + "/.micsync.json", atomically: false, encoding: .utf8)
    }

    /// Runs `executable` in the sandbox with its own HOME and XDG directories, the built binaries first on PATH.
    func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        var base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MICSYNC_") }
        base["PATH"] = Binary.directory + ":" + (base["PATH"] ?? "/usr/bin:/bin")
        base["HOME"] = home
        base["XDG_CONFIG_HOME"] = home + "/.config"
        base["XDG_DATA_HOME"] = home + "/.local/share"
        return try Binary.run(executable, arguments, directory: root, environment: base.merging(environment) { $1 })
    }
}

struct Output: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// The built executables, found next to the test bundle, and the repository holding completions/.
enum Binary {
    static let directory: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.path + "/micsync-completions") { return url.path }
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug"
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func script(_ name: String) -> String { repository + "/completions/" + name }

    static func run(_ executable: String, _ arguments: [String], directory: String,
                    environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Drain both pipes while the process runs, so a long output never blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
