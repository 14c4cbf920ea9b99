import Foundation

/// A throwaway git repository made with the git command (only tests use it), deleted when released.
final class TestRepository {
    let root: URL
    /// Commit and tag times advance by a minute per commit or tag, so every run is the same.
    private var clock = 1_700_000_000

    init(version: String? = "0.1.0") async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("micsync-release-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try await git("init", "-q", "-b", "main")
        try await git("config", "user.name", "Test Maintainer")
        try await git("config", "user.email", "maintainer@example.com")
        try await git("config", "core.autocrlf", "false")
        if let version { try writeVersion(version) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func git(_ arguments: String...) async throws -> String {
        clock += 60
        let date = "@\(clock) +0000"
        let environment = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_NOSYSTEM": "1"]
        return try await run(["git"] + arguments, in: root, environment: environment).stdout
    }

    /// What `git describe --abbrev=0` prints, or nil where it fails ("No names found").
    func gitDescribe() async throws -> String? {
        let output = try await run(["git", "describe", "--abbrev=0"], in: root, check: false)
        return output.status == 0 ? output.stdout.trimmingCharacters(in: .newlines) : nil
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeVersion(_ version: String) throws {
        try write(
            "Sources/MicsyncKit/Version.swift",
            """
            public enum MicsyncVersion {
                public static let current = "\(version)"
            }

            """)
    }

    /// Stages everything and commits.
    func commit(_ message: String = "change") async throws {
        try await git("add", "-A")
        try await git("commit", "-q", "-m", message)
    }

    /// Adds the real PKGBUILD template and home page setting of this package and commits them.
    func addPackaging() async throws {
        for file in ["Packaging/arch/PKGBUILD.in", "Packaging/project-url"] {
            try write(file, String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8))
        }
        try await commit("packaging")
    }

    /// `git describe --long` as Arch spells a VCS version: 0.1.0-2-g1ec80f2 becomes 0.1.0.r2.g1ec80f2.
    func vcsVersion() async throws -> String {
        let long = try await git("describe", "--long").trimmingCharacters(in: .newlines).split(separator: "-")
        return "\(long.dropLast(2).joined(separator: "-")).r\(long[long.count - 2]).\(long[long.count - 1])"
    }
}
