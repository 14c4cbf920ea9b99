import MicsyncKit
import Synchronization

/// Console text kept in memory, per stream.
public final class RecordingSink: ConsoleSink {
    public init() {}

    private let text = Mutex<[ConsoleStream: String]>([:])

    public func write(_ text: String, to stream: ConsoleStream) -> Int32? {
        self.text.withLock { $0[stream, default: ""] += text }
        return nil
    }

    public subscript(_ stream: ConsoleStream) -> String { text.withLock { $0[stream, default: ""] } }
}

extension Terminal {
    /// A terminal whose text is kept in `sink`, as when stdout and stderr are files.
    public static func recording(_ sink: RecordingSink) -> Terminal { Terminal(sink: sink) }
}
