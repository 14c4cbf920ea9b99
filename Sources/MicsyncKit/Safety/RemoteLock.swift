import Foundation

/// One run per location on another host, by the protocol every run follows (`LocationLock`): a session on the
/// host (`HostScript.holdLock`) takes the `flock` on `.micsync/lock` that a run on the host itself takes,
/// where the host has `flock(1)`, and `.micsync/lock.d` with the owner record, and keeps them as long as
/// micsync keeps the session: to the run's end, a signal's handler, or micsync's death (its end of the
/// session's input closes however micsync ends). So two laptops, or a laptop and the NAS itself, never write
/// at once. A record in the way is stale only on evidence that cannot be fooled: its holder kept the flock
/// (which the session now holds), or it is this machine's, boot's and PID namespace's and its process is
/// gone. Any other is removed only by `micsync unlock LOCATION`, after its owner is checked.
struct RemoteLock {
    let site: RemoteDirectory

    func acquire() throws(MicsyncError) -> LocationLock {
        let owner = LockOwner.thisRun(run: UUID().uuidString.lowercased(), holdingFlock: false)
        let hosts = site.hosts
        defer { hosts.facts.forget(site.location) }
        // A record shown stale is removed once, then the lock is asked for again.
        var retried = false
        while true {
            let (session, answers) = try start(owner)
            if answers["locked"] == "1" {
                return LocationLock(descriptor: nil, release: LockRelease { hosts.end(session) })
            }
            hosts.end(session)
            if let error = answers["error"] {
                throw .notFound("cannot lock \(site.location.heading): \(DisplayName.readable(error))")
            }
            let holder = LockOwner(record: answers["held"] ?? "")
            let busy = answers["busy"] == "1"
            guard !busy, !retried, holder.isGone else { throw refusal(holder: holder, live: busy) }
            _ = try site.run(HostScript.breakLock(run: holder.run))
            retried = true
        }
    }

    private func start(_ owner: LockOwner) throws(MicsyncError) -> (HostSession, [String: String]) {
        switch site.hosts.session(HostScript.holdLock(record: owner, directory: site.remote.directory), on: site.remote)
        {
        case .success(let started): return started
        case .failure(let failure):
            throw .notFound("cannot lock \(site.location.heading): \(site.explain(failure))")
        }
    }

    private func refusal(holder: LockOwner, live: Bool) -> MicsyncError {
        LocationLock.refusal(
            site.location, holder: holder, file: StateFolder(site.location).path + "/" + LocationLock.name,
            unlockable: !live)
    }

    /// `micsync unlock`: removes a lock that no live run holds (one left by a run on another machine that
    /// crashed, the user says); what was done, in words.
    func unlock() throws(MicsyncError) -> String {
        let heading = site.location.heading
        let answers = try site.run(HostScript.inspectLock)
        guard let record = answers["lock"] else { return "\(heading) is not locked; nothing to do" }
        let owner = LockOwner(record: record)
        guard answers["busy"] != "1", !owner.isAliveHere else {
            throw MicsyncError(
                .refused, "\(heading) is locked by a run that is still running (\(owner)); let it finish")
        }
        guard try site.run(HostScript.breakLock(run: owner.run))["unlocked"] == "1" else {
            throw .notFound("cannot unlock \(heading): its lock could not be removed")
        }
        return "unlocked \(heading) (it was held by \(owner))"
    }
}
