import Foundation

/// One finished run, as a line of the journal.
public struct JournalEntry: Codable, Sendable, Equatable {
    public var action: String
    public var configuration: String
    public var source: String
    public var destinations: [String]
    /// The scope, relative to the locations ("" is the whole location).
    public var paths: [String]
    public var copied = 0, overwritten = 0, deleted = 0
    var directoriesCreated = 0, directoriesDeleted = 0
    /// Bytes written: the files copied new and those overwritten.
    public var bytes: Int64 = 0
    /// Bytes of the files copied new, which the run's summary shows (absent from lines journaled before it
    /// was kept).
    var copiedBytes: Int64?
    /// What a destination could not hold and was left out (absent when nothing was).
    var cannotBeStored: [String]?
    public var start: Date
    var end: Date
    public var exitCode: Int32
    /// A run `micsync watch` started by itself (absent for a typed run).
    public var automatic: Bool?
    /// A dry run (`-n`), which changed nothing (absent for a real run).
    public var dryRun: Bool?
    /// Why the run failed, in one line (absent when it did not).
    public var reason: String?
    /// The destinations left unwritten, each with why: `/media/disc2 (not mounted?)` (absent when none was).
    public var skipped: [String]?

    /// A real run that ended well (a dry run wrote nothing, whatever its exit).
    public var succeeded: Bool { exitCode == ExitStatus.success.rawValue && dryRun != true }

    /// What rsync did, in the words the run's summary used: `3 copied (1.2 KB), 1 overwritten, 0 deleted`.
    public var counts: String { RunSummary.line(report) }

    /// The bytes of the files copied new; a line journaled before they were kept has only all bytes written.
    public var copiedSize: Int64 { copiedBytes ?? bytes }

    /// Its counts as the run's summary counted them, every destination's together.
    private var report: ApplyReport {
        var report = ApplyReport()
        (report.copied, report.overwritten, report.deleted) = (copied, overwritten, deleted)
        (report.directoriesCreated, report.directoriesDeleted) = (directoriesCreated, directoriesDeleted)
        (report.bytes, report.copiedBytes) = (bytes, copiedSize)
        return report
    }
}

extension JournalEntry {
    /// An automatic run of `configuration` from `working` that could not start (its configuration file could
    /// not be read, say), with why.
    public static func automaticRunNotStarted(
        _ configuration: Configuration, from working: Location, at start: Date, because error: MicsyncError
    ) -> JournalEntry {
        var entry = JournalEntry(
            action: "backup", configuration: configuration.name, source: working.path,
            destinations: configuration.backups.map(\.path), paths: [""], start: start, end: start,
            exitCode: error.status.rawValue)
        entry.automatic = true
        entry.reason = error.message
        return entry
    }
}

/// The run journal: one JSON line per run that changed something or failed, and per automatic run, at
/// `$XDG_STATE_HOME/micsync/journal.jsonl` (default `~/.local/state/micsync/journal.jsonl`).
/// A line is appended with one `write()` on an `O_APPEND` descriptor, so concurrent runs never interleave;
/// a line that cannot be read back is skipped with a warning. The journal is opened only as a regular file
/// (a FIFO or a device there never keeps a run waiting), and read from its end, no more of it than is needed.
public struct Journal: Sendable {
    /// The most of the journal's end that is read: some 50,000 runs.
    static let readLimit = 16 * 1024 * 1024

    public let path: String

    public init(path: String) {
        self.path = path
    }

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String = FileSystem.homeDirectory
    ) {
        self.init(path: FileSystem.stateDirectory(environment: environment, home: home) + "/journal.jsonl")
    }

    /// Creates the journal's folder, so that a run that could not journal fails before its first question.
    func prepare() throws(MicsyncError) {
        try FileSystem.makeDirectories(
            (path as NSString).deletingLastPathComponent,
            purpose: "micsync's state folder (from $XDG_STATE_HOME or ~/.local/state)")
    }

    /// Appends `entry` as one line; a journal that cannot be written is a warning, never a failed run.
    public func append(_ entry: JournalEntry, warningsTo terminal: Terminal) {
        var line = (try? Self.encoder.encode(entry)) ?? Data()
        line.append(UInt8(ascii: "\n"))
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Non-blocking: a FIFO without a reader fails at once instead of waiting for one.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else {
            // A FIFO without a reader says ENXIO: say what it is instead.
            var info = stat()
            let reason = String(cString: strerror(errno))
            let kind = stat(path, &info) == 0 ? FileReadError.notAFile(info.st_mode) : nil
            return cannotWrite(kind ?? reason, terminal)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return cannotWrite(String(cString: strerror(errno)), terminal) }
        if let kind = FileReadError.notAFile(info.st_mode) { return cannotWrite(kind, terminal) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written != line.count { cannotWrite(String(cString: strerror(errno)), terminal) }
    }

    private func cannotWrite(_ reason: String, _ terminal: Terminal) {
        terminal.note("warning: cannot write the journal \(path): \(reason)")
    }

    /// Every readable entry of the journal's last `readLimit` bytes, oldest first; a missing journal is empty.
    public func entries(warningsTo terminal: Terminal) -> [JournalEntry] {
        var result: [JournalEntry] = []
        newestFirst(within: Self.readLimit, warningsTo: terminal) {
            result.append($0)
            return true
        }
        return result.reversed()
    }

    /// Each readable entry, newest first, read from the journal's end (at most `limit` bytes of it) a chunk at a
    /// time, until `body` returns false; the memory taken does not grow with the journal. Lines that cannot be
    /// read are counted and said in one warning at the end; a missing journal has no entry.
    public func newestFirst(
        within limit: Int = .max, warningsTo terminal: Terminal, _ body: (JournalEntry) -> Bool = { _ in true }
    ) {
        var unreadable = 0
        let read = FileSystem.linesFromEnd(of: path) { line, bytesRead in
            guard let entry = try? Self.decoder.decode(JournalEntry.self, from: line) else {
                unreadable += 1
                return bytesRead < limit
            }
            return body(entry) && bytesRead < limit
        }
        if case .failure(let reason) = read, !reason.missing {
            terminal.note("warning: cannot read the journal \(path): \(reason)")
        }
        if unreadable > 0 {
            terminal.note(
                "warning: \(path): "
                    + plural(unreadable, "line is not a journal entry", "lines are not journal entries") + "; skipped")
        }
    }

    /// The newest entries, oldest first, as far back as it takes to find the last successful run into each of
    /// `locations` (by path) and the last automatic run of each of `configurations` (by name): all that
    /// `status` shows, read from the journal's end (at most `readLimit` of it).
    public func latest(
        writing locations: [String], automaticRunsOf configurations: [String], warningsTo terminal: Terminal
    ) -> [JournalEntry] {
        var (unwritten, unrun) = (Set(locations), Set(configurations))
        var result: [JournalEntry] = []
        newestFirst(within: Self.readLimit, warningsTo: terminal) { entry in
            result.append(entry)
            if entry.succeeded { unwritten.subtract(entry.destinations) }
            if entry.automatic == true { unrun.remove(entry.configuration) }
            return !unwritten.isEmpty || !unrun.isEmpty
        }
        return result.reversed()
    }

    /// The end of the last successful run that wrote into `location`, by location path.
    public static func lastSuccess(into location: String, in entries: [JournalEntry]) -> Date? {
        entries.filter { $0.succeeded && $0.destinations.contains(location) }.map(\.end).max()
    }

    /// The start of the last automatic run of `configuration` that succeeded.
    public static func lastAutomaticSuccess(of configuration: String, in entries: [JournalEntry]) -> Date? {
        entries.filter { $0.automatic == true && $0.succeeded && $0.configuration == configuration }.map(\.start)
            .max()
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
