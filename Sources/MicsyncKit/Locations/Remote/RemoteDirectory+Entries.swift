extension RemoteDirectory {
    /// Asked of the host in batches, each one round trip whose script and answer stay far below what a host
    /// may answer (`HostCommand`).
    func entries(_ relativePaths: [[UInt8]]) -> [EntryFacts?]? {
        var facts: [EntryFacts?] = []
        for batch in Self.batches(relativePaths) {
            guard let output = answer(to: HostScript.entries(Array(relativePaths[batch]))) else { return nil }
            let present = HostScript.values(output, "at").compactMap { Int($0) }
            let answers = HostScript.values(output, "e").compactMap(Self.facts)
            // A file that vanished between the shell's test and `stat`: no answer to trust.
            guard present.count == answers.count, present.allSatisfy((0..<batch.count).contains) else { return nil }
            var found = [EntryFacts?](repeating: nil, count: batch.count)
            for (number, answer) in zip(present, answers) { found[number] = answer }
            facts += found
        }
        return facts
    }

    func unreadable(_ relativePaths: [[UInt8]]) -> Set<Int>? {
        var found: Set<Int> = []
        for batch in Self.batches(relativePaths) {
            guard let output = answer(to: HostScript.unreadable(Array(relativePaths[batch]))) else { return nil }
            found.formUnion(
                HostScript.values(output, "unreadable").compactMap { Int($0) }.map { batch.lowerBound + $0 })
        }
        return found
    }

    /// `MODE SIZE MTIME` as `stat` printed it: the mode in hex (BSD's perhaps with `0x`).
    private static func facts(_ line: String) -> EntryFacts? {
        let fields = line.split(separator: " ")
        guard fields.count == 3, let mode = UInt32(fields[0].replacingOccurrences(of: "0x", with: ""), radix: 16),
            let size = Int64(fields[1]), let seconds = Int64(fields[2])
        else { return nil }
        return EntryFacts(mode: mode, size: size, modified: seconds * 1_000_000_000)
    }

    /// Runs of at most 2,000 paths and about 256 KiB of names: a few seconds of the host's shell, and an answer
    /// of well under 100 KiB.
    private static func batches(_ relativePaths: [[UInt8]]) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0, bytes = 0
        for (index, relative) in relativePaths.enumerated() {
            if index - start == 2_000 || bytes > 256 * 1024 {
                batches.append(start..<index)
                (start, bytes) = (index, 0)
            }
            bytes += relative.count
        }
        if start < relativePaths.count { batches.append(start..<relativePaths.count) }
        return batches
    }

    /// What `body`, run on the host in the location's directory, printed; nil when the host did not answer.
    private func answer(to body: String) -> String? {
        try? hosts.run(HostScript.script(body, directory: remote.directory), on: remote).get()
    }
}
