import Foundation

/// The one runner of every action that writes, the sync actions and `trash restore` alike: it finds rsync,
/// makes sure the journal can be written, locks the destinations, probes their filesystems, runs the
/// pipeline, journals what was done and, after a successful run, keeps the history its configuration says.
@MainActor
public struct SyncRunner {
    let context: RunContext

    public init(context: RunContext) {
        self.context = context
    }

    /// Returns what the run did, as journaled; throws what stopped it.
    @discardableResult
    public func run(_ request: SyncRequest) async throws(MicsyncError) -> JournalEntry {
        var request = request
        let options = request.options
        let book = context.locations
        // One directory is written once, whatever names reach it (two host names of one NAS): one lock.
        let (destinations, same) = book.distinct(request.endpoints.destinations)
        for (location, first) in same {
            context.terminal.notice("note: \(location.heading) is the same folder as \(first.heading); written once")
        }
        let endpoints = Endpoints(source: request.endpoints.source, destinations: destinations)
        request.endpoints = endpoints
        if let host = endpoints.source.remote?.connectionKey,
            let other = endpoints.destinations.first(where: { ($0.remote?.connectionKey).map { $0 != host } ?? false })
        {
            throw .usage(
                "rsync cannot copy from one host to another: \(endpoints.source.heading) and \(other.heading) "
                    + "are on two other hosts; run micsync on one of them")
        }
        let rsync = try await Rsync.locate(interruption: context.interruption)
        let journal = Journal(path: book.state.journal)
        if !options.dryRun {
            try book.check()
            try journal.prepare()
        }
        let locks = options.dryRun ? [:] : try book.lock(endpoints.destinations)
        // The progress line redraws itself with an escape sequence, which TERM=dumb must never receive.
        let progress = ProgressLine(requested: context.terminal.isDumb ? false : options.progress, on: context.terminal)
        let job = job(request, rsync: rsync, locks: locks, applyOptions: progress.rsyncOptions)
        let outcome = await SyncPipeline(job, progress: progress).run()
        let entry = journal.record(
            outcome, action: request.action, scope: request.scope, endpoints: endpoints, start: job.started,
            automatic: options.automatic && !options.dryRun, dryRun: options.dryRun, warningsTo: context.terminal)
        if let error = outcome.error { throw error }
        if !options.dryRun, let keep = request.scope.configuration.keep {
            let written = outcome.destinations.filter { $0.report.items > 0 }.map(\.destination)
                .filter(request.scope.configuration.locations.contains)
            withExtendedLifetime(locks) {
                HistoryKeeping(context: context).apply(keep, of: request.scope.configuration, to: written)
            }
        }
        return entry
    }

    /// The job every stage of `request`'s run reads: its rsync command lines, with `applyOptions` added to
    /// each apply pass, and what the run's locations hold.
    func job(
        _ request: SyncRequest, rsync: Rsync, locks: [Location: LocationLock] = [:], applyOptions: [String] = []
    ) -> SyncJob {
        let (options, endpoints, book) = (request.options, request.endpoints, context.locations)
        var invocation = RsyncInvocation(
            source: endpoints.source, destinations: endpoints.destinations, scope: request.scope,
            actionFilters: request.filters, deleting: options.deletion != .never, locations: book,
            keeping: options.extendedMetadata, probing: !options.dryRun)
        invocation.actionOptions = request.rsyncOptions + options.everydayRsyncOptions
        invocation.planOptions = request.planOptions
        invocation.syncsRoot = request.syncsRoot
        invocation.filters += options.excludes.map { "--exclude=\($0)" }
        invocation.applyOptions += applyOptions
        var job = SyncJob(
            action: request.action, scope: request.scope, source: endpoints.source,
            destinations: endpoints.destinations, options: options, overwrites: request.overwrites, rsync: rsync,
            invocation: invocation, locks: locks, context: context, started: Date())
        job.partsPerDestination = request.partsPerDestination
        return job
    }
}
