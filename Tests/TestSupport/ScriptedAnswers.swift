import MicsyncKit
import Synchronization

/// Answers given in order, then end of input (which cancels); counts the questions asked.
public final class ScriptedAnswers: AnswerSource {
    private let state: Mutex<(answers: [String], asked: Int)>

    public convenience init(_ answers: String...) { self.init(answers) }

    public init(_ answers: [String]) { state = Mutex((answers, 0)) }

    public var asked: Int { state.withLock { $0.asked } }

    public func nextAnswer() -> String? {
        state.withLock { state in
            state.asked += 1
            return state.answers.isEmpty ? nil : state.answers.removeFirst()
        }
    }
}
