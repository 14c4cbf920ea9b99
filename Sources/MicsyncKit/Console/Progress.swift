import Foundation

/// One line of rsync's `--info=progress2` output: the whole transfer so far.
/// e.g. `     21,921,792  73%   19.55MB/s    0:00:00 (xfr#1, to-chk=1/3)`
public struct TransferProgress: Sendable, Equatable {
    public let bytes: Int64
    public let percent: Int
    /// rsync's own rendering, e.g. `19.55MB/s`.
    public let rate: String
    /// Time left while the transfer runs (rsync's estimate), `h:mm:ss`.
    public let remaining: String

    /// Parses one `\r`-separated segment; nil for anything else (itemized lines, messages).
    public static func parse(_ segment: some Collection<UInt8>) -> TransferProgress? {
        let fields = String(decoding: segment, as: UTF8.self).split(separator: " ")
        guard fields.count >= 4, fields[1].hasSuffix("%"),
              let bytes = Int64(fields[0].replacingOccurrences(of: ",", with: "")),
              let percent = Int(fields[1].dropLast()), fields[2].hasSuffix("/s"),
              fields[3].allSatisfy({ $0.isNumber || $0 == ":" }) else { return nil }
        return TransferProgress(bytes: bytes, percent: percent, rate: String(fields[2]), remaining: String(fields[3]))
    }

    public var line: String {
        "\(ByteCount.readable(bytes))  \(percent)%  \(rate)  ETA \(remaining)"
    }
}

/// The overall progress line shown while applying: redrawn in place on stdout, cleared before anything
/// else is printed. Shown on a terminal unless `--no-progress`; `--progress` shows it anyway.
public final class ProgressLine: @unchecked Sendable {
    public let isShown: Bool
    private var drawn = false

    /// - Parameter requested: `--progress` (true), `--no-progress` (false), or neither (nil: only on a terminal).
    public init(requested: Bool?) {
        isShown = requested ?? (isatty(STDOUT_FILENO) == 1)
    }

    /// The rsync options that make it report the overall progress.
    public var rsyncOptions: [String] { isShown ? ["--info=progress2"] : [] }

    /// Takes a line of rsync's output; returns true when it was progress (and is consumed).
    public func consume(_ line: some Collection<UInt8>) -> Bool {
        guard let progress = TransferProgress.parse(line) else { return false }
        if isShown {
            Console.write("\r\u{1B}[K" + progress.line)
            drawn = true
        }
        return true
    }

    /// Clears the line, so that the next report starts at the left margin.
    public func clear() {
        guard drawn else { return }
        Console.write("\r\u{1B}[K")
        drawn = false
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
