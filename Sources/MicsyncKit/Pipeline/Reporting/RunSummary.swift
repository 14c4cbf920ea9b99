import Foundation

/// What one apply did at one destination, counted from rsync's own itemized output.
struct ApplyReport: Sendable {
    var copied = 0, overwritten = 0, deleted = 0
    var directoriesCreated = 0, directoriesDeleted = 0
    /// Bytes written: the files copied new and those overwritten.
    var bytes: Int64 = 0
    /// Bytes of the files copied new.
    var copiedBytes: Int64 = 0
    /// Every itemized line, attribute changes included: what the pass got through.
    var items = 0

    init() {}

    /// Counts one itemized change as the kind of change it is in `plan`: an item that replaces one of another
    /// type is one overwrite, and what rsync deletes to make way for it is no deletion; a hard link writes
    /// no bytes.
    mutating func count(_ item: ItemizedChange, in plan: Plan) {
        items += 1
        let written = item.leader == nil ? item.size : 0
        switch (item.change, item.isDirectory) {
        case (.deleted, _) where plan.isReplaced(item.relativePath): break
        case (.new, _) where plan.typeChanges.contains(item.relativePath), (.modified, _):
            overwritten += 1
            bytes += written
        case (.new, false):
            copied += 1
            bytes += written
            copiedBytes += written
        case (.new, true): directoriesCreated += 1
        case (.deleted, false): deleted += 1
        case (.deleted, true): directoriesDeleted += 1
        case (.attributesOnly, _), (.unchanged, _): break
        }
    }
}

/// The words of a run's closing lines: one per destination, and what is left after an interruption.
enum RunSummary {
    /// What the user said No to at one destination.
    struct Declined: Sendable {
        var modified = 0, deletions = 0

        init(modified: Int = 0, deletions: Int = 0) {
            self.modified = modified
            self.deletions = deletions
        }

        var isEmpty: Bool { modified == 0 && deletions == 0 }
    }

    /// `60 copied (1.2 GB), 3 overwritten, 0 deleted, 50 modified declined, in 14 s`.
    static func line(_ report: ApplyReport, declined: Declined = .init(), elapsed: Duration? = nil) -> String {
        var parts = [
            "\(grouped(report.copied)) copied (\(ByteCount.readable(report.copiedBytes)))",
            "\(grouped(report.overwritten)) overwritten", "\(grouped(report.deleted)) deleted",
        ]
        if report.directoriesCreated > 0 {
            parts.append(plural(report.directoriesCreated, "directory", "directories") + " created")
        }
        if report.directoriesDeleted > 0 {
            parts.append(plural(report.directoriesDeleted, "directory", "directories") + " deleted")
        }
        if declined.modified > 0 { parts.append("\(grouped(declined.modified)) modified declined") }
        if declined.deletions > 0 { parts.append("\(grouped(declined.deletions)) deletions declined") }
        if let elapsed { parts.append("in " + readable(elapsed)) }
        return parts.joined(separator: ", ")
    }

    /// What a destination without an apply pass says: nothing to do, or what was declined.
    static func nothingApplied(declined: Declined) -> String {
        declined.isEmpty ? "nothing to do" : line(ApplyReport(), declined: declined)
    }

    /// After an interruption: how much of the current destination is left, which destinations were not
    /// started, and what finishes the job (new items are copied only while still absent, so a second run
    /// picks up where this one stopped): the same command, or for a run `watch` started, its next one.
    static func interrupted(
        at destination: Location, left: Int, of planned: Int, notStarted: [Location], automatic: Bool
    ) -> String {
        var parts = ["\(grouped(max(left, 0))) of \(plural(planned, "item", "items")) left at \(destination.heading)"]
        parts += notStarted.map { "\($0.heading) not started" }
        return "interrupted: " + parts.joined(separator: "; ")
            + (automatic ? "\nthe next automatic run finishes it" : "\nrun the same command again to finish it")
    }

    /// `0.4 s`, `14 s`, `2 min 5 s`, `1 h 3 min`.
    static func readable(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }
}

extension Plan {
    /// The bytes it copies if every overwrite is approved: new and modified files.
    var bytesPlanned: Int64 { new.fileBytes + modified.fileBytes }
}

extension Decision {
    /// The bytes its passes copy: new files and approved overwrites (what the progress line counts to).
    var bytesToCopy: Int64 { plan.new.fileBytes + (overwrite ? plan.modified.fileBytes : 0) }

    /// What the user said No to.
    func declined(_ deletion: RunOptions.Deletion) -> RunSummary.Declined {
        .init(
            modified: overwrite ? 0 : plan.modified.count,
            deletions: delete || deletion == .never ? 0 : plan.deleted.count)
    }
}
