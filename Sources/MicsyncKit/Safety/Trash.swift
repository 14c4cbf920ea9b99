import Foundation

/// Where a run keeps what it overwrites or deletes at a destination: `DEST/.micsync/trash/<UTC timestamp>/`,
/// with each file at its path relative to the location root (rsync `--backup --backup-dir`). Only folders
/// named like a timestamp are trash; the trash is read and purged only through real folders of the
/// location's own filesystem.
public enum Trash {
    /// The folder holding every trash entry of `location`.
    public static func root(of location: Location) -> String {
        location.path + "/" + RsyncInvocation.stateFolder + "/trash"
    }

    /// `20261124T213005Z`: sortable, and valid on FAT and exFAT discs (no colons).
    public static func timestamp(_ date: Date) -> String { formatter().string(from: date) }

    /// The time a trash folder was made, from its name (a `-2` suffix of a second run in the same second aside).
    public static func date(of timestamp: String) -> Date? {
        formatter().date(from: String(timestamp.prefix(16)))
    }

    /// Whether `name` is one micsync gives a trash folder: `20261124T213005Z`, maybe with `-2`, `-3`….
    public static func isTimestamp(_ name: String) -> Bool {
        name.wholeMatch(of: /[0-9]{8}T[0-9]{6}Z(-[0-9]+)?/) != nil && date(of: name) != nil
    }

    /// The trash folders of `location` by name, oldest first: only timestamp-named real folders, and none
    /// when `.micsync` or its trash is not a real folder.
    public static func timestamps(in location: Location) -> [String] {
        guard StateFolder(location).problem() == nil else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root(of: location))) ?? []
        return names.filter { name in
            var info = stat()
            return isTimestamp(name) && lstat(root(of: location) + "/" + name, &info) == 0
                && info.st_mode & S_IFMT == S_IFDIR
        }.sorted()
    }

    /// The trash folder `timestamp` of `location` as a source to restore from (on the location's host when
    /// it is remote), checked by its site to be a real folder reached through real folders; the refusal
    /// otherwise.
    public static func source(_ timestamp: String, in location: Location, locations: LocationBook)
        throws(MicsyncError) -> Location
    {
        if let problem = locations.stateProblem(location) { throw .notFound(problem) }
        guard isTimestamp(timestamp), locations.trashTimestamps(location).contains(timestamp) else {
            throw .notFound("no trash \(timestamp) in \(location.heading)")
        }
        return Location(role: location.role, index: location.index, path: root(of: location) + "/" + timestamp)
    }

    /// Deletes the trash folders `timestamps` of `location`, never following a symlink nor leaving the
    /// location's filesystem.
    public static func purge(_ timestamps: [String], in location: Location) throws(MicsyncError) {
        try StateFolder(location).check()
        guard let check = LocalDirectory(location: location).check() else {
            throw .notFound("\(location.heading) is not accessible")
        }
        let top = open(location.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { throw .io("cannot open \(location.path): \(String(cString: strerror(errno)))") }
        defer { close(top) }
        let state = try StateFolder.openDirectory(
            StateFolder.name, in: top, creating: false,
            describe: location.path + "/" + StateFolder.name)
        defer { close(state) }
        let trash = try StateFolder.openDirectory("trash", in: state, creating: false, describe: root(of: location))
        defer { close(trash) }
        for timestamp in timestamps where isTimestamp(timestamp) {
            try SafeRemoval.remove(
                Array(timestamp.utf8CString.dropLast()), in: trash, device: check.device,
                describe: root(of: location) + "/" + timestamp)
        }
    }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }

    /// The trash folder of a run starting at `date`, relative to `location` (rsync reads a relative
    /// `--backup-dir` from the destination, and checks fewer path components per file than for an absolute
    /// one): `.micsync/trash/<timestamp>`, with a `-2`, `-3`… that no earlier run at `location` has used.
    public static func folder(in location: Location, at date: Date) -> String {
        let base = RsyncInvocation.stateFolder + "/trash/" + timestamp(date)
        var candidate = base
        var number = 1
        while FileSystem.exists(location.path + "/" + candidate) {
            number += 1
            candidate = base + "-\(number)"
        }
        return candidate
    }
}
