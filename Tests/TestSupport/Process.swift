import Foundation
import Testing

/// What a finished process printed, and its exit status.
public struct RunResult: CustomStringConvertible, Sendable {
    /// The exit status, or the number of the signal that killed the process when `killedBySignal`.
    public let status: Int32
    /// A crash (SIGILL 4 or SIGTRAP 5) must never pass for exit status 4 or 5.
    public let killedBySignal: Bool
    public let stdout: String
    public let stderr: String

    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    public var description: String {
        (killedBySignal ? "killed by signal \(status)" : "exit \(status)")
            + "\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// The built executables, found next to the test bundle, and the one way tests run a process.
public enum Binary {
    public static let directory: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.path + "/micsync") { return url.path }
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug"
    }()

    public static var micsync: String { directory + "/micsync" }

    /// The root of this package (its completions/, man/, scripts/ and sources).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A child that exits without reading its input must not kill the test runner with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    public static func run(
        _ executable: String, _ arguments: [String], input: String = "", directory: String,
        environment: [String: String]
    ) throws -> RunResult {
        let running = try start(executable, arguments, directory: directory, environment: environment)
        try? running.stdin.write(contentsOf: Data(input.utf8))
        running.finish()
        return running.result
    }

    /// Starts a process whose stdin stays open until `finish()`, its output collected as it comes.
    public static func start(
        _ executable: String, _ arguments: [String], directory: String,
        environment: [String: String]
    ) throws -> RunningProcess {
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
public final class RunningProcess: @unchecked Sendable {
    public let process: Process
    public let stdin: FileHandle
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

    public var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    public var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Waits (up to a minute, a safety net on a loaded machine) until stderr shows `text`.
    public func waitForStderr(containing text: String) throws {
        for _ in 0..<2400 where !stderr.contains(text) { usleep(25_000) }
        #expect(stderr.contains(text), "waited for \(text) on stderr, got:\n\(stderr)")
    }

    /// What the process printed and how it ended; call after `finish()`.
    public var result: RunResult {
        RunResult(
            status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
            stdout: stdout, stderr: stderr)
    }

    /// Closes stdin and waits for the process and its output; safe to call twice.
    public func finish() {
        try? stdin.close()
        process.waitUntilExit()
        drained.wait()
    }
}
