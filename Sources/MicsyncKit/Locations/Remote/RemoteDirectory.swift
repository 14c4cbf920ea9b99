import Foundation

/// A location that is a directory on another host, reached over ssh: every fact comes from the host in one
/// round trip (`HostScript.facts`), every write of micsync's own (marker, folders, lock) is a script run
/// there. An unreachable host is an unplugged disc.
struct RemoteDirectory: LocationSite {
    let location: Location
    let remote: RemotePath
    let hosts: RemoteHosts

    /// The host's answers; the run's earlier ones unless `fresh` (a check right before writing).
    func answers(fresh: Bool = false) -> Result<[String: String], RemoteFailure> {
        hosts.facts.answers(for: location, fresh: fresh) {
            hosts.run(HostScript.script(HostScript.facts, directory: remote.directory), on: remote)
                .flatMap { output in
                    HostScript.answers(output).map { .success($0) }
                        ?? .failure(.failed("its answer was cut short or garbled"))
                }
        }
    }

    func access(remembered: String?) -> LocationAccess {
        let facts: [String: String]
        switch answers() {
        case .success(let answers): facts = answers
        case .failure(.unreachable(let reason)): return .unreachable(host: remote.destination, reason: reason)
        case .failure(let failure): return .hostTrouble(host: remote.destination, reason: explain(failure))
        }
        guard facts["exists"] == "1" else {
            guard remembered == nil, facts["parent"] == "1" else { return .missing }
            return landing()?.absentDisc.map { .discMissing($0) } ?? .new
        }
        if let unsafe = facts["unsafe"] {
            return .unsafeStateFolder(
                "\(location.path)/\(DisplayName.readable(unsafe)); micsync does not use this location until it is "
                    + "removed")
        }
        guard let remembered else { return .accessible }
        guard let marker = nonEmpty(facts["marker"]) else { return .markerMissing }
        return marker == remembered ? .accessible : .otherMarker
    }

    func landing() -> LandingPlace? {
        guard case .success(let facts) = answers() else { return nil }
        return LandingPlace.remote(facts, parent: (remote.directory as NSString).deletingLastPathComponent)
    }

    func markerID() -> String? {
        guard case .success(let facts) = answers() else { return nil }
        return nonEmpty(facts["marker"])
    }

    func writeMarker() throws(MicsyncError) -> String {
        let id = UUID().uuidString.lowercased()
        try perform(HostScript.writeMarker(id), doing: "write the micsync marker")
        return id
    }

    func create() throws(MicsyncError) {
        try perform(HostScript.create, doing: "create the folder")
    }

    func prepareForWriting(trash: Bool) throws(MicsyncError) {
        try perform(HostScript.prepare(trash: trash), doing: "prepare micsync's folder")
    }

    func lock(fallbackFolder: String) throws(MicsyncError) -> LocationLock {
        try RemoteLock(site: self).acquire()
    }

    /// From the host's filesystem type: what it is known to lack (FAT's names and 2 s times).
    func unlock() throws(MicsyncError) -> String { try RemoteLock(site: self).unlock() }

    /// Asked of the host by number, so that no name has to come back through a line.
    func missing(_ relativePaths: [String]) -> [String]? {
        guard let output = try? output(of: HostScript.missing(relativePaths)) else { return nil }
        let numbers = Set(HostScript.values(output, "missing").compactMap { Int($0) })
        return relativePaths.enumerated().filter { numbers.contains($0.offset) }.map(\.element)
    }

    func trashTimestamps() -> [String] {
        guard let output = try? output(of: HostScript.trashTimestamps) else { return [] }
        return HostScript.values(output, "trash").filter(Trash.isTimestamp).sorted()
    }

    func trashFiles(_ timestamp: String) -> [TrashFile] {
        guard Trash.isTimestamp(timestamp), let output = try? output(of: HostScript.trashFiles(timestamp)) else {
            return []
        }
        return HostScript.values(output, "file").compactMap { line in
            guard let space = line.firstIndex(of: " "), let size = Int64(line[..<space]) else { return nil }
            return TrashFile(path: Array(line[line.index(after: space)...].utf8), size: size)
        }
    }

    func purgeTrash(_ timestamps: [String]) throws(MicsyncError) {
        try perform(HostScript.purgeTrash(timestamps.filter(Trash.isTimestamp)), doing: "purge the trash")
    }

    func profile(probe: FilesystemProbe) -> FilesystemProfile {
        guard case .success(let facts) = answers(), let type = nonEmpty(facts["fstype"]) else {
            return .unrestricted(type: "unknown")
        }
        return .unrestricted(type: DisplayName.readable(type))
    }

    func freeBytes() -> Int64? {
        guard case .success(let facts) = answers(), let free = facts["free"].flatMap({ Int64($0) }) else { return nil }
        return free * 1024
    }

    func check() -> LocationCheck? {
        guard case .success(let facts) = answers(fresh: true), facts["exists"] == "1" else { return nil }
        let numbers = (facts["inode"] ?? "").split(separator: ":").compactMap { UInt64($0) }
        return LocationCheck(
            device: numbers.first ?? 0, inode: numbers.count > 1 ? numbers[1] : 0, marker: nonEmpty(facts["marker"]))
    }

    func stateProblem() -> String? {
        guard case .success(let facts) = answers(), let unsafe = facts["unsafe"] else { return nil }
        return "\(location.heading): \(location.path)/\(DisplayName.readable(unsafe)); micsync does not use this "
            + "location until it is removed"
    }

    /// Its host's machine id with the directory's device and inode there: the same for every host name that
    /// reaches it, and for a directory of this machine reached over ssh.
    func place() -> String? {
        guard case .success(let facts) = answers(), facts["exists"] == "1", let machine = nonEmpty(facts["machine"]),
            let inode = nonEmpty(facts["inode"])
        else { return nil }
        return "\(machine) \(inode)"
    }

    /// The host's rsync version, `[3, 2, 7]`; nil when it has none (or did not say).
    func rsyncVersion() -> [Int]? {
        guard case .success(let facts) = answers() else { return nil }
        return facts["rsync"].flatMap(Rsync.parseVersion)
    }

    /// Runs one of micsync's writes on the host; throws with its reason when it did not say `ok=1`.
    func perform(_ body: String, doing what: String) throws(MicsyncError) {
        defer { hosts.facts.forget(location) }
        let answers = try run(body)
        guard answers["ok"] == "1" else {
            throw .notFound(
                "cannot \(what) in \(location.heading): \(DisplayName.readable(answers["error"] ?? "no answer"))")
        }
    }

    /// `body` run on the host in the location's directory; its answers, or why there were none.
    func run(_ body: String) throws(MicsyncError) -> [String: String] {
        guard let answers = HostScript.answers(try output(of: body)) else {
            throw .notFound("\(location.heading): the host's answer was cut short or garbled")
        }
        return answers
    }

    /// What `body`, run on the host in the location's directory, printed.
    private func output(of body: String) throws(MicsyncError) -> String {
        switch hosts.run(HostScript.script(body, directory: remote.directory), on: remote) {
        case .success(let output): return output
        case .failure(let failure): throw .notFound("\(location.heading): \(explain(failure))")
        }
    }

    /// Why the host gave no answer, in words, whatever it said escaped.
    func explain(_ failure: RemoteFailure) -> String {
        let host = remote.destination
        return switch failure {
        case .unreachable(let reason): "cannot reach \(host): \(reason)"
        case .tooMuch: "\(host) answered too much (more than \(HostCommand.answerLimit >> 20) MiB)"
        case .failed(let errors): "a command on \(host) failed: \(RemoteHosts.lastLine(errors, status: 1))"
        }
    }

    private func nonEmpty(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
}
