import Foundation
import Synchronization

/// Where one run speaks, and what it knows of the terminal it speaks to: lists and reports to stdout, notes,
/// questions and errors to stderr, through one sink; whether -q silences notes; the colours; the width; which
/// streams are terminals. A front end makes one per run and hands it down: nothing in the kernel looks at
/// the process's streams by itself. Once stdout cannot be written (closed, full, a reader gone), further
/// lists are dropped and `outputFailure` says why, for every copy of the value.
public struct Terminal: Sendable {
    let sink: any ConsoleSink
    /// -q: `notice` says nothing.
    public var quiet: Bool
    /// The colours of what goes to stdout.
    public let style: Style
    /// Columns and rows of the terminal (80 × 24 when stdout is none).
    public let width: Int
    let height: Int
    /// Whether stdin, stdout and stderr are terminals.
    let inputIsTerminal: Bool
    public let outputIsTerminal: Bool
    let messagesAreTerminal: Bool
    /// `$PAGER`, for long read-only lists on a terminal.
    let pagerCommand: String?
    /// `TERM=dumb`: no escape sequence may be written (no progress line redrawn in place).
    public var isDumb = false
    private let health = OutputHealth()
    /// `print` says its lines on stderr (`besideDocument`).
    private var printsToMessages = false

    public init(
        sink: any ConsoleSink, quiet: Bool = false, style: Style = Style(enabled: false), width: Int = 80,
        height: Int = 24, inputIsTerminal: Bool = false, outputIsTerminal: Bool = false,
        messagesAreTerminal: Bool = false, pagerCommand: String? = nil
    ) {
        self.sink = sink
        self.quiet = quiet
        self.style = style
        self.width = width
        self.height = height
        self.inputIsTerminal = inputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.messagesAreTerminal = messagesAreTerminal
        self.pagerCommand = pagerCommand
    }

    /// Whether a person is there to answer: stdin and stderr are terminals.
    var isInteractive: Bool { inputIsTerminal && messagesAreTerminal }

    /// The errno that stopped stdout, if it failed (its reader gone: `| head`).
    public var outputFailure: Int32? { health.failure }

    /// Throws once stdout has failed, so that a run whose plan could not be shown changes nothing.
    func checkOutput() throws(MicsyncError) {
        guard let code = outputFailure else { return }
        throw .io("cannot write to standard output (\(String(cString: strerror(code)))); nothing was changed")
    }

    /// Before a question: stdout's reader gone (`| head`) is noticed now, never after an answer was given.
    func checkOutputBeforeAsking() throws(MicsyncError) {
        if outputFailure == nil, let code = sink.outputReaderGone() { health.fail(code) }
        try checkOutput()
    }

    /// At the end of a command: throws when part of its output was lost to a closed or full stdout. A reader
    /// that went away (`| head`) is no failure: it had read what it wanted.
    public func checkOutputKept() throws(MicsyncError) {
        guard let code = outputFailure, code != EPIPE else { return }
        throw .io("cannot write to standard output (\(String(cString: strerror(code)))); the output is incomplete")
    }

    public func print(_ line: String) {
        printsToMessages ? prompt(line + "\n") : write(line + "\n")
    }

    /// This terminal, printing on stderr when `document` (stdout holds one JSON document, which the rsync
    /// commands that -v prints must not break).
    func besideDocument(_ document: Bool) -> Terminal {
        var copy = self
        copy.printsToMessages = document
        return copy
    }

    /// Writes `text` to stdout as it is (a progress line redrawn in place).
    public func write(_ text: String) {
        guard outputFailure == nil, !health.finished else { return }
        if let code = sink.write(text, to: .output) { health.fail(code) }
    }

    /// A one-line note for the user (a location skipped, a hint), on stderr.
    public func note(_ line: String) {
        prompt(line + "\n")
    }

    /// A note that -q silences: a location skipped, what a dry run's guard would refuse.
    public func notice(_ line: String) {
        if !quiet { note(line) }
    }

    public func error(_ message: String) {
        note("micsync: " + message)
    }

    /// Writes `prompt` to stderr without a newline; a failed stderr is ignored (there is nowhere to say so).
    func prompt(_ prompt: String) {
        guard !health.finished else { return }
        _ = sink.write(prompt, to: .messages)
    }

    /// The last line the process says (a signal ends it): nothing is written after it, by any copy.
    public func finish(with line: String) {
        note(line)
        health.finish()
    }
}

/// The first error that stopped stdout, and whether the last line was said, shared by every copy of one
/// `Terminal`.
private final class OutputHealth: Sendable {
    private let code = Mutex<Int32?>(nil)
    private let done = Mutex(false)

    var failure: Int32? { code.withLock { $0 } }
    var finished: Bool { done.withLock { $0 } }

    func fail(_ errno: Int32) {
        code.withLock { $0 = $0 ?? errno }
    }

    func finish() {
        done.withLock { $0 = true }
    }
}
