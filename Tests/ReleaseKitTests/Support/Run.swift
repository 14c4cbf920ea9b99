import Foundation
import TestSupport

@testable import ReleaseKit

struct ProcessFailed: Error, CustomStringConvertible {
    let command: [String]
    let output: RunResult
    var description: String { "\(command.joined(separator: " ")) exited \(output.status): \(output.stderr)" }
}

/// Runs `command` (looked up in PATH) in `folder` with the shared runner; a non-zero exit throws unless
/// `check` is false.
@discardableResult
func run(
    _ command: [String], in folder: URL, environment: [String: String] = [:], input: String? = nil,
    check: Bool = true
) async throws -> RunResult {
    let output = try await Binary.run(
        "/usr/bin/env", command, input: input ?? "", directory: folder.path,
        environment: environment)
    if check && output.status != 0 { throw ProcessFailed(command: command, output: output) }
    return output
}

/// The root of this package, for its real Packaging/ and mk/ files.
let packageRoot = URL(fileURLWithPath: Binary.repository)

/// The version in this package's source.
let packageVersion: String = {
    let text = try? String(contentsOf: packageRoot.appendingPathComponent(SourceVersion.file), encoding: .utf8)
    return text.flatMap(SourceVersion.parse) ?? "unreadable"
}()

/// The `micsync-release` built next to this test bundle.
let micsyncRelease = Binary.directory + "/micsync-release"
