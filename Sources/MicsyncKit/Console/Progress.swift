import Foundation

/// One line of rsync's `--info=progress2` output: the bytes this rsync pass has transferred so far.
/// e.g. `     21,921,792  73%   19.55MB/s    0:00:00 (xfr#1, to-chk=1/3)`. Only the bytes are used: rsync's
/// percent is of every file it looked at, not of what is copied, and its time is the elapsed time once a
/// file is done.
struct TransferProgress: Sendable, Equatable {
    let bytes: Int64

    /// Parses one `\r`-separated segment; nil for anything else (itemized lines, messages).
    static func parse(_ segment: some Collection<UInt8>) -> TransferProgress? {
        let fields = String(decoding: segment, as: UTF8.self).split(separator: " ")
        guard fields.count >= 4, fields[1].hasSuffix("%"),
            let bytes = Int64(fields[0].replacingOccurrences(of: ",", with: "")),
            Int(fields[1].dropLast()) != nil, fields[2].hasSuffix("/s"),
            fields[3].allSatisfy({ $0.isNumber || $0 == ":" })
        else { return nil }
        return TransferProgress(bytes: bytes)
    }
}

/// The overall progress line shown while applying, redrawn in place on stdout and cleared before anything
/// else is printed: the bytes copied of the bytes planned for the whole run (every destination), the share,
/// the rate and the time left, e.g. `12.0 MB of 40.0 MB  30%  1.00 MB/s  0:28 left`. Shown on a terminal
/// unless `--no-progress`; `--progress` shows it anyway.
final class ProgressLine: @unchecked Sendable {
    let isShown: Bool
    private let terminal: Terminal
    private var drawn = false
    private var planned: Int64 = 0
    /// Bytes of the passes already finished, and of each one running (one per disc at once) so far.
    private var finished: Int64 = 0, running: Int64 = 0
    private var current: [Location: Int64] = [:]
    /// Recent (time, bytes done) samples, one per redraw: the rate is measured over the last few seconds.
    /// Those before `oldest` have aged out; they are dropped in batches, so each rsync line costs O(1).
    private var samples: [(time: ContinuousClock.Instant, bytes: Int64)] = []
    private var oldest = 0
    /// When the line was last drawn, and whether rsync has said more since.
    private var lastDraw: ContinuousClock.Instant?
    private var pending = false
    private let clock = ContinuousClock()
    /// The line is redrawn at most this often: a tree of small files makes rsync report thousands of times a
    /// second, and a terminal cannot show that anyway.
    static let redrawInterval = Duration.milliseconds(100)

    /// - Parameter requested: `--progress` (true), `--no-progress` (false), or neither (nil: only on a terminal).
    init(requested: Bool?, on terminal: Terminal) {
        isShown = requested ?? terminal.outputIsTerminal
        self.terminal = terminal
    }

    /// The rsync options that make it report its progress (and the test-only throttle).
    var rsyncOptions: [String] { (isShown ? ["--info=progress2"] : []) + Self.testThrottle }

    /// For tests only: `MICSYNC_TEST_BWLIMIT=KBPS` slows every pass that writes (rsync `--bwlimit`), so that a
    /// test can watch the progress line of a copy that takes seconds.
    static var testThrottle: [String] {
        ProcessInfo.processInfo.environment["MICSYNC_TEST_BWLIMIT"].map { ["--bwlimit=\($0)"] } ?? []
    }

    /// The bytes the whole run is to copy, known once every question is answered.
    func expect(_ bytes: Int64) {
        planned = bytes
    }

    /// Takes a line of the output of the rsync pass to `destination`; returns true when it was progress (and
    /// is consumed).
    func consume(_ line: some Collection<UInt8>, at destination: Location) -> Bool {
        guard let progress = TransferProgress.parse(line) else { return false }
        running += progress.bytes - (current[destination] ?? 0)
        current[destination] = progress.bytes
        guard isShown else { return true }
        let now = clock.now
        if let lastDraw, now - lastDraw < Self.redrawInterval {
            pending = true
        } else {
            draw(at: now)
        }
        return true
    }

    private func draw(at now: ContinuousClock.Instant) {
        let done = finished + running
        samples.append((now, done))
        while oldest < samples.count - 1, now - samples[oldest].time > .seconds(5) { oldest += 1 }
        if oldest >= 64 {
            samples.removeFirst(oldest)
            oldest = 0
        }
        terminal.write("\r\u{1B}[K" + Self.line(done: done, planned: planned, rate: rate()))
        lastDraw = now
        pending = false
        drawn = true
    }

    /// Bytes a second over the last few seconds; nil until there is a second to measure.
    private func rate() -> Double? {
        guard let first = samples[oldest...].first, let last = samples.last else { return nil }
        let span = first.time.duration(to: last.time)
        let seconds = Double(span.components.seconds) + Double(span.components.attoseconds) / 1e18
        return seconds >= 1 ? Double(last.bytes - first.bytes) / seconds : nil
    }

    /// Ends the rsync pass to `destination`: its next pass starts counting from zero again. The line is
    /// cleared once no pass runs.
    func passFinished(at destination: Location) {
        // What rsync said last is shown before the line goes: the pass's end, never a stale share.
        if pending { draw(at: clock.now) }
        let bytes = current.removeValue(forKey: destination) ?? 0
        finished += bytes
        running -= bytes
        if current.isEmpty { clear() }
    }

    /// Clears the line, so that the next report starts at the left margin.
    func clear() {
        guard drawn else { return }
        terminal.write("\r\u{1B}[K")
        drawn = false
    }

    /// `12.0 MB of 40.0 MB  30%  1.00 MB/s  0:28 left`; without a plan (nothing known to copy) the bytes alone.
    static func line(done: Int64, planned: Int64, rate: Double?) -> String {
        let speed = rate.map { ByteCount.readable(Int64($0)) + "/s" } ?? "– B/s"
        guard planned > 0 else { return "\(ByteCount.readable(done))  \(speed)" }
        let percent = min(100, Int(Double(done) * 100 / Double(planned)))
        let left = rate.flatMap { $0 > 0 ? clock(Double(max(planned - done, 0)) / $0) : nil } ?? "–:––"
        return "\(ByteCount.readable(done)) of \(ByteCount.readable(planned))  \(percent)%  \(speed)  \(left) left"
    }

    /// `0:28`, `12:05`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole % 3600 / 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}

/// Sizes as people read them: 1 KB = 1000 bytes, as disc makers and `df -H` count.
public enum ByteCount {
    public static func readable(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB", "PB"]
        var value = Double(bytes), unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        guard unit > 0 else { return "\(bytes) B" }
        return String(format: value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value) + " " + units[unit]
    }
}
