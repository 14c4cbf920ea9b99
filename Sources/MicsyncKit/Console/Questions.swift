import Foundation

/// Every question micsync asks. `q` or no answer at all (end of input) cancels the whole run; anything
/// not understood asks again, up to `attempts` times (`yes banana |` then cancels too). Answers are
/// case-insensitive.
public struct Questions: Sendable {
    public static let attempts = 10

    /// One possible answer: typed as its full word, its first letter, or one of its other words.
    public struct Answer: Sendable, Equatable {
        public let word: String
        /// Also accepted: `yes` agrees to Modify and to Delete, as a user may well type.
        let otherWords: [String]
        public var key: Character { word.first! }

        public init(_ word: String, or otherWords: [String] = []) {
            self.word = word
            self.otherWords = otherWords
        }

        func matches(_ reply: String) -> Bool {
            reply == word || reply == String(key) || otherWords.contains(reply)
        }

        public static let yes = Answer("yes"), no = Answer("no")
        public static let modify = Answer("modify", or: ["yes", "y"]), delete = Answer("delete", or: ["yes", "y"])
    }

    let source: any AnswerSource
    /// Where the questions are asked.
    let terminal: Terminal

    public init(source: any AnswerSource, terminal: Terminal) {
        self.source = source
        self.terminal = terminal
    }

    /// Asks until one of `answers` (or `q`) is given.
    public func ask(_ question: String, _ answers: [Answer]) throws(MicsyncError) -> Answer {
        let options = (answers.map { "[\($0.key)]\($0.word.dropFirst())" } + ["[q]uit"]).joined(separator: " / ")
        for _ in 0..<Self.attempts {
            let reply = try read("\(question) \(options): ")
            if let answer = answers.first(where: { $0.matches(reply) }) { return answer }
            terminal.note("please answer \(answers.map(\.word).joined(separator: ", ")) or q")
        }
        throw Self.noValidAnswer
    }

    static let noValidAnswer = MicsyncError(
        .cancelled, "cancelled: no valid answer after \(attempts) tries; nothing was changed")

    /// A numbered menu; the numbers are the choices' own (their index in the config), shown from 0.
    /// With `several`, any number of choices separated by spaces or commas, or `a` for all.
    public func choose(_ title: String, from choices: [(number: Int, label: String)], several: Bool = false)
        throws(MicsyncError) -> [Int]
    {
        let lines = choices.map { "  \($0.number): \($0.label)" }.joined(separator: "\n")
        let hint = several ? "numbers separated by spaces, a for all, q to cancel" : "a number, q to cancel"
        for _ in 0..<Self.attempts {
            let reply = try read("\(title)\n\(lines)\nchoose (\(hint)): ")
            let valid = Set(choices.map(\.number))
            if several, reply == "a" || reply == "all" { return choices.map(\.number) }
            let picked = reply.split { $0 == " " || $0 == "," }.map { Int($0) }
            if !picked.isEmpty, picked.count == 1 || several, let numbers = picked as? [Int],
                numbers.allSatisfy(valid.contains)
            {
                return numbers.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            }
            terminal.note(
                "please choose \(several ? "from" : "one of") "
                    + "\(choices.map { String($0.number) }.joined(separator: ", ")), or q"
            )
        }
        throw Self.noValidAnswer
    }

    private func read(_ prompt: String) throws(MicsyncError) -> String {
        try terminal.checkOutputBeforeAsking()
        // Wrapped between words on a terminal; a transcript or a log keeps each question on one line.
        terminal.prompt(terminal.messagesAreTerminal ? WordWrap.wrapped(prompt, width: terminal.width - 1) : prompt)
        guard let line = source.nextAnswer() else {
            terminal.note("")
            throw .cancelled
        }
        // A terminal echoes the answer; an answer from a pipe is echoed here, so the transcript reads the same.
        if !terminal.inputIsTerminal { terminal.note(DisplayName.readable(line.utf8.prefix(80))) }
        // `.whitespacesAndNewlines`: an answer file with CRLF line ends leaves a carriage return on each line.
        let reply = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if reply == "q" || reply == "quit" { throw .cancelled }
        return reply
    }
}
