import Foundation

/// Shows plans: lists to stdout, one path a line, readable whatever bytes the names hold. A run that goes on
/// to ask or apply never holds its list in a pager: each category is cut at `cut` lines (`… and 1,234 more`)
/// and the question offers `[l]ist`, which pages the whole plan and asks again.
struct PlanPrinter {
    enum Mode {
        /// Each category cut at `cut` lines: the run goes on right after.
        case cut
        /// Every item (-n, --list); `paged` through `$PAGER` on a terminal when nothing waits on it.
        case all(paged: Bool)
        /// Nothing at all (-q).
        case quiet
    }

    let mode: Mode
    let suppressDirectories: Bool
    let terminal: Terminal
    let pager: Pager
    /// Whether an empty plan says `up to date`: a run that applies says `nothing to do` at its end instead,
    /// one line per destination.
    var saysUpToDate = true

    /// Lines shown per category before `… and N more`.
    static let cut = 20

    init(mode: Mode, suppressDirectories: Bool, context: RunContext) {
        self.mode = mode
        self.suppressDirectories = suppressDirectories
        terminal = context.terminal
        pager = Pager(terminal: context.terminal, interruption: context.interruption)
    }

    init(_ options: RunOptions, _ context: RunContext) {
        let mode: Mode =
            options.quiet ? .quiet : options.dryRun ? .all(paged: true) : options.list ? .all(paged: false) : .cut
        self.init(mode: mode, suppressDirectories: options.suppressDirectories, context: context)
        saysUpToDate = options.dryRun
    }

    private var style: Style { terminal.style }

    /// One category of a plan, as listed.
    struct Section {
        let title: String
        let colour: Style.Colour
        let list: PathList
        let count: Int
        /// Positions in `list` of the items whose copy at the destination is newer than the source's.
        let newer: Set<Int>
    }

    /// What a destination cannot hold, listed after the other categories with each item's reason.
    struct Unstorables {
        let title: String
        let items: [Unstorable]

        init(_ plan: Plan, at destination: Location, filesystem: FilesystemProfile?) {
            title = "cannot be stored on \(destination.path)" + (filesystem.map { " (\($0.type))" } ?? "")
            items = plan.cannotStore
        }
    }

    /// One plan as it is listed, under the heading of the destinations that share it.
    struct Listing {
        let heading: String
        let sections: [Section]
        let unstorable: Unstorables

        var isEmpty: Bool { sections.isEmpty && unstorable.items.isEmpty }

        /// Its lines: the heading, each category's title and items, what cannot be stored.
        var lineCount: Int {
            1 + sections.reduce(0) { $0 + 1 + $1.count } + (unstorable.items.isEmpty ? 0 : 1 + unstorable.items.count)
        }
    }

    /// `destination`'s plan as listed; `heading`: the destinations that share it, when it is not
    /// `destination`'s alone.
    func listing(
        _ plan: Plan, at destination: Location, heading: String? = nil, deletion: RunOptions.Deletion,
        newer: Set<Int> = [], filesystem: FilesystemProfile? = nil
    ) -> Listing {
        Listing(
            heading: heading ?? destination.heading, sections: sections(plan, deletion: deletion, newer: newer),
            unstorable: Unstorables(plan, at: destination, filesystem: filesystem))
    }

    /// The run's plans, in their order: each cut, or whole, and then through one pager for the whole run.
    func show(_ listings: [Listing]) throws(MicsyncError) {
        switch mode {
        case .quiet:
            return
        case .cut:
            var output = LineWriter(terminal)
            for listing in listings { write(listing, limit: Self.cut, to: &output) }
            output.flush()
        case .all(let paged):
            // Streamed, never held as a whole: a million names cost no more memory than the plan already holds.
            if paged {
                let lineCount = listings.reduce(0) { $0 + ($1.isEmpty ? (saysUpToDate ? 1 : 0) : $1.lineCount) }
                try pager.show(lineCount: lineCount) { output in
                    for listing in listings { write(listing, limit: nil, to: &output) }
                }
            } else {
                var output = LineWriter(terminal)
                for listing in listings { write(listing, limit: nil, to: &output) }
                output.flush()
            }
        }
    }

    /// The whole plan of one destination (or of those that share it) through `$PAGER` (the question's
    /// `[l]ist`).
    func page(_ listing: Listing) throws(MicsyncError) {
        try pager.show(lineCount: listing.lineCount) { write(listing, limit: nil, to: &$0) }
    }

    /// The items a plan lists, as `counts` counts them.
    func itemCount(_ plan: Plan, deletion: RunOptions.Deletion) -> Int {
        sections(plan, deletion: deletion, newer: []).reduce(0) { $0 + $1.count }
    }

    /// `300 new, 2 modified (1 newer at the destination), 3 cannot be stored`: a plan in one line (-q -n).
    func counts(_ plan: Plan, deletion: RunOptions.Deletion, newer: Set<Int> = []) -> String {
        let shown = sections(plan, deletion: deletion, newer: newer)
        guard !shown.isEmpty || !plan.cannotStore.isEmpty else { return "up to date" }
        return
            (shown.map { section in
                "\(grouped(section.count)) \(section.title)"
                    + (section.newer.isEmpty ? "" : " (\(grouped(section.newer.count)) newer at the destination)")
            } + (plan.cannotStore.isEmpty ? [] : ["\(grouped(plan.cannotStore.count)) cannot be stored"])).joined(
                separator: ", ")
    }

    private func sections(_ plan: Plan, deletion: RunOptions.Deletion, newer: Set<Int>) -> [Section] {
        [
            Section(title: "new", colour: .green, list: plan.new, count: visibleCount(plan.new), newer: []),
            Section(
                title: "modified", colour: .yellow, list: plan.modified, count: visibleCount(plan.modified),
                newer: newer),
            Section(
                title: "to delete", colour: .red, list: deletion == .never ? PathList() : plan.deleted,
                count: deletion == .never ? 0 : visibleCount(plan.deleted), newer: []),
        ].filter { $0.count > 0 }
    }

    /// One listing's lines; an empty one is `up to date` where the plan says so (`saysUpToDate`).
    private func write(_ listing: Listing, limit: Int?, to output: inout LineWriter) {
        let (heading, sections, unstorable) = (listing.heading, listing.sections, listing.unstorable)
        guard !listing.isEmpty else {
            if saysUpToDate { output.line("\(heading): up to date") }
            return
        }
        output.line("\(heading):")
        let mark = "  " + style("(newer at the destination)", .red)
        for section in sections {
            let newer =
                section.newer.isEmpty
                ? "" : ", " + style("\(grouped(section.newer.count)) newer at the destination", .red)
            output.line("  \(style(section.title, section.colour)) (\(grouped(section.count)))\(newer):")
            var written = 0
            for (position, entry) in section.list.enumerated() where isVisible(entry) {
                if let limit, written == limit {
                    output.line("    … and \(grouped(section.count - limit)) more")
                    break
                }
                output.line("    " + entry.displayName + (section.newer.contains(position) ? mark : ""))
                written += 1
            }
        }
        guard !unstorable.items.isEmpty else { return }
        output.line("  \(style(unstorable.title, .red)) (\(grouped(unstorable.items.count))):")
        for (written, item) in unstorable.items.enumerated() {
            if let limit, written == limit {
                output.line("    … and \(grouped(unstorable.items.count - limit)) more")
                break
            }
            output.line("    \(item.displayName)  (\(item.reason))")
        }
    }

    private func isVisible(_ entry: PathList.Entry) -> Bool { !(suppressDirectories && entry.isDirectory) }

    private func visibleCount(_ list: PathList) -> Int {
        suppressDirectories ? list.reduce(0) { $0 + (isVisible($1) ? 1 : 0) } : list.count
    }
}

extension Questions.Answer {
    /// Pages the whole plan, then the question comes again.
    static let list = Questions.Answer("list")
}

extension PlanPrinter {
    /// Asks `question` about one destination's plan (or that of those that share it, `heading`), offering
    /// `[l]ist` to page the whole plan first. Listing is no answer: a stream of `l` (`yes l |`) cancels like
    /// any other that never answers.
    func ask(
        _ question: String, _ answers: [Questions.Answer], of questions: Questions, about plan: Plan,
        at destination: Location, heading: String? = nil, deletion: RunOptions.Deletion, newer: Set<Int>
    ) throws(MicsyncError) -> Questions.Answer {
        for _ in 0..<Questions.attempts {
            let answer = try questions.ask(question, answers + [.list])
            guard answer == .list else { return answer }
            try page(listing(plan, at: destination, heading: heading, deletion: deletion, newer: newer))
        }
        throw Questions.noValidAnswer
    }
}

/// `1,234`: counts as people read them.
func grouped(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var result = ""
    for (position, digit) in digits.enumerated() {
        if position > 0, (digits.count - position) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return (count < 0 ? "-" : "") + result
}

/// `1 file`, `2 files`, `1,234 files`.
public func plural(_ count: Int, _ one: String, _ many: String) -> String {
    "\(grouped(count)) \(count == 1 ? one : many)"
}
