import Foundation

/// One line of rsync's `--info=progress2` output: the bytes this rsync pass has transferred so far and, at
/// the end of a file, how many of the files it knows it has still to check (`to-chk=1/3`; `ir-chk` while it
/// still scans), e.g. `     21,921,792  73%   19.55MB/s    0:00:00 (xfr#1, to-chk=1/3)`. rsync's percent
/// and time are not used: the percent is of every byte of the tree, copied or not, the time the elapsed one.
struct TransferProgress: Sendable, Equatable {
    let bytes: Int64
    /// The share of the files it knows that rsync has checked, 0 to 1; nil on a line that does not say.
    var checked: Double?

    /// Parses one `\r`-separated segment; nil for anything else (itemized lines, messages).
    static func parse(_ segment: some Collection<UInt8>) -> TransferProgress? {
        let fields = String(decoding: segment, as: UTF8.self).split(separator: " ")
        guard fields.count >= 4, fields[1].hasSuffix("%"),
            let bytes = Int64(fields[0].replacingOccurrences(of: ",", with: "")),
            Int(fields[1].dropLast()) != nil, fields[2].hasSuffix("/s"),
            fields[3].allSatisfy({ $0.isNumber || $0 == ":" })
        else { return nil }
        return TransferProgress(bytes: bytes, checked: fields.last.flatMap(Self.checked))
    }

    /// `to-chk=1/3)` → 2/3.
    private static func checked(_ field: Substring) -> Double? {
        guard let equals = field.firstIndex(of: "="), field.hasSuffix(")") else { return nil }
        let counts = field[field.index(after: equals)...].dropLast().split(separator: "/").compactMap { Int($0) }
        guard counts.count == 2, counts[1] > 0 else { return nil }
        return Double(counts[1] - counts[0]) / Double(counts[1])
    }
}

/// The overall progress line shown while applying, redrawn in place on stdout and cleared before anything
/// else is printed: the bytes copied of the bytes planned for the whole run (every destination), the share,
/// the items, the rate and the time left, e.g. `12.0 MB of 40.0 MB  30%  1,234 of 3,000 items  1.00 MB/s
/// 0:28 left`. Shown on a terminal unless `--no-progress`; `--progress` shows it anyway.
final class ProgressLine: @unchecked Sendable {
    let isShown: Bool
    private let terminal: Terminal
    private var drawn = false
    /// The plan's bytes and files (items of every pass).
    private var planned: (bytes: Int64, files: Int) = (0, 0)
    /// Bytes of the passes already finished, and of each one running (one per disc at once) so far; the
    /// same for rsync's share of the tree.
    private var finished: Int64 = 0, running: Int64 = 0
    private var current: [Location: TransferProgress] = [:]
    /// The files of the passes finished, and of those running: each pass's share of its files checked,
    /// weighted by its number of files.
    private var finishedFiles = 0.0, runningFiles = 0.0
    private var weights: [Location: Double] = [:]
    /// Recent (time, bytes done, share in %) samples, one per redraw: the rates are measured over the last
    /// few seconds. Those before `oldest` have aged out; they are dropped in batches, so each rsync line
    /// costs O(1).
    private var samples: [(time: ContinuousClock.Instant, bytes: Double, share: Double)] = []
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

    /// The rsync options that make it report its progress.
    var rsyncOptions: [String] { isShown ? ["--info=progress2"] : [] }

    /// What the whole run is to do: the plan's bytes and items, known once every question is answered.
    func expect(bytes: Int64, files: Int) {
        planned = (bytes, files)
    }

    /// A pass to `destination` over `files` items starts.
    func passStarted(at destination: Location, files: Int) {
        weights[destination] = Double(files)
    }

    /// Takes a line of the output of the rsync pass to `destination`; returns true when it was progress (and
    /// is consumed).
    func consume(_ line: some Collection<UInt8>, at destination: Location) -> Bool {
        guard var progress = TransferProgress.parse(line) else { return false }
        let previous = current[destination]
        progress.checked = progress.checked ?? previous?.checked
        running += progress.bytes - (previous?.bytes ?? 0)
        runningFiles += ((progress.checked ?? 0) - (previous?.checked ?? 0)) * (weights[destination] ?? 1)
        current[destination] = progress
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
        samples.append((now, Double(done), share))
        while oldest < samples.count - 1, now - samples[oldest].time > .seconds(5) { oldest += 1 }
        if oldest >= 64 {
            samples.removeFirst(oldest)
            oldest = 0
        }
        let line = Self.line(
            done: done, planned: planned.bytes, files: (Int(finishedFiles + runningFiles), planned.files),
            rate: rate { $0.bytes }, shareRate: rate { $0.share }, share: share)
        // Cut short of the last column, never wrapped: a wrapped line is redrawn below itself at every update.
        terminal.write("\r\u{1B}[K" + (line.count < terminal.width ? line : String(line.prefix(terminal.width - 1))))
        lastDraw = now
        pending = false
        drawn = true
    }

    /// The share of the files rsync has checked, in %, over every pass of the run.
    private var share: Double {
        planned.files > 0 ? min(100, (finishedFiles + runningFiles) * 100 / Double(planned.files)) : 0
    }

    /// How fast `measure` grew a second over the last few seconds; nil until there is a second to measure.
    private func rate(_ measure: ((time: ContinuousClock.Instant, bytes: Double, share: Double)) -> Double) -> Double? {
        guard let first = samples[oldest...].first, let last = samples.last else { return nil }
        let span = first.time.duration(to: last.time)
        let seconds = Double(span.components.seconds) + Double(span.components.attoseconds) / 1e18
        return seconds >= 1 ? (measure(last) - measure(first)) / seconds : nil
    }

    /// Ends the rsync pass to `destination`: its next pass starts counting from zero again. The line is
    /// cleared once no pass runs.
    func passFinished(at destination: Location) {
        // What rsync said last is shown before the line goes: the pass's end, never a stale share.
        if pending { draw(at: clock.now) }
        let last = current.removeValue(forKey: destination) ?? TransferProgress(bytes: 0)
        finished += last.bytes
        running -= last.bytes
        let weight = weights.removeValue(forKey: destination) ?? 1
        finishedFiles += weight
        runningFiles -= (last.checked ?? 0) * weight
        if current.isEmpty { clear() }
    }

    /// Clears the line, so that the next report starts at the left margin.
    func clear() {
        guard drawn else { return }
        terminal.write("\r\u{1B}[K")
        drawn = false
    }

    /// `12.0 MB of 40.0 MB  30%  1,234 of 3,000 items  1.00 MB/s  0:28 left`; without bytes to copy (nothing
    /// but folders and attributes) the items alone. The time left blends what the bytes and what the items
    /// say (many small files are slow per file, not per byte): the mean of the two.
    static func line(
        done: Int64, planned: Int64, files: (done: Int, of: Int), rate: Double?, shareRate: Double?, share: Double
    ) -> String {
        let speed = rate.map { ByteCount.readable(Int64($0)) + "/s" } ?? "– B/s"
        let byBytes = planned > 0 ? rate.flatMap { $0 > 0 ? Double(max(planned - done, 0)) / $0 : nil } : nil
        let byFiles = files.of > 0 ? shareRate.flatMap { $0 > 0 ? (100 - share) / $0 : nil } : nil
        let estimates = [byBytes, byFiles].compactMap { $0 }
        let left = estimates.isEmpty ? "–:––" : clock(estimates.reduce(0, +) / Double(estimates.count))
        let count = "\(grouped(min(files.done, files.of))) of \(plural(files.of, "item", "items"))"
        guard planned > 0 else { return "\(count)  \(speed)  \(left) left" }
        let percent = min(100, Int(Double(done) * 100 / Double(planned)))
        return
            "\(ByteCount.readable(done)) of \(ByteCount.readable(planned))  \(percent)%  \(count)  \(speed)  \(left) left"
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
