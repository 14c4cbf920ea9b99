import Foundation
import Subprocess
import Synchronization

/// SIGINT, SIGTERM and SIGHUP (SIGQUIT counts as SIGINT): passed on to the rsync that is running, so that
/// it stops cleanly (keeping a partial file in its partial dir, never over a good one); micsync then reports
/// what was done and exits 130, 143 or 129. Arriving while nothing is being applied (at a question, say),
/// they end micsync at once: nothing is half done then. SIGPIPE is ignored: a reader that went away is a
/// failed write, never a crash.
public final class Interruption: Sendable {
    public static let shared = Interruption()

    private struct State {
        var running: [Int: pid_t] = [:]
        var nextKey = 0
        var received: Int32?
        /// While applying, a signal only stops what runs; the session then reports and journals.
        var applying = false
    }

    private let state = Mutex(State())
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Takes over SIGINT, SIGTERM, SIGHUP and SIGQUIT, and ignores SIGPIPE; called once when micsync starts.
    public static func install() {
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            // SIGQUIT (Ctrl-\) is a Ctrl-C to micsync: no core, no backtrace.
            let meaning = signalNumber == SIGQUIT ? SIGINT : signalNumber
            source.setEventHandler { shared.received(meaning) }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal that stopped the run, if one did.
    public var receivedSignal: Int32? { state.withLock { $0.received } }

    /// Throws the interruption once a signal has arrived, so that no further step starts.
    public func checkpoint() throws(MicsyncError) {
        if let signal = receivedSignal { throw Self.error(for: signal) }
    }

    static func error(for signal: Int32) -> MicsyncError {
        switch signal {
        case SIGTERM: MicsyncError(.terminated, "terminated")
        case SIGHUP: MicsyncError(.hangup, "hung up (SIGHUP)")
        default: MicsyncError(.interrupted, "interrupted")
        }
    }

    /// Marks the stretch in which rsync passes change files (true) and its end (false): a signal meanwhile
    /// stops the running pass and the session ends after reporting it.
    func applying(_ applying: Bool) {
        state.withLock { $0.applying = applying }
    }

    func register<I, O, E>(_ execution: Execution<I, O, E>) -> Int {
        register(pid: execution.processIdentifier.value)
    }

    /// A child (rsync, the pager) that gets the signals micsync receives while it runs.
    func register(pid: pid_t) -> Int {
        let (key, pending) = state.withLock { state in
            state.nextKey += 1
            state.running[state.nextKey] = pid
            return (state.nextKey, state.received)
        }
        if let pending { kill(pid, pending) }
        return key
    }

    func unregister(_ key: Int) {
        _ = state.withLock { $0.running.removeValue(forKey: key) }
    }

    private func received(_ signalNumber: Int32) {
        let (running, applying) = state.withLock { state in
            state.received = state.received ?? signalNumber
            return (Array(state.running.values), state.applying)
        }
        guard !running.isEmpty || applying else {
            // `_exit`, not `exit`: the main thread may be blocked reading an answer, and exit's stdio
            // cleanup would wait for it forever.
            let error = Self.error(for: signalNumber)
            Console.error(error.message)
            _exit(error.status.rawValue)
        }
        running.forEach { kill($0, signalNumber) }
    }
}
