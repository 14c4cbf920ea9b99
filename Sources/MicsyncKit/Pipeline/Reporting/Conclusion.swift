/// What a sync did, destination by destination, and how it ended: what the journal records.
struct SessionOutcome: Sendable {
    var destinations: [DestinationOutcome] = []
    /// rsync's messages about what it could not plan (unreadable files, say).
    var planProblems: [String] = []
    /// What each destination's filesystem cannot hold: left out of the apply.
    var cannotStore: [(destination: Location, items: [Unstorable])] = []
    /// The configuration's locations of the destinations' role that the run left out, not being accessible.
    var skipped: [(location: Location, reason: String)] = []
    /// Why the run did not end well; nil when it did.
    var error: MicsyncError?

    var status: ExitStatus { error?.status ?? .success }
}

/// How a whole sync ends: rsync failures (exit 1), and locations that were not written, each already said
/// in one line (exit 1, or 3 when nothing could run); what a destination could not hold, with what to do.
struct Conclusion {
    let destinationCount: Int
    let dryRun: Bool

    func verdict(_ outcome: SessionOutcome) throws(MicsyncError) {
        let problems = outcome.planProblems + outcome.destinations.compactMap(\.problem)
        guard problems.isEmpty else {
            throw .rsync(
                "rsync did not finish everything:\n" + problems.joined(separator: "\n")
                    + (outcome.cannotStore.isEmpty ? "" : "\n" + unstorableMessage(outcome)))
        }
        let notWritten = outcome.destinations.filter { $0.notWritten != nil }.count
        guard notWritten == 0 else {
            let nothingRan = notWritten == outcome.destinations.count
            throw MicsyncError(
                nothingRan ? .notFound : .rsyncFailed,
                "\(notWritten) of \(destinationCount) destinations not written, as said above")
        }
        guard outcome.cannotStore.isEmpty else { throw .rsync(unstorableMessage(outcome)) }
    }

    /// The end of a run that left out what a destination cannot hold: how many, where, and what to do.
    private func unstorableMessage(_ outcome: SessionOutcome) -> String {
        let counts = outcome.cannotStore.map { destination, items in
            "\(plural(items.count, "item", "items")) on \(destination.heading)"
        }.joined(separator: ", ")
        return "\(counts) cannot be stored (listed above)\(dryRun ? "" : " and were left out")"
            + "; rename them, or add them to \"exclude\" in the configuration"
    }
}

/// rsync's own messages about one destination, which name the files that failed.
enum RsyncProblem {
    /// With `remote`, the host at one end: what its failure means comes first (`connection to HOST lost`).
    static func at(
        _ destination: Location, _ messages: [String], exitCode: Int32? = nil, over remote: RemotePath? = nil
    ) -> String {
        let code = exitCode.map { " (rsync exit \($0)\($0 == 23 || $0 == 24 ? ": partial transfer" : ""))" } ?? ""
        let meaning = exitCode.flatMap { code in
            remote.flatMap { RemoteRsyncFailure.explain(code, messages: messages, host: $0.destination) }
        }
        return "  \(destination.heading)\(code):\n"
            + ((meaning.map { [$0] } ?? []) + messages.map(DisplayName.readable)).map { "    " + $0 }
            .joined(separator: "\n")
    }
}
