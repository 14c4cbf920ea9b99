import Foundation
import Testing

/// micsync against plain rsync, case by case (`DifferentialCase`), on seeded random trees, filter rules and
/// changes: local cases whole and in parts, and cases with one end over ssh (the test's own sshd). The
/// default run takes about half a minute; `make fuzz` runs more: `SEEDS=N` cases from `START=S`, or as many
/// as `TIME=T` seconds allow, or the one case a failure names (`SEED=S`).
@MainActor @Suite(.sshServer) struct DifferentialTests {
    @Test func localCasesDoWhatRsyncDoes() async throws {
        try await run(FuzzSeeds(defaultCount: 24), ssh: nil)
    }

    @Test func casesOverSshDoWhatRsyncDoes() async throws {
        let box = try Sandbox()
        let server = try #require(SshServer.current)
        try await run(FuzzSeeds(defaultCount: 4), ssh: try server.client(in: box).environment)
    }

    /// Runs the cases one after the other until done or out of time; each failing case is one issue, with
    /// the line that runs it again.
    private func run(_ seeds: FuzzSeeds, ssh environment: [String: String]?) async throws {
        let deadline = seeds.seconds.map { Date().addingTimeInterval($0) }
        var passed = 0
        for seed in seeds.all {
            if let deadline, Date() >= deadline { break }
            let testCase = DifferentialCase(seed: seed, overSsh: environment != nil)
            let differences = try await testCase.run(ssh: environment)
            guard differences.isEmpty else {
                Issue.record(
                    Comment(
                        rawValue: "\(testCase.description):\n  " + differences.joined(separator: "\n  ")
                            + "\n  again: make fuzz SEED=\(seed)"))
                continue
            }
            passed += 1
        }
        print("differential: \(passed) cases passed (\(environment == nil ? "local" : "over ssh"))")
    }
}

/// The differential cases to run: from the environment `make fuzz` sets, else a default few.
struct FuzzSeeds {
    let first: UInt64
    let count: Int
    let seconds: Double?

    init(defaultCount: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let one = environment["MICSYNC_FUZZ_SEED"].flatMap(UInt64.init) {
            (first, count, seconds) = (one, 1, nil)
            return
        }
        first = environment["MICSYNC_FUZZ_START"].flatMap(UInt64.init) ?? 1
        seconds = environment["MICSYNC_FUZZ_SECONDS"].flatMap(Double.init)
        count = environment["MICSYNC_FUZZ_SEEDS"].flatMap(Int.init) ?? (seconds == nil ? defaultCount : .max)
    }

    var all: some Sequence<UInt64> { (0..<UInt64(count)).lazy.map { first &+ $0 } }
}
