/// Shows plans and reports: lists to stdout, one path a line, readable whatever bytes the names hold.
struct PlanPrinter {
    let suppressDirectories: Bool

    func show(_ plan: Plan, at destination: Location, deletion: RunOptions.Deletion, filesystem: FilesystemProfile? = nil) {
        let heading = destination.heading
        let sections: [(String, PathList)] = [
            ("new", plan.new),
            ("modified", plan.modified),
            ("to delete", deletion == .never ? PathList() : plan.deleted),
        ]
        let shown = sections.map { title, list in (title, list, visibleCount(list)) }.filter { $0.2 > 0 }
        guard !shown.isEmpty || !plan.cannotStore.isEmpty else {
            Console.print("\(heading): up to date")
            return
        }
        let unstorableLines = plan.cannotStore.isEmpty ? 0 : 1 + plan.cannotStore.count
        // Streamed, never held as a whole: a million names cost no more memory than the plan already holds.
        Pager.show(lineCount: 1 + shown.reduce(0) { $0 + 1 + $1.2 } + unstorableLines) { output in
            output.line("\(heading):")
            for (title, list, count) in shown {
                output.line("  \(title) (\(count)):")
                for entry in list where isVisible(entry) { output.line("    " + entry.displayName) }
            }
            guard !plan.cannotStore.isEmpty else { return }
            let type = filesystem.map { " (\($0.type))" } ?? ""
            output.line("  cannot be stored on \(destination.path)\(type) (\(plan.cannotStore.count)):")
            for item in plan.cannotStore { output.line("    \(item.displayName)  (\(item.reason))") }
        }
    }

    private func isVisible(_ entry: PathList.Entry) -> Bool { !(suppressDirectories && entry.isDirectory) }

    private func visibleCount(_ list: PathList) -> Int {
        suppressDirectories ? list.reduce(0) { $0 + (isVisible($1) ? 1 : 0) } : list.count
    }
}

/// What one apply did at one destination, counted from rsync's own itemized output.
public struct ApplyReport: Sendable {
    public var copied = 0, overwritten = 0, deleted = 0
    public var directoriesCreated = 0, directoriesDeleted = 0
    public var bytes: Int64 = 0

    mutating func count(_ item: ItemizedChange) {
        let isDirectory = item.path.last == UInt8(ascii: "/")
        switch (item.change, isDirectory) {
        case (.new, false): copied += 1; bytes += item.size
        case (.new, true): directoriesCreated += 1
        case (.modified, _): overwritten += 1; bytes += item.size
        case (.deleted, false): deleted += 1
        case (.deleted, true): directoriesDeleted += 1
        case (.attributesOnly, _), (.unchanged, _): break
        }
    }

    var summary: String {
        var parts = ["\(copied) copied", "\(overwritten) overwritten", "\(deleted) deleted"]
        if directoriesCreated > 0 { parts.append(plural(directoriesCreated, "directory", "directories") + " created") }
        if directoriesDeleted > 0 { parts.append(plural(directoriesDeleted, "directory", "directories") + " deleted") }
        return parts.joined(separator: ", ")
    }
}

/// `1 file`, `2 files`.
public func plural(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count == 1 ? one : many)"
}
