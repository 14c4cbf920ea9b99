import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-completions`: builds `micsync-completions` and
/// lets it rewrite the committed scripts in completions/ from the current command tree.
@main
struct GenerateCompletions: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "micsync-completions")
        let output = context.package.directoryURL.appending(path: "completions")
        let process = try Process.run(tool.url, arguments: ["--output-dir", output.path])
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw Failure(description: "micsync-completions exited with status \(process.terminationStatus)")
        }
        print("completion scripts written to \(output.path)")
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
