import Foundation

/// Destinations on different discs are written at once, destinations on one disc one after the other: two
/// passes on one disc only make it seek between them, two discs are twice the bandwidth. Each result is
/// handed on in the destinations' order, as soon as it and all before it are done, so that the output
/// reads as if they had run one after the other.
@MainActor
enum DiscSchedule {
    /// One disc: a host's device is not this machine's, and a destination not found when planned is a disc
    /// of its own.
    struct Disc: Hashable {
        let host: String?
        let device: UInt64?
        let destination: Location?

        init(_ destination: Location, planned check: LocationCheck?) {
            host = destination.remote?.connectionKey
            device = check?.device
            self.destination = check == nil ? destination : nil
        }
    }

    /// Runs `body` for each index of `discs` (each destination's); `report` gets each result in order.
    /// Nothing new starts once `stopped` says so. Returns the indices that were started.
    static func run<Outcome: Sendable>(
        _ discs: [Disc], stopped: () -> Bool,
        _ body: @escaping @MainActor @Sendable (Int) async -> Outcome,
        inOrder report: (Int, Outcome) -> Void
    ) async -> Set<Int> {
        var queues = Dictionary(grouping: discs.indices) { discs[$0] }
        var results = [Outcome?](repeating: nil, count: discs.count)
        var started = Set<Int>(), next = 0
        /// The next destination of `disc` to start, unless stopped.
        func take(_ disc: Disc) -> Int? {
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
}
