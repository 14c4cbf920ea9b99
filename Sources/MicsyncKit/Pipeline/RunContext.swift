/// What a run talks to besides files: the terminal, where answers come from, and the signals. A front end
/// makes one and hands it down; every stage that prints, asks or runs rsync gets it.
public struct RunContext: Sendable {
    public var terminal: Terminal
    public let answers: any AnswerSource
    public let interruption: Interruption
    /// What the run knows about its locations, with micsync's state folder.
    public let locations: LocationBook

    public init(
        terminal: Terminal, answers: any AnswerSource, interruption: Interruption,
        locations: LocationBook
    ) {
        self.terminal = terminal
        self.answers = answers
        self.interruption = interruption
        self.locations = locations
    }

    /// Every question of the run, asked on its terminal.
    public var questions: Questions { Questions(source: answers, terminal: terminal) }
}
