import Foundation
import Testing

/// A throwaway directory tree with its own HOME and config, where the built `micsync` runs for real.
final class Sandbox {
    let root: String

    init() throws {
        let template = NSTemporaryDirectory() + "micsync-e2e-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw POSIXError(.EIO) }
        root = String(cString: bytes)
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
    }

    deinit {
        _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", root]).waitUntilExit()
        try? FileManager.default.removeItem(atPath: root)
    }

    var home: String { root + "/home" }
    var configFile: String { home + "/.micsync.json" }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `{"configs": [...]}` to the original's `~/.micsync.json`; locations are relative to the sandbox.
    @discardableResult
    func configure(_ configurations: [(name: String, work: [String], backup: [String])], extra: String = "") throws -> String {
        let entries = configurations.map { configuration in
            let work = configuration.work.map { "\"\(path($0))\"" }.joined(separator: ", ")
            let backup = configuration.backup.map { "\"\(path($0))\"" }.joined(separator: ", ")
            return "{\"name\": \"\(configuration.name)\", \"work\": [\(work)], \"backup\": [\(backup)]\(extra)}"
        }
        let json = "{\"configs\": [\n" + entries.joined(separator: ",\n") + "\n]}\n"
        try write(json, to: configFile)
        return configFile
    }

    /// One configuration "main" with WORKING `w` and BACKUPs `b1`, `b2`, … all created.
    func standard(backups: Int = 2, extra: String = "") throws {
        let names = (1...backups).map { "b\($0)" }
        for name in ["w"] + names { try makeDirectory(name) }
        try configure([("main", ["w"], names)], extra: extra)
    }

    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    func write(_ contents: String, at relative: String) throws {
        try write(contents, to: path(relative))
    }

    func write(_ contents: String, to absolute: String) throws {
        try FileManager.default.createDirectory(atPath: (absolute as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try contents.write(toFile: absolute, atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) -> String? {
        try? String(contentsOfFile: path(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// Every path below `relative`, sorted, relative to it (directories end with "/"); `.micsync` left out.
    func tree(_ relative: String) -> [String] {
        let base = path(relative)
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item == ".micsync" { enumerator.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + item, isDirectory: &isDirectory)
            result.append(item + (isDirectory.boolValue ? "/" : ""))
        }
        return result.sorted()
    }

    /// Sets a file's modification time, so that rsync's quick check sees a change even within one second.
    func touch(_ relative: String, secondsAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)],
                                              ofItemAtPath: path(relative))
    }

    /// Runs micsync in the sandbox (cwd = sandbox root unless given) with `input` as its whole stdin.
    @discardableResult
    func run(_ arguments: [String], input: String = "", in directory: String? = nil,
             environment: [String: String] = [:]) throws -> RunResult {
        try Binary.run(Binary.micsync, arguments, input: input, directory: directory ?? root,
                       environment: self.environment.merging(environment) { $1 })
    }

    /// Runs micsync with a pseudo-terminal as its stdin, stdout and stderr (util-linux `script`); the output
    /// comes back as the terminal showed it, stdout and stderr mixed, with "\r\n" line ends. `input` is typed
    /// at the terminal.
    @discardableResult
    func runInTerminal(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> RunResult {
        let command = ([Binary.micsync] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
        return try Binary.run("/usr/bin/script", ["-qec", command.joined(separator: " "), "/dev/null"], input: input,
                              directory: root, environment: self.environment.merging(environment) { $1 })
    }

    /// HOME and the XDG folders inside the sandbox.
    var environment: [String: String] {
        ["HOME": home, "XDG_CONFIG_HOME": home + "/.config", "XDG_STATE_HOME": home + "/.local/state", "NO_COLOR": "1"]
    }

    /// The run journal micsync writes in this sandbox.
    var journalFile: String { home + "/.local/state/micsync/journal.jsonl" }

    /// `text` parsed as a JSON object (a failed expectation, not a crash, when it is not one).
    func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object:\n\(text)")
    }
}

struct RunResult: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// The built executables, found next to the test bundle.
enum Binary {
    static let directory: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.path + "/micsync") { return url.path }
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug"
    }()

    static var micsync: String { directory + "/micsync" }

    /// A child that exits without reading its input must not kill the test runner with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(_ executable: String, _ arguments: [String], input: String, directory: String,
                    environment: [String: String]) throws -> RunResult {
        let running = try start(executable, arguments, directory: directory, environment: environment)
        try? running.stdin.write(contentsOf: Data(input.utf8))
        running.finish()
        return RunResult(status: running.process.terminationStatus, stdout: running.stdout, stderr: running.stderr)
    }

    /// Starts a process whose stdin stays open until `finish()`, its output collected as it comes.
    static func start(_ executable: String, _ arguments: [String], directory: String,
                      environment: [String: String]) throws -> RunningProcess {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment
            .filter { !$0.key.hasPrefix("MICSYNC_") }.merging(environment) { $1 }
        return try RunningProcess(process)
    }
}

/// A running child: its stdin open, stdout and stderr drained concurrently so a long output never blocks it.
final class RunningProcess: @unchecked Sendable {
    let process: Process
    let stdin: FileHandle
    private let lock = NSLock()
    private var out = Data(), err = Data()
    private let drained = DispatchGroup()

    init(_ process: Process) throws {
        self.process = process
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        stdin = input.fileHandleForWriting
        drain(output.fileHandleForReading) { $0.out.append($1) }
        drain(error.fileHandleForReading) { $0.err.append($1) }
    }

    private func drain(_ handle: FileHandle, into append: @escaping @Sendable (RunningProcess, Data) -> Void) {
        DispatchQueue.global().async(group: drained) {
            while case let chunk = handle.availableData, !chunk.isEmpty {
                self.lock.withLock { append(self, chunk) }
            }
        }
    }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Waits (up to 10 s) until stderr shows `text`.
    func waitForStderr(containing text: String) throws {
        for _ in 0..<400 where !stderr.contains(text) { usleep(25_000) }
        #expect(stderr.contains(text), "waited for \(text) on stderr, got:\n\(stderr)")
    }

    /// Closes stdin and waits for the process and its output; safe to call twice.
    func finish() {
        try? stdin.close()
        process.waitUntilExit()
        drained.wait()
    }
}
