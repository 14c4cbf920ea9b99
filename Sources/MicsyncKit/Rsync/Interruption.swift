import Foundation
import Subprocess
import Synchronization

/// SIGINT and SIGTERM: passed on to the rsync that is running, so that it stops cleanly (keeping a partial file
/// in its partial dir, never over a good one); micsync then reports what was done and exits 130 or 143.
/// Arriving while no rsync runs (at a question, say), they end micsync at once: nothing is half done then.
public final class Interruption: Sendable {
    public static let shared = Interruption()

    private struct State {
        var running: [Int: pid_t] = [:]
        var nextKey = 0
        var received: Int32?
    }

    private let state = Mutex(State())
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Takes over SIGINT and SIGTERM; called once when micsync starts.
    public static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { shared.received(signalNumber) }
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
        signal == SIGTERM ? MicsyncError(.terminated, "terminated") : MicsyncError(.interrupted, "interrupted")
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
        let running = state.withLock { state in
            state.received = state.received ?? signalNumber
            return Array(state.running.values)
        }
        guard !running.isEmpty else {
            let error = Self.error(for: signalNumber)
            Console.error(error.message)
            exit(error.status.rawValue)
        }
        running.forEach { kill($0, signalNumber) }
    }
}
