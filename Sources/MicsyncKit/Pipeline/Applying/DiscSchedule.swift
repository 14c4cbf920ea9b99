import Foundation

/// Destinations on different discs are written at once, destinations on one disc one after the other: two
/// passes on one disc only make it seek between them, two discs are twice the bandwidth. Each result is
/// handed on in the destinations' order, as soon as it and all before it are done, so that the output
/// reads as if they had run one after the other.
@MainActor
enum DiscSchedule {
    /// Runs `body` for each index of `destinations`; `report` gets each result in order. Nothing new starts
    /// once `stopped` says so. Returns the indices that were started.
    static func run<Outcome: Sendable>(
        _ destinations: [Location], stopped: () -> Bool,
        _ body: @escaping @MainActor @Sendable (Int) async -> Outcome,
        inOrder report: (Int, Outcome) -> Void
    ) async -> Set<Int> {
        let discs = destinations.indices.map { disc(of: destinations[$0], $0) }
        var queues = Dictionary(grouping: destinations.indices) { discs[$0] }
        var results = [Outcome?](repeating: nil, count: destinations.count)
        var started = Set<Int>(), next = 0
        /// The next destination of `disc` to start, unless stopped.
        func take(_ disc: UInt64) -> Int? {
            guard let index = queues[disc]?.first, !stopped() else { return nil }
            queues[disc]?.removeFirst()
            started.insert(index)
            return index
        }
        let firsts = Set(discs).sorted { discs.firstIndex(of: $0)! < discs.firstIndex(of: $1)! }.compactMap(take)
        await withTaskGroup(of: (Int, Outcome).self) { group in
            for index in firsts { group.addTask { (index, await body(index)) } }
            for await (index, outcome) in group {
                results[index] = outcome
                while next < results.count, let ready = results[next] {
                    report(next, ready)
                    next += 1
                }
                if let following = take(discs[index]) {
                    group.addTask { (following, await body(following)) }
                }
            }
        }
        // After a stop, the results that waited behind one never started.
        for index in next..<results.count { if let outcome = results[index] { report(index, outcome) } }
        return started
    }

    /// The device of the destination's filesystem; a destination that cannot be looked at is a disc of its own.
    private static func disc(of destination: Location, _ index: Int) -> UInt64 {
        var info = stat()
        return stat(destination.path, &info) == 0 ? UInt64(info.st_dev) : UInt64.max - UInt64(index)
    }
}
