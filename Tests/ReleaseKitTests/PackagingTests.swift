import Foundation
import Testing

/// The Arch package as an Arch user gets it: `micsync-release all --head` in a clone, makepkg as an unprivileged
/// user, pacman into a scratch root, then the installed micsync run with the Swift toolchain hidden.
/// A release build of several minutes: `make test` runs it as a step of its own, after the other tests
/// (`swift test --filter PackagingTests`), and leaves it out with PACKAGING=0 unless CI=true.
@Suite struct PackagingTests {
    static let environment = ProcessInfo.processInfo.environment
    /// Where git finds this machine's copies of the Swift packages (its system configuration's url.insteadOf).
    static let packageMirror = "/opt/swift-packages"
    /// The Swift toolchain (the folder holding usr/bin/swift), hidden under an empty tmpfs in a private mount namespace.
    static let toolchain: URL = {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        let swift = folders.map { $0.appendingPathComponent("swift") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
        return swift.map {
            $0.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
        }
            ?? URL(fileURLWithPath: "/opt/swift")
    }()

    @Test(.timeLimit(.minutes(45)))
    func anArchUserBuildsInstallsAndRunsItWithoutSwift() async throws {
        try #require(
            getuid() == 0,
            "needs root for a throwaway user, pacman's scratch root and a mount namespace; PACKAGING=0 skips it")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "micsync-packaging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try await run(["chmod", "755", work.path], in: work)

        // The maintainer packages the committed HEAD of a clone.
        try await run(["git", "clone", "-q", packageRoot.path, "clone"], in: work)
        let clone = work.appendingPathComponent("clone")
        if try await run(["git", "rev-parse", "--is-shallow-repository"], in: clone).stdout == "true\n" {
            // A shallow checkout of this package (as some CI systems make) gives a shallow clone, which
            // micsync-release rightly refuses: the same tree as the one commit of a branch of its own instead.
            try await run(["git", "checkout", "-q", "--orphan", "packaged"], in: clone)
            try await run(
                ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "packaged"],
                in: clone)
            try FileManager.default.removeItem(at: clone.appendingPathComponent(".git/shallow"))
        }
        let released = try await run([micsyncRelease, "all", "--head", "--yes", "--repo", "clone"], in: work).stdout
        let version = try #require(
            released.split(separator: "\n").first { $0.hasPrefix("package version: ") }?.dropFirst(17))
        #expect(version.wholeMatch(of: /\d+(\.\d+)*\.r\d+\.g[0-9a-f]{7,}/) != nil, "\(version)")
        #expect(
            !FileManager.default.fileExists(
                atPath: work.appendingPathComponent("clone/Packaging/arch/archive/\(version)").path))

        // makepkg as a throwaway user: prepare() resolves the pinned dependencies; build(), check() and package()
        // then run with the package mirror hidden, so nothing is fetched after prepare().
        let build = work.appendingPathComponent("build")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        for file in ["PKGBUILD", "micsync-\(version).tar.gz"] {
            try FileManager.default.copyItem(
                at: work.appendingPathComponent("clone/output/\(file)"), to: build.appendingPathComponent(file))
        }
        let built = try await ThrowawayUser.with(home: work.appendingPathComponent("home")) { user in
            try await run(["chown", "-R", "\(user.name):\(user.name)", build.path], in: work)
            try await user.run(["makepkg", "--nodeps", "--nobuild"], in: build)
            let mirror = FileManager.default.fileExists(atPath: Self.packageMirror) ? Self.packageMirror : nil
            return try await user.run(["makepkg", "--nodeps", "--noextract"], in: build, hiding: mirror)
        }
        #expect(
            built.contains("micsync \(packageVersion): a backup with rsync copied every file"),
            "check() ran the smoke test")
        let package = try #require(
            try FileManager.default.contentsOfDirectory(atPath: build.path)
                .first { $0.hasPrefix("micsync-\(version)-1-") && $0.contains(".pkg.tar") })

        // pacman installs it into a scratch root; pacman's database knows none of Debian's packages.
        let root = work.appendingPathComponent("root")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("var/lib/pacman"), withIntermediateDirectories: true)
        let pacman = [
            "pacman", "--root", root.path, "--dbpath", root.appendingPathComponent("var/lib/pacman").path,
            "--cachedir", root.appendingPathComponent("var/cache/pacman").path,
            "--logfile", root.appendingPathComponent("var/log/pacman.log").path,
        ]
        try await run(
            pacman + ["-U", "--nodeps", "--nodeps", "--noconfirm", build.appendingPathComponent(package).path], in: work
        )
        // With --root, pacman names the files inside the scratch root.
        let files = Set(
            try await run(pacman + ["-Qlq", "micsync"], in: work).stdout.split(separator: "\n")
                .map { String($0.dropFirst($0.hasPrefix(root.path) ? root.path.count : 0)) })
        for file in [
            "/usr/bin/micsync", "/usr/share/man/man1/micsync.1.gz", "/usr/share/bash-completion/completions/micsync",
            "/usr/share/zsh/site-functions/_micsync", "/usr/share/fish/vendor_completions.d/micsync.fish",
        ] {
            #expect(files.contains(file), "\(file) in \(files.sorted())")
        }
        #expect(
            !files.contains { $0.contains("micsync-release") || $0.contains("micsync-completions") },
            "maintainers' tools stay out")
        let info = try await run(pacman + ["-Qi", "micsync"], in: work, environment: ["LC_ALL": "C"]).stdout
        #expect(info.contains("GPL-3.0-or-later"))
        #expect(!info.contains("libgit2"))

        // The installed binary: the Swift runtime linked in, full RELRO, and it runs where there is no toolchain.
        let micsync = root.appendingPathComponent("usr/bin/micsync").path
        let dynamic = try await run(["readelf", "-d", "-l", micsync], in: work).stdout
        #expect(
            !dynamic.contains("libswift") && !dynamic.contains("libFoundation"), "no Swift library loaded at run time")
        #expect(dynamic.contains("GNU_RELRO") && dynamic.contains("BIND_NOW"), "full RELRO")
        let hidden = "mount -t tmpfs tmpfs \"$0\" && test ! -e \"$0/usr/bin/swift\" && exec \"$@\""
        func withoutSwift(_ command: [String]) async throws -> String {
            try await run(["unshare", "-m", "sh", "-c", hidden, Self.toolchain.path] + command, in: work).stdout
        }
        #expect(try await withoutSwift([micsync, "--version"]) == packageVersion + "\n")
        let smoke = try await withoutSwift([
            "bash", packageRoot.appendingPathComponent("Packaging/smoke-test.sh").path, micsync,
        ])
        #expect(smoke.contains("a backup with rsync copied every file"))
    }
}

/// A user made for one test with useradd, removed with userdel; commands run as it through runuser.
struct ThrowawayUser {
    let name = "micsync-build-\(UInt32.random(in: 100_000...999_999))"
    let home: URL

    /// Makes the user, hands it to `body`, and removes it whatever came of it.
    static func with<Result>(home: URL, _ body: (ThrowawayUser) async throws -> Result) async throws -> Result {
        let user = try await ThrowawayUser(home: home)
        do {
            let result = try await body(user)
            await user.remove()
            return result
        } catch {
            await user.remove()
            throw error
        }
    }

    private init(home: URL) async throws {
        self.home = home
        try await ReleaseKitTests.run(
            ["useradd", "--no-create-home", "--home-dir", home.path, "--user-group", "--shell", "/bin/sh", name],
            in: home.deletingLastPathComponent())
        // Its own TMPDIR, removed with the test's folder: SwiftPM leaves lock files there.
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        // The test machine's package mirror is a folder of root's: git only clones from it when trusted.
        try Data("[safe]\n\tdirectory = *\n".utf8).write(to: home.appendingPathComponent(".gitconfig"))
        try await ReleaseKitTests.run(["chown", "-R", "\(name):\(name)", home.path], in: home)
    }

    private func remove() async {
        _ = try? await ReleaseKitTests.run(["userdel", name], in: home.deletingLastPathComponent(), check: false)
    }

    /// Runs `command` as this user in `folder`, optionally with a folder hidden under an empty tmpfs; returns
    /// what it printed on stdout and stderr.
    @discardableResult
    func run(_ command: [String], in folder: URL, hiding hidden: String? = nil) async throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let asUser =
            [
                "runuser", "-u", name, "--", "env", "PATH=\(path)", "HOME=\(home.path)", "TMPDIR=\(home.path)/tmp",
                "LC_ALL=C",
            ] + command
        let wrapped =
            hidden.map { ["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs \"$0\" && exec \"$@\"", $0] + asUser }
            ?? asUser
        let output = try await ReleaseKitTests.run(wrapped, in: folder)
        return output.stdout + output.stderr
    }
}
