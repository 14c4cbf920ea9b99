import Synchronization

/// Each remote location's facts as the host last told them in this run: asked once before planning (one
/// round trip), asked again right before writing, forgotten when micsync changed something there.
final class RemoteFactsCache: Sendable {
    private let answers = Mutex<[Location: Result<[String: String], RemoteFailure>]>([:])

    func answers(
        for location: Location, fresh: Bool, asking: () -> Result<[String: String], RemoteFailure>
    ) -> Result<[String: String], RemoteFailure> {
        if !fresh, let known = answers.withLock({ $0[location] }) { return known }
        let answer = asking()
        answers.withLock { $0[location] = answer }
        return answer
    }

    func store(_ answer: Result<[String: String], RemoteFailure>, for location: Location) {
        answers.withLock { $0[location] = answer }
    }

    func forget(_ location: Location) {
        _ = answers.withLock { $0.removeValue(forKey: location) }
    }
}
