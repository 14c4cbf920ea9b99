import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

extension ConfigCommand {
    /// Which config file is in use, and why: the lookup order, each place marked.
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tell which config file is in use, and why.",
            discussion: """
                The first line is the file in use (for scripts: `micsync config path | head -n 1`); then every \
                place micsync looks, in order, and what it found there. Exit status 2 when no file exists.

                Examples:
                  micsync config path
                  MICSYNC_CONFIG=~/sync.json micsync config path
                """)

        @OptionGroup var file: ConfigFileOption

        func run() throws {
            let terminal = CommandContext.current.terminal
            let found = try file.selection.locate()
            terminal.print(found.file)
            terminal.print("in use: \(found.reason)")
            terminal.print("looked in this order:")
            var table = TextTable()
            table.rows = ConfigLocator().candidates(explicit: file.file).map { candidate in
                let state =
                    candidate.file == found.file
                    ? "in use"
                    : FileManager.default.fileExists(atPath: candidate.file) ? "exists, not used" : "missing"
                return [.init(state), .init("\(candidate.file) (\(candidate.reason))")]
            }
            table.lines(style: terminal.style).forEach(terminal.print)
        }
    }
}
