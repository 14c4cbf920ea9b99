import Foundation

/// Where a location's directory lives and how micsync reaches it: every fact and write that depends on the
/// kind of place. `LocationBook` asks only this, so a directory on another host (over ssh) is one more
/// conforming type, chosen in `LocationBook.site`, and no caller branches on the kind.
protocol LocationSite: EntryQuestions {
    /// Whether it can be used now and why not, given the id remembered for it (nil: never written there).
    func access(remembered: String?) -> LocationAccess
    /// The id of its marker, `.micsync/id`; nil when it has none.
    func markerID() -> String?
    /// Makes its directory (its parent must exist: never a whole path), for a new location.
    func create() throws(MicsyncError)
    /// Where a new location would be made (the filesystem of its parent); nil when it cannot tell.
    func landing() -> LandingPlace?
    /// Leaves a new random marker and returns its id.
    func writeMarker() throws(MicsyncError) -> String
    /// Its micsync folders checked and made, ready for rsync to write there (the trash root with `trash`).
    func prepareForWriting(trash: Bool) throws(MicsyncError)
    /// Its lock, held until released; `fallbackFolder` keeps it where the location itself cannot be written.
    func lock(fallbackFolder: String) throws(MicsyncError) -> LocationLock
    /// What its filesystem can hold.
    func profile(probe: FilesystemProbe) -> FilesystemProfile
    /// The bytes free there.
    func freeBytes() -> Int64?
    /// Its directory now (device, inode, marker), asked afresh; nil when it is not there.
    func check() -> LocationCheck?
    /// Why micsync must not write there (a symlink where its folders belong); nil when it may.
    func stateProblem() -> String?
    /// Where its directory really is, the same for every path and host name that reaches it (the machine id,
    /// the device and the inode); nil when it cannot tell.
    func place() -> String?
    /// Removes a lock left behind that no live run holds; what was done, in words.
    func unlock() throws(MicsyncError) -> String
    /// Those of `relativePaths` that are not there (a dangling symlink is there); nil when it cannot tell (a
    /// host that does not answer).
    func missing(_ relativePaths: [String]) -> [String]?
    /// Its trash folders by name, oldest first: only real, timestamp-named folders.
    func trashTimestamps() -> [String]
    /// Every file of its trash folder `timestamp`: the path relative to it and the size.
    func trashFiles(_ timestamp: String) -> [TrashFile]
    /// Deletes its trash folders `timestamps`, never following a symlink nor leaving its filesystem.
    func purgeTrash(_ timestamps: [String]) throws(MicsyncError)
}

/// One file kept in a trash folder.
public struct TrashFile: Sendable {
    /// Relative to the trash folder, as raw bytes.
    public let path: [UInt8]
    public let size: Int64
}

/// A location that is a directory of this machine.
struct LocalDirectory: LocationSite {
    let location: Location

    /// One `stat` of the directory, its micsync folders and, once micsync has written there, its marker.
    func access(remembered: String?) -> LocationAccess {
        var info = stat()
        guard stat(location.path, &info) == 0 else {
            guard remembered == nil, FileSystem.isDirectory(parent) else { return .missing }
            return landing()?.absentDisc.map { .discMissing($0) } ?? .new
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return .notDirectory }
        if let problem = StateFolder(location).problem(device: UInt64(info.st_dev)) {
            return .unsafeStateFolder(String(problem.dropFirst(location.heading.count + 2)))
        }
        guard let remembered else { return .accessible }
        guard let marker = markerID() else { return .markerMissing }
        return marker == remembered ? .accessible : .otherMarker
    }

    func markerID() -> String? { LocationMarker(location).id }

    private var parent: String { (location.path as NSString).deletingLastPathComponent }

    func landing() -> LandingPlace? { LandingPlace.local(parent: parent) }

    func writeMarker() throws(MicsyncError) -> String { try LocationMarker(location).write() }

    func create() throws(MicsyncError) {
        guard mkdir(location.path, 0o755) == 0 else {
            throw .notFound("cannot create \(location.heading): \(String(cString: strerror(errno)))")
        }
    }

    func prepareForWriting(trash: Bool) throws(MicsyncError) { try StateFolder(location).prepare(trash: trash) }

    func lock(fallbackFolder: String) throws(MicsyncError) -> LocationLock {
        try LocationLock.acquire(location, fallbackFolder: fallbackFolder)
    }

    func profile(probe: FilesystemProbe) -> FilesystemProfile { probe.profile(of: location) }

    func freeBytes() -> Int64? { FileSystem.freeSpace(location.path) }

    func check() -> LocationCheck? {
        var info = stat()
        guard stat(location.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return LocationCheck(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), marker: LocationMarker(location).id)
    }

    func stateProblem() -> String? { StateFolder(location).problem() }

    func place() -> String? {
        var info = stat()
        guard let machine = ProcessIdentity.current.machine, stat(location.path, &info) == 0 else { return nil }
        return "\(machine) \(info.st_dev):\(info.st_ino)"
    }

    func missing(_ relativePaths: [String]) -> [String]? {
        relativePaths.filter { !FileSystem.exists(location.path + "/" + $0) }
    }

    func trashTimestamps() -> [String] { Trash.timestamps(in: location) }

    func trashFiles(_ timestamp: String) -> [TrashFile] {
        var files: [TrashFile] = []
        FileSystem.forEachFile(under: RawPath.bytes(Trash.root(of: location) + "/" + timestamp)) {
            files.append(TrashFile(path: $0, size: $1))
        }
        return files
    }

    func purgeTrash(_ timestamps: [String]) throws(MicsyncError) { try Trash.purge(timestamps, in: location) }

    func unlock() throws(MicsyncError) -> String { try LocationLock.unlock(location) }
}
