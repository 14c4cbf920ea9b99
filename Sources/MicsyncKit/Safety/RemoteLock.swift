import Foundation

/// One run per location on another host: `mkdir .micsync/lock.d` there (atomic on every filesystem), with
/// an owner record (this host, pid, start time, run id). Two laptops backing up to one NAS never write at
/// once. A lock is stale only when it names this host and a pid that is gone; any other is broken only by
/// `micsync unlock LOCATION`, after its owner is checked.
struct RemoteLock {
    let site: RemoteDirectory

    func acquire() throws(MicsyncError) -> LocationLock {
        let run = UUID().uuidString.lowercased()
        let started = ISO8601DateFormatter().string(from: Date())
        let owner = "host=\(LocationLock.hostName) pid=\(getpid()) started=\(started) run=\(run)"
        var answers = try site.run(HostScript.lock(owner: owner))
        if let held = answers["held"], Self.isStale(held) {
            _ = try site.run(HostScript.breakLock)
            answers = try site.run(HostScript.lock(owner: owner))
        }
        site.hosts.facts.forget(site.location)
        if let error = answers["error"] { throw .notFound("cannot lock \(site.location.heading): \(error)") }
        guard answers["locked"] == "1" else {
            throw MicsyncError(
                .refused,
                "\(site.location.heading) is being written by another micsync run (\(Self.holder(answers["held"]))); "
                    + "try again when it has finished. Nothing was changed. If no run writes there any more: "
                    + "micsync unlock \(RsyncInvocation.shellQuoted(site.location.path))")
        }
        let (hosts, remote) = (site.hosts, site.remote)
        let release = HostScript.script(HostScript.unlock(run: run), directory: remote.directory)
        hosts.hold(run: run) { _ = hosts.run(release, on: remote) }
        return LocationLock { hosts.release(run: run) }
    }

    /// `micsync unlock`: removes a lock that no live run of this machine holds (one left by a run on another
    /// machine that crashed, the user says); what was done, in words.
    func unlock() throws(MicsyncError) -> String {
        let heading = site.location.heading
        guard case .success(let facts) = site.answers(fresh: true) else {
            throw .notFound("cannot unlock \(heading): \(site.access(remembered: nil).reason)")
        }
        guard let owner = facts["lock"] else { return "\(heading) is not locked; nothing to do" }
        let fields = Self.fields(owner)
        if fields["host"] == LocationLock.hostName, let pid = fields["pid"].flatMap({ pid_t($0) }), pid > 0,
            kill(pid, 0) == 0 || errno != ESRCH
        {
            throw MicsyncError(
                .refused,
                "\(heading) is locked by a run of this machine that is still running (pid \(pid)); let it finish")
        }
        guard try site.run(HostScript.breakLock)["unlocked"] == "1" else {
            throw .notFound("cannot unlock \(heading): its lock could not be removed")
        }
        return "unlocked \(heading) (it was held by \(Self.holder(owner)))"
    }

    /// The owner record's fields, `host=… pid=… started=… run=…`.
    static func fields(_ owner: String) -> [String: String] {
        Dictionary(
            owner.split(separator: " ").compactMap { word in
                word.firstIndex(of: "=").map { (String(word[..<$0]), String(word[word.index(after: $0)...])) }
            }
        ) { first, _ in first }
    }

    /// Whether the owner is a run of this machine that is gone.
    static func isStale(_ owner: String) -> Bool {
        let fields = fields(owner)
        guard fields["host"] == LocationLock.hostName, let pid = fields["pid"].flatMap({ pid_t($0) }), pid > 0 else {
            return false
        }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// `host laptop, pid 4242, since 2026-12-05T00:10:00Z`.
    static func holder(_ owner: String?) -> String {
        let fields = fields(owner ?? "")
        guard let host = fields["host"], let pid = fields["pid"] else { return "holder unknown" }
        return "host \(host), pid \(pid)" + (fields["started"].map { ", since \($0)" } ?? "")
    }
}
