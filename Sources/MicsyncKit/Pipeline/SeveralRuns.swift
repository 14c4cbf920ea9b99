/// The runs of one command whose paths call for several (`backup` without paths, or with paths in several
/// configurations), one after the other, each headed by its configuration. A run that fails does
/// not stop the next; a cancelled or interrupted one stops them all. It ends with the first failure's status.
@MainActor
struct SeveralRuns {
    let scopes: [Scope]
    let terminal: Terminal

    func run(_ each: (Scope) async throws(MicsyncError) -> JournalEntry?) async throws(MicsyncError) {
        var failed: [(scope: Scope, error: MicsyncError)] = []
        for (number, scope) in scopes.enumerated() {
            if !terminal.quiet {
                terminal.print((number == 0 ? "" : "\n") + "configuration \(scope.configuration.name):")
            }
            do throws(MicsyncError) {
                _ = try await each(scope)
            } catch {
                guard !Self.stopsEveryRun.contains(error.status) else { throw error }
                if !error.message.isEmpty { terminal.error(error.message) }
                failed.append((scope, error))
            }
        }
        guard let first = failed.first else { return }
        let which = failed.map {
            "\($0.scope.configuration.name) (\($0.scope.typedIn.path), exit \($0.error.status.rawValue))"
        }
        throw MicsyncError(
            first.error.status,
            "\(failed.count) of \(plural(scopes.count, "run", "runs")) did not end well, as said above: "
                + which.joined(separator: ", "))
    }

    /// A question declined or left unanswered, or a signal: the user wants the whole command to stop.
    private static let stopsEveryRun: Set<ExitStatus> = [.cancelled, .hangup, .interrupted, .terminated]
}
