import Foundation
import Subprocess
import Synchronization

/// SIGINT, SIGTERM and SIGHUP (SIGQUIT counts as SIGINT): passed on to the rsync that is running, so that
/// it stops cleanly (keeping a partial file in its partial dir, never over a good one); micsync then reports
/// what was done and exits 130, 143 or 129. Arriving while nothing runs and nothing is being applied (at a
/// question, say), they are handed to the front end's `idle` handler, once, which ends micsync at once after
/// letting go of what the run took (nothing is half done then); from that moment the process's end is the
/// handler's (`isEnding`). SIGPIPE is ignored: a reader that went away is a failed write, never a crash. A
/// front end makes one per process and hands it to every run.
public final class Interruption: Sendable {
    private enum Target {
        case process(pid_t)
        case group(pid_t)

        func send(_ signal: Int32) {
            switch self {
            case .process(let pid): kill(pid, signal)
            case .group(let group): ProcessGroup.send(signal, to: group)
            }
        }
    }

    private struct State {
        var running: [Int: Target] = [:]
        var nextKey = 0
        var received: Int32?
        /// While applying, a signal only stops what runs; the session then reports and journals.
        var applying = false
        /// Something was applied: an interruption can no longer say that nothing was changed.
        var applied = false
        /// The idle handler was called: it ends the process.
        var ending = false
    }

    private let state = Mutex(State())
    private let sources = Mutex<[any DispatchSourceSignal]>([])
    /// What a signal does when nothing runs: the front end's way out (it must not return into the run).
    private let idle: @Sendable (MicsyncError) -> Void

    public init(idle: @escaping @Sendable (MicsyncError) -> Void) {
        self.idle = idle
    }

    /// Takes over SIGINT, SIGTERM, SIGHUP and SIGQUIT, and ignores SIGPIPE.
    public func install() {
        signal(SIGPIPE, SIG_IGN)
        sources.withLock { sources in
            sources = [SIGINT, SIGTERM, SIGHUP, SIGQUIT].map { signalNumber in
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                // SIGQUIT (Ctrl-\) is a Ctrl-C to micsync: no core, no backtrace.
                let meaning = signalNumber == SIGQUIT ? SIGINT : signalNumber
                source.setEventHandler { [weak self] in self?.received(meaning) }
                source.resume()
                return source
            }
        }
    }

    /// The signal that stopped the run, if one did.
    public var receivedSignal: Int32? { state.withLock { $0.received } }

    /// Whether the idle handler is ending the process: whatever the run still does, its outcome is the
    /// handler's, so the front end must not end the process itself.
    public var isEnding: Bool { state.withLock { $0.ending } }

    /// Throws the interruption once a signal has arrived, so that no further step starts.
    func checkpoint() throws(MicsyncError) {
        if let signal = receivedSignal { throw Self.error(for: signal) }
    }

    public static func error(for signal: Int32) -> MicsyncError {
        switch signal {
        case SIGTERM: MicsyncError(.terminated, "terminated")
        case SIGHUP: MicsyncError(.hangup, "hung up (SIGHUP)")
        default: MicsyncError(.interrupted, "interrupted")
        }
    }

    /// Marks the stretch in which rsync passes change files (true) and its end (false): a signal meanwhile
    /// stops the running pass and the session ends after reporting it.
    func applying(_ applying: Bool) {
        state.withLock { state in
            state.applying = applying
            state.applied = state.applied || applying
        }
    }

    /// A child (the pager) that gets the signals micsync receives while it runs.
    func register(pid: pid_t) -> Int {
        register(.process(pid))
    }

    /// A process group (rsync's) whose every process gets the signals micsync receives while it runs.
    func register(group: pid_t) -> Int {
        register(.group(group))
    }

    private func register(_ target: Target) -> Int {
        let (key, pending) = state.withLock { state in
            state.nextKey += 1
            state.running[state.nextKey] = target
            return (state.nextKey, state.received)
        }
        if let pending { target.send(pending) }
        return key
    }

    func unregister(_ key: Int) {
        _ = state.withLock { $0.running.removeValue(forKey: key) }
    }

    private func received(_ signalNumber: Int32) {
        let (running, applying, applied, ended) = state.withLock { state in
            state.received = state.received ?? signalNumber
            let idle = state.running.isEmpty && !state.applying
            defer { state.ending = state.ending || idle }
            return (Array(state.running.values), state.applying, state.applied, state.ending)
        }
        guard !running.isEmpty || applying else {
            guard !ended else { return }
            let error = Self.error(for: signalNumber)
            // After an apply, the run may have changed something before the signal came.
            return idle(applied ? error : MicsyncError(error.status, error.message + "; nothing was changed"))
        }
        running.forEach { $0.send(signalNumber) }
    }
}
