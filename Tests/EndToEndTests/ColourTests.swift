import Foundation
import Testing

/// Colour only on a terminal whose TERM is not dumb, never with NO_COLOR; --color overrides both.
@Suite struct ColourTests {
    private let green = "\u{1B}[32mnew\u{1B}[0m"

    private func sandbox() throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/a")
        return box
    }

    @Test(arguments: [
        (["TERM": "xterm", "NO_COLOR": ""], [String](), true),
        (["TERM": "dumb", "NO_COLOR": ""], [], false),
        (["TERM": "", "NO_COLOR": ""], [], false),
        (["TERM": "xterm", "NO_COLOR": "1"], [], false),
        (["TERM": "xterm", "NO_COLOR": ""], ["--color", "never"], false),
        (["TERM": "dumb", "NO_COLOR": "1"], ["--color=always"], true),
        (["TERM": "xterm", "NO_COLOR": ""], ["--color", "auto"], true),
    ])
    func onATerminal(environment: [String: String], flags: [String], coloured: Bool) async throws {
        let box = try sandbox()
        let result = try await box.expectRunInTerminal(
            ["backup", "-n"] + flags + ["w"], environment: environment, status: 0)
        #expect(result.stdout.contains(green) == coloured, "\(result)")
        #expect(result.stdout.contains("\u{1B}[3") == coloured, "\(result)")
    }

    @Test func neverInAPipeUnlessAsked() async throws {
        let box = try sandbox()
        let piped = try await box.expectRun(
            ["backup", "-n", "w"], environment: ["TERM": "xterm", "NO_COLOR": ""], status: 0)
        #expect(!piped.stdout.contains("\u{1B}["), "\(piped)")
        let forced = try await box.expectRun(
            ["--color", "always", "backup", "-n", "w"], environment: ["TERM": "dumb"], status: 0)
        #expect(forced.stdout.contains(green), "\(forced)")
        let status = try await box.expectRun(["status", "--color=always"], status: 0)
        #expect(status.stdout.contains("\u{1B}[32maccessible"), "\(status)")
    }

    @Test(arguments: [["--color", "sometimes", "backup", "w"], ["backup", "w", "--color"], ["--color=", "status"]])
    func aBadChoiceIsAUsageError(arguments: [String]) async throws {
        let box = try sandbox()
        let result = try await box.expectRun(arguments, status: 2)
        #expect(result.stderr.contains("--color takes auto, always or never"), "\(result)")
    }
}
