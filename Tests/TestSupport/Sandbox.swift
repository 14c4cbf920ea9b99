import Foundation
import Testing

/// A throwaway directory tree with its own HOME and config, where the built `micsync` runs for real.
public final class Sandbox {
    public let root: String
    /// When the sandbox was made: what `touch(_:secondsAgo:)` counts back from.
    public let created = Date()

    public init() throws {
        let template = NSTemporaryDirectory() + "micsync-e2e-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw POSIXError(.EIO) }
        root = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
    }

    deinit {
        Self.changeModes(below: root) { mode, isDirectory in isDirectory ? mode | S_IRWXU : mode }
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `chmod -R` in this process: `change` gives each file's and folder's new mode (folders first, so that
    /// a folder closed to everyone is opened before it is read); symlinks are left alone.
    static func changeModes(below path: String, _ change: (mode_t, Bool) -> mode_t) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return }
        let isDirectory = info.st_mode & S_IFMT == S_IFDIR
        chmod(path, change(info.st_mode & 0o7777, isDirectory))
        guard isDirectory else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            changeModes(below: path + "/" + name, change)
        }
    }

    public var home: String { root + "/home" }
    public var configFile: String { home + "/.micsync.json" }

    public func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `{"configs": [...]}` to `file` (default: the original's `~/.micsync.json`); locations are
    /// relative to the sandbox.
    @discardableResult
    public func configure(
        _ configurations: [(name: String, work: [String], backup: [String])], extra: String = "",
        to file: String? = nil
    ) throws -> String {
        let entries = configurations.map { configuration in
            let work = configuration.work.map { "\"\(path($0))\"" }.joined(separator: ", ")
            let backup = configuration.backup.map { "\"\(path($0))\"" }.joined(separator: ", ")
            return "{\"name\": \"\(configuration.name)\", \"work\": [\(work)], \"backup\": [\(backup)]\(extra)}"
        }
        let json = "{\"configs\": [\n" + entries.joined(separator: ",\n") + "\n]}\n"
        try write(json, to: file ?? configFile)
        return file ?? configFile
    }

    /// One configuration "main" with WORKING `w` and BACKUPs `b1`, `b2`, … all created.
    public func standard(backups: Int = 2, extra: String = "") throws {
        let names = (1...backups).map { "b\($0)" }
        for name in ["w"] + names { try makeDirectory(name) }
        try configure([("main", ["w"], names)], extra: extra)
    }

    public func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// The same file in several locations (`["b1", "w"]`), with the same time everywhere however slowly it
    /// was written: rsync's quick check sees them as equal, never as modified.
    public func writeAlike(_ contents: String, at relative: String, in roots: [String]) throws {
        for root in roots {
            try write(contents, at: root + "/" + relative)
            try touch(root + "/" + relative, secondsAgo: 120)
        }
    }

    public func write(_ contents: String, at relative: String) throws {
        try write(contents, to: path(relative))
    }

    public func write(_ contents: String, to absolute: String) throws {
        try FileManager.default.createDirectory(
            atPath: (absolute as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try contents.write(toFile: absolute, atomically: false, encoding: .utf8)
    }

    public func read(_ relative: String) -> String? {
        try? String(contentsOfFile: path(relative), encoding: .utf8)
    }

    public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// Every path below `relative`, sorted, relative to it (directories end with "/"); `.micsync` left out.
    public func tree(_ relative: String) -> [String] {
        let base = path(relative)
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item == ".micsync" {
                enumerator.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + item, isDirectory: &isDirectory)
            result.append(item + (isDirectory.boolValue ? "/" : ""))
        }
        return result.sorted()
    }

    /// Sets a file's modification time to `secondsAgo` before the sandbox was made, so that rsync's quick
    /// check sees a change even within one second, and two files touched alike get the same time however
    /// slowly the test runs.
    public func touch(_ relative: String, secondsAgo: Double) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: created.addingTimeInterval(-secondsAgo)],
            ofItemAtPath: path(relative))
    }

    /// Runs `executable` in the sandbox (cwd = sandbox root) with its HOME and XDG folders and the built
    /// binaries first on PATH (so that completion scripts find `micsync`).
    @discardableResult
    public func run(
        _ executable: String, _ arguments: [String],
        environment: [String: String] = [:]
    ) async throws -> RunResult {
        try await tool(executable, arguments, environment: environment).run()
    }

    /// Runs micsync in the sandbox (cwd = sandbox root unless given) with `input` as its whole stdin.
    @discardableResult
    public func run(
        _ arguments: [String], input: String = "", in directory: String? = nil,
        environment: [String: String] = [:]
    ) async throws -> RunResult {
        try await micsync(arguments, input: input, in: directory, environment: environment).run()
    }

    /// Runs micsync with a stdout whose reader is gone before it writes, as in `micsync log | head -1` once
    /// head has read its line.
    public func runToAGoneReader(_ arguments: [String]) async throws -> RunResult {
        var command = micsync(arguments, input: "", in: nil, environment: [:])
        command.stdoutReaderGone = true
        return try await command.run()
    }

    /// Runs micsync under GNU time, which forks it: its result (the bytes read its own: time reads next to
    /// nothing) and its peak resident memory in bytes, time's line taken out of stderr. (A process the tests
    /// spawn would count the test runner's memory as its own peak: vfork shares it until exec.)
    public func runMeasuringMemory(_ arguments: [String], stdoutReaderGone: Bool = false) async throws
        -> (result: RunResult, peakMemory: Int)
    {
        let marker = "micsync peak memory in KiB: "
        var command = micsync(arguments, input: "", in: nil, environment: [:])
        command.arguments = ["-q", "-f", marker + "%M", command.executable] + command.arguments
        command.executable = "/usr/bin/time"
        command.stdoutReaderGone = stdoutReaderGone
        let measured = try await command.run()
        var lines = measured.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = try #require(lines.lastIndex { $0.hasPrefix(marker) }, "no peak memory: \(measured)")
        let kibibytes = try #require(Int(lines.remove(at: line).dropFirst(marker.count)), "\(measured)")
        let result = RunResult(
            status: measured.status, killedBySignal: measured.killedBySignal, stdout: measured.stdout,
            stderr: lines.joined(separator: "\n"), bytesRead: measured.bytesRead)
        return (result, kibibytes * 1024)
    }

    /// Runs micsync as a user who cannot read what is mode 000 (as `nobody` when the tests run as root, with
    /// the sandbox opened to it and `unreadable` closed again), so that unreadable files stay unreadable.
    public func runUnprivileged(_ arguments: [String], unreadable: [String]) async throws -> RunResult {
        try await unprivileged(arguments, unreadable: unreadable).run()
    }

    /// Runs micsync with a pseudo-terminal as its stdin, stdout and stderr (util-linux `script`); the output
    /// comes back as the terminal showed it, stdout and stderr mixed, with "\r\n" line ends. `input` is typed
    /// at the terminal.
    @discardableResult
    public func runInTerminal(
        _ arguments: [String], input: String = "",
        environment: [String: String] = [:]
    ) async throws -> RunResult {
        try await inTerminal(arguments, input: input, environment: environment).run()
    }

    /// `executable` as `run(_:_:environment:)` runs it.
    func tool(_ executable: String, _ arguments: [String], environment: [String: String]) -> Command {
        Command(
            executable, arguments, directory: root,
            environment: self.environment.merging(["PATH": Binary.path]) { $1 }.merging(environment) { $1 })
    }

    /// micsync as `run(_:input:in:environment:)` runs it.
    func micsync(
        _ arguments: [String], input: String, in directory: String?, environment: [String: String]
    ) -> Command {
        Command(
            Binary.micsync, arguments, input: input, directory: directory ?? root,
            environment: self.environment.merging(environment) { $1 })
    }

    /// micsync as `runUnprivileged` runs it, the sandbox's modes changed for it.
    func unprivileged(_ arguments: [String], unreadable: [String]) -> Command {
        if getuid() == 0 {
            Self.changeModes(below: root) { mode, isDirectory in
                mode | 0o666 | (isDirectory || mode & 0o111 != 0 ? 0o111 : 0)
            }
        }
        for relative in unreadable { chmod(path(relative), 0) }
        guard getuid() == 0 else { return micsync(arguments, input: "", in: nil, environment: [:]) }
        return Command(
            "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Binary.micsync] + arguments,
            directory: root, environment: environment)
    }

    /// micsync as `runInTerminal` runs it.
    func inTerminal(_ arguments: [String], input: String, environment: [String: String]) -> Command {
        let command = ([Binary.micsync] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
        return Command(
            "/usr/bin/script", ["-qec", command.joined(separator: " "), "/dev/null"], input: input,
            directory: root, environment: self.environment.merging(environment) { $1 })
    }

    /// HOME and the XDG folders inside the sandbox.
    public var environment: [String: String] {
        [
            "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "XDG_STATE_HOME": home + "/.local/state",
            "XDG_DATA_HOME": home + "/.local/share", "NO_COLOR": "1",
        ]
    }

    /// The run journal micsync writes in this sandbox.
    public var journalFile: String { home + "/.local/state/micsync/journal.jsonl" }

    /// `text` parsed as a JSON object (a failed expectation, not a crash, when it is not one).
    public func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            "not a JSON object:\n\(text)")
    }
}
