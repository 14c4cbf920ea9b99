// swift-tools-version: 6.1
import PackageDescription

/// Every built-in action is a module of its own under Sources/Actions/ that depends only on the kernel.
let actionModules: [(target: String, folder: String)] = [
    ("BackupAction", "Backup"),
    ("WorkAction", "Work"),
    ("TransferAction", "Transfer"),
    ("TreeAction", "Tree"),
    ("StatusAction", "Status"),
    ("DiffAction", "Diff"),
    ("ConfigAction", "Config"),
    ("TrashAction", "Trash"),
    ("VerifyAction", "Verify"),
    ("AdoptAction", "Adopt"),
    ("LogAction", "Log"),
    ("WatchAction", "Watch"),
    ("UnlockAction", "Unlock"),
    ("VersionsAction", "Versions"),
    ("RestoreAction", "Restore"),
]

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
/// An action module sees the kernel and the command-line layer above it.
let actionDependencies: [Target.Dependency] = ["MicsyncKit", "MicsyncCLI", argumentParser]

let package = Package(
    name: "micsync",
    // Linux only: the kernel calls Glibc directly (no platforms entry claims otherwise).
    products: [
        .executable(name: "micsync", targets: ["micsync"]),
        .library(name: "MicsyncKit", targets: ["MicsyncKit"]),
    ],
    dependencies: [
        // Exact versions, the packages they bring in too: a release tarball builds the same code on any day
        // (no Package.resolved is committed).
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
    ],
    targets: [
        // The kernel: a library that knows no command line.
        .target(
            name: "MicsyncKit",
            dependencies: [
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The command-line layer above it: option groups, the generic sync command, completion candidates.
        .target(name: "MicsyncCLI", dependencies: ["MicsyncKit", argumentParser]),
        .target(
            name: "MicsyncCommands",
            dependencies: ["MicsyncKit", "MicsyncCLI", argumentParser] + actionModules.map { .target(name: $0.target) }
        ),
        .executableTarget(name: "micsync", dependencies: ["MicsyncCommands"]),
        // Tests by kind: unit tests of the kernel, end-to-end runs of the built binaries; one support target
        // (sandbox trees, the built binaries, running a process) shared by every test target.
        .target(name: "TestSupport", dependencies: ["MicsyncKit"], path: "Tests/TestSupport"),
        .testTarget(
            name: "MicsyncKitTests", dependencies: ["MicsyncKit", "MicsyncCommands", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["MicsyncKit", "TestSupport"]),
    ]
        + actionModules.map {
            .target(name: $0.target, dependencies: actionDependencies, path: "Sources/Actions/\($0.folder)")
        }
)

// Release tooling for maintainers (Packaging/README.md): only micsync-release links libgit2 and swift-crypto.
package.products += [.executable(name: "micsync-release", targets: ["micsync-release"])]
package.dependencies += [
    .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    .package(url: "https://github.com/apple/swift-asn1", exact: "1.7.4"),
]
package.targets += [
    .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev", "zlib1g-dev"])]),
    .target(
        name: "ReleaseKit",
        dependencies: [
            "CGit2", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ]),
    .executableTarget(name: "micsync-release", dependencies: ["ReleaseKit", argumentParser]),
    .testTarget(name: "ReleaseKitTests", dependencies: ["ReleaseKit", "micsync-release", "TestSupport"]),
]

// Shell completions: the generator (ArgumentParser's scripts for the command tree), the package plugin that
// refreshes completions/ with it, and tests that run the committed scripts in real bash, zsh and fish.
package.products += [
    .executable(name: "micsync-completions", targets: ["micsync-completions"]),
    .plugin(name: "GenerateCompletions", targets: ["GenerateCompletions"]),
]
package.targets += [
    .executableTarget(name: "micsync-completions", dependencies: ["MicsyncCommands", argumentParser]),
    .plugin(
        name: "GenerateCompletions",
        capability: .command(
            intent: .custom(verb: "generate-completions", description: "Regenerate the scripts in completions/."),
            permissions: [.writeToPackageDirectory(reason: "Writes the bash, zsh and fish scripts into completions/.")]
        ),
        dependencies: ["micsync-completions"]
    ),
    .testTarget(name: "CompletionTests", dependencies: ["TestSupport"]),
]

// Manual pages: the generator (ArgumentParser's dump of each tool's command tree, plus micsync's own sections)
// that `make man` runs to refresh man/, and the test that the committed pages are current and render.
package.products += [.executable(name: "micsync-manual", targets: ["micsync-manual"])]
package.targets += [
    .executableTarget(name: "micsync-manual", dependencies: [argumentParser]),
    .testTarget(name: "ManualTests", dependencies: ["TestSupport"]),
]
