/// Plans every destination with one rsync dry run each, run concurrently, parsed as the output streams.
struct Planner {
    let rsync: Rsync
    let invocation: RsyncInvocation
    let verbose: Bool

    func plan(_ destinations: [Location]) async throws(MicsyncError) -> [Plan] {
        if verbose {
            destinations.forEach { Console.print(RsyncInvocation.commandLine(rsync.executable, invocation.plan(to: $0))) }
        }
        let results = await withTaskGroup(of: (Int, Result<Plan, MicsyncError>).self) { group in
            for (index, destination) in destinations.enumerated() {
                group.addTask {
                    do throws(MicsyncError) {
                        return (index, .success(try await plan(destination)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        return try destinations.indices.map { index throws(MicsyncError) in try results[index]!.get() }
    }

    private func plan(_ destination: Location) async throws(MicsyncError) -> Plan {
        var plan = Plan()
        let outcome = try await rsync.run(invocation.plan(to: destination)) { line in
            if let item = ItemizedChange.parse(line) { plan.add(item) }
        }
        try Interruption.shared.checkpoint()
        if outcome.isPartial { plan.problems = outcome.problems }
        guard outcome.exitCode == 0 || outcome.isPartial else {
            throw .rsync("planning \(destination.path) failed (rsync exit \(outcome.exitCode)):\n"
                + outcome.messages.joined(separator: "\n"))
        }
        return plan
    }
}
