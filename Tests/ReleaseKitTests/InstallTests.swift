import Foundation
import ReleaseKit
import Testing

/// `make install` and `make uninstall` of mk/release.mk, run for real: a release build of the whole package.
@Suite(.serialized) struct InstallTests {
    @Test(.timeLimit(.minutes(30)))
    func installsEveryFileAndUninstallsThem() throws {
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("micsync-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: destination) }
        // A scratch path of its own, so it never waits for the build that runs these tests.
        let make = ["make", "-f", "mk/release.mk", "DESTDIR=\(destination.path)", "PREFIX=/usr",
                    "BUILD_FLAGS=--scratch-path .build-release-install"]
        try run(make + ["install"], in: packageRoot)

        let usr = destination.appendingPathComponent("usr")
        var expected = ["bin/micsync", "bin/micsync-release", "share/man/man1/micsync.1", "share/man/man1/micsync-release.1"]
        let completions = [("micsync.bash", "share/bash-completion/completions/micsync"), ("_micsync", "share/zsh/site-functions/_micsync"),
                           ("micsync.fish", "share/fish/vendor_completions.d/micsync.fish")]
        for (script, installed) in completions
        where FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("completions/\(script)").path) {
            expected.append(installed)
        }
        for file in expected {
            #expect(FileManager.default.fileExists(atPath: usr.appendingPathComponent(file).path), "\(file)")
        }
        let version = try run([usr.appendingPathComponent("bin/micsync").path, "--version"], in: destination).stdout
        #expect(version.contains(try SourceVersion.read(inRepositoryAt: packageRoot)))

        try run(make + ["uninstall"], in: packageRoot)
        let left = FileManager.default.enumerator(atPath: usr.path)?.compactMap { $0 as? String }
            .filter { !$0.isEmpty && !FileManager.default.isDirectory(usr.appendingPathComponent($0)) }
        #expect(left == [])
    }
}

private extension FileManager {
    func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
