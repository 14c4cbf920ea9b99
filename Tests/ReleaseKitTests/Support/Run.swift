import Foundation
@testable import ReleaseKit

/// What a finished process printed and its exit status.
struct Output {
    let status: Int32
    let stdout: String
    let stderr: String
}

struct ProcessFailed: Error, CustomStringConvertible {
    let command: [String]
    let output: Output
    var description: String { "\(command.joined(separator: " ")) exited \(output.status): \(output.stderr)" }
}

/// Runs `command` (looked up in PATH) in `folder`, stdin from /dev/null unless `input` is given.
@discardableResult
func run(_ command: [String], in folder: URL, environment: [String: String] = [:], input: String? = nil,
         check: Bool = true) throws -> Output {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let (stdinURL, stdoutURL, stderrURL) = (scratch.appendingPathComponent("in"), scratch.appendingPathComponent("out"), scratch.appendingPathComponent("err"))
    try Data((input ?? "").utf8).write(to: stdinURL)
    _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    process.currentDirectoryURL = folder
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = try FileHandle(forReadingFrom: stdinURL)
    process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
    process.standardError = try FileHandle(forWritingTo: stderrURL)
    try process.run()
    process.waitUntilExit()

    let output = Output(status: process.terminationStatus,
                        stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
                        stderr: try String(contentsOf: stderrURL, encoding: .utf8))
    if check && output.status != 0 { throw ProcessFailed(command: command, output: output) }
    return output
}

/// The root of this package, for its real Packaging/ and mk/ files.
let packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The version in this package's source.
let packageVersion: String = {
    let text = try? String(contentsOf: packageRoot.appendingPathComponent(SourceVersion.file), encoding: .utf8)
    return text.flatMap(SourceVersion.parse) ?? "unreadable"
}()

/// The `micsync-release` built next to this test bundle.
let micsyncRelease = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("micsync-release").path
