import Foundation
import MicsyncKit

// The process's own streams, which only a front end may look at: the kernel gets them as a `Terminal` value
// and an `AnswerSource`.

extension Terminal {
    /// The process's own streams, as they are now, coloured by `colour`.
    public static func standard(
        colour: Style.Choice, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Terminal {
        let outputIsTerminal = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        // stdout's size, else stderr's (`| head`: the questions still go to the terminal).
        let sized = [STDOUT_FILENO, STDERR_FILENO].contains { descriptor in
            isatty(descriptor) == 1 && ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0
        }
        let columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        var terminal = Terminal(
            sink: StandardStreams(),
            style: Style(enabled: Style.enabled(colour, isTerminal: outputIsTerminal, environment: environment)),
            width: columns ?? (sized && size.ws_col > 0 ? Int(size.ws_col) : 80), height: sized ? Int(size.ws_row) : 24,
            inputIsTerminal: isatty(STDIN_FILENO) == 1, outputIsTerminal: outputIsTerminal,
            messagesAreTerminal: isatty(STDERR_FILENO) == 1, pagerCommand: Pager.command(environment))
        terminal.isDumb = environment["TERM"] == "dumb"
        return terminal
    }
}

/// stdout and stderr, written with `write(2)`: a closed, full or broken output is an errno, never a crash.
public struct StandardStreams: ConsoleSink {
    public init() {}

    public func write(_ text: String, to stream: ConsoleStream) -> Int32? {
        let descriptor = stream == .output ? STDOUT_FILENO : STDERR_FILENO
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : EIO }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }

    /// A pipe whose reader has exited polls as an error. `head -3` exits a moment after the lines it
    /// wanted arrive, so the reader is given that moment first.
    public func outputReaderGone() -> Int32? {
        var info = stat()
        guard fstat(STDOUT_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else { return nil }
        var descriptor = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
        usleep(50_000)
        guard poll(&descriptor, 1, 0) == 1, descriptor.revents & Int16(POLLERR) != 0 else { return nil }
        return EPIPE
    }
}

/// Answers read from stdin a byte at a time (nothing read ahead is lost between questions), one line at
/// most `lineLimit` bytes: a longer line comes back in pieces, each an answer of its own, so that a
/// stream without newlines (`/dev/zero`) is never held whole.
public struct StandardInputAnswers: AnswerSource {
    static let lineLimit = 4096

    public init() {}

    public func nextAnswer() -> String? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < Self.lineLimit {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }
}
