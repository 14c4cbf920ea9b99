import Foundation

/// The rsync command lines of one run, source → one destination: the planning dry run and one apply pass
/// per kind of change, each unable to do more than its kind. Only the deletion pass ever carries a
/// `--delete` option.
struct RsyncInvocation: Sendable {
    /// Where micsync keeps its own things inside a destination: never synced, planned or listed.
    static let stateFolder = StateFolder.name

    /// The apply passes, in the order they run.
    enum Pass: String, Sendable, CaseIterable {
        /// New items, created only where the destination still has nothing (`--ignore-existing`).
        case create
        /// Approved type changes: an item of another type replaces what is there (`--force`), with all it
        /// holds; never a deletion of what the source lost meanwhile (`--ignore-missing-args`).
        case replace
        /// Approved overwrites, and attribute-only updates, as `replace` does them.
        case update
        /// Approved deletions, of listed items still absent from the source; nothing is copied.
        case delete
        /// The location root's own attributes (permissions, times), once the others have added or removed
        /// what changes them: nothing below the root.
        case root
    }

    let source: Location
    let scope: Scope
    var filters: [String]
    let deleting: Bool
    /// Added to the dry run by read-only comparisons (diff, status --changes): e.g. `--checksum`.
    var planOptions: [String] = []
    /// Whether the destination root's own attributes follow the source root's, as `rsync -a` has them: not
    /// when the source stands in for the location (a trash folder, `restore`'s empty folder).
    var syncsRoot = true
    /// Added to the apply passes: `--info=progress2` while a progress line is shown.
    var applyOptions: [String] = []
    /// Added to every pass: the action's own rsync options (`SyncAction.rsyncOptions`).
    var actionOptions: [String] = []
    /// What the filesystems at both ends can hold, from the location probe: every pass gets the options
    /// that follow from it (see `filesystemOptions(to:)`).
    var filesystems = RunFilesystems()
    /// For a destination when it or the source is on another host (`LocationBook.rsyncTransports`).
    var transports: [Location: RsyncTransport] = [:]

    init(source: Location, scope: Scope, actionFilters: [String], deleting: Bool, stateDirectory: String) {
        self.source = source
        self.scope = scope
        self.deleting = deleting
        self.filters =
            Self.boundary(of: scope.configuration, stateDirectory: stateDirectory)
            + scope.configuration.exclude.map { "--exclude=\($0)" } + actionFilters
    }

    /// A run's or a comparison's, from `source` to `destinations` over `scope`, as `locations` know them:
    /// micsync's own folders left out (its state folder is the book's), what each filesystem can hold
    /// (probed where `probing`), and how rsync reaches each host. Every sync and comparison is set up here.
    init(
        source: Location, destinations: [Location], scope: Scope, actionFilters: [String], deleting: Bool,
        locations: LocationBook, keeping extra: ExtendedMetadata = ExtendedMetadata(), probing: Bool
    ) {
        self.init(
            source: source, scope: scope, actionFilters: actionFilters, deleting: deleting,
            stateDirectory: locations.state.path)
        filesystems = .probe(source: source, destinations: destinations, locations: locations, probing: probing)
        filesystems.keeping = scope.configuration.extendedMetadata.union(extra)
        transports = locations.rsyncTransports(source: source, destinations: destinations)
    }

    /// micsync's own folders, first in every filter list, so that no later rule can bring them back (rsync
    /// takes the first rule that matches; `!`, which clears a list, is refused by `ExcludeRule`): every
    /// `.micsync` at any depth, the location's own and that of any location nested in it (another
    /// configuration's, another machine's), never copied, deleted, planned, compared or listed; and the state
    /// folder (journal, locks) where a location of the configuration holds it (WORKING = `$HOME`). The folders
    /// above the state folder are protected from deletion: they cannot go while it is in them, and a run that
    /// planned their deletion every time would never converge.
    static func boundary(of configuration: Configuration, stateDirectory: String) -> [String] {
        var state = Set<String>()
        for location in configuration.locations {
            guard let relative = location.relativePath(of: stateDirectory), !relative.isEmpty else { continue }
            let components = relative.split(separator: "/")
            state.insert("--exclude=/\(relative)/")
            for depth in 1..<components.count {
                state.insert("--filter=P /" + components.prefix(depth).joined(separator: "/") + "/")
            }
        }
        return ["--exclude=\(Self.stateFolder)"] + state.sorted()
    }

    /// What every pass to `destination` copies alike: archive mode and what both filesystems can keep.
    private func copying(to destination: Location) -> [String] {
        ["-a"] + filesystemOptions(to: destination) + (transports[destination]?.options ?? [])
    }

    /// The command that runs rsync on the host holding both ends; nil when rsync runs here.
    func hostCommand(to destination: Location) -> [String]? { transports[destination]?.hostCommand }

    /// `pathInside` of `location` as the rsync that copies to `destination` names it: the host's own path
    /// when rsync runs on that host.
    private func name(_ location: Location, _ pathInside: String, to destination: Location) -> String {
        hostCommand(to: destination) == nil ? location.rsyncName(pathInside) : pathInside
    }

    /// `destination` as rsync names it. rsync creates a missing destination directory, which must never
    /// happen to a disc unmounted on another host: a pass that writes there names it through its
    /// `.micsync/..` (made and checked by the run right before), so that rsync fails instead.
    private func target(_ destination: Location, writing: Bool) -> String {
        guard destination.remote != nil else { return destination.path + "/" }
        return name(destination, destination.directory + (writing ? "/\(Self.stateFolder)/../" : "/"), to: destination)
    }

    /// The options that depend on what the source's and the destination's filesystems can hold: no
    /// permissions where they are not kept, `--modify-window=1` for FAT's 2 s times, hard links, sparse
    /// files, extended attributes and ACLs where both sides hold them.
    func filesystemOptions(to destination: Location) -> [String] {
        filesystems.options(to: destination)
    }

    /// One dry run over the scope, or over one part of it (`ScopeParts`), that itemizes everything a real
    /// run would do. rsync recurses incrementally, so that its memory stays small at any tree size. `--force`
    /// makes a folder that a file would replace show up, so that it is planned as the change it is; `--stats`
    /// counts the scope's files at both ends for the delete guard, on the walk rsync makes anyway. The
    /// scope's paths are `SOURCE/./RELATIVE`, so that `--relative` keeps the part after `/./` and several
    /// paths go in one call.
    func plan(to destination: Location, part: ScopeParts.Part = .whole) -> [String] {
        let (partOptions, relativePaths): ([String], [String]) =
            switch part {
            case .whole: ([], scope.relativePaths)
            case .root: (["--no-recursive", "--dirs"], [""])
            case .folders(let names): (["--ignore-missing-args"], names.map(RawPath.string))
            }
        return copying(to: destination) + ["--relative", "--dry-run", "--force", "--stats"] + partOptions
            + ItemizedChange.outputFormat
            + (deleting ? ["--delete"] : []) + planOptions + actionOptions + filters(to: destination)
            + relativePaths.map { name(source, source.directory + "/./" + $0, to: destination) }
            + [target(destination, writing: false)]
    }

    /// The pass of one kind over exactly the paths listed (NUL-separated) in `listFile`, without walking
    /// the tree again; `wholeFolders`: the creating pass's listed folders are created with all they hold
    /// (`Decision.written(_:wholeFolders:)`).
    func apply(
        _ pass: Pass, to destination: Location, listFile: String, trash: String?, wholeFolders: Bool = false
    ) -> [String] {
        let files = ["--from0", "--files-from=\(listFile)"]
        let (source, target) = (
            name(source, source.directory + "/", to: destination), target(destination, writing: true)
        )
        let kind: [String]
        switch pass {
        case .create: kind = ["--ignore-existing", "--ignore-missing-args"] + (wholeFolders ? ["--recursive"] : [])
        case .replace, .update: kind = ["--ignore-missing-args", "--force"]
        case .delete: kind = ["--existing", "--ignore-existing", "--delete-missing-args", "--force"]
        case .root:
            // The root is listed as `.`: with every entry of it left out, nothing but the root itself changes.
            return copying(to: destination) + ItemizedChange.outputFormat + files + ["--exclude=/*"] + actionOptions
                + [source, target]
        }
        // Creating never replaces anything (`--ignore-existing`): nothing for the trash, whose option alone
        // costs rsync a look per file.
        return copying(to: destination) + ItemizedChange.outputFormat + files + kind
            + writing(to: destination, trash: pass == .create ? nil : trash) + applyOptions + actionOptions
            + filters(to: destination) + [source, target]
    }

    /// The filter rules, for a destination that rsync reaches through ssh also given to the receiver there:
    /// rsync hands them over only with `--delete`, and a receiver that does not know them makes no exception
    /// for what they keep when it deletes a folder (a missing argument's folder, a folder a file replaces:
    /// `--force`). An rsync that runs on the host has them itself.
    private func filters(to destination: Location) -> [String] {
        let overSsh = destination.remote != nil && hostCommand(to: destination) == nil
        return filters + (overSsh ? filters.map { "--remote-option=" + $0 } : [])
    }

    /// What every pass that writes adds: an interrupted file waits in `.micsync/partial`, rsync's
    /// temporary files in `.micsync/tmp` (never among the user's files, even after `kill -9`); what is
    /// overwritten or deleted goes to `trash` (`.micsync/trash/…`, relative to the destination) when given.
    /// The temporary folder is spelled relative to the destination, where rsync's receiver works: rsync opens
    /// it component by component several times per file, so a path from `/` costs it twice as much.
    private func writing(to destination: Location, trash: String?) -> [String] {
        ["--partial-dir=\(StateFolder(destination).partial)", "--temp-dir=\(StateFolder.temporaryInLocation)"]
            + (trash.map { ["--backup", "--backup-dir=\($0)"] } ?? [])
    }

    /// `rsync ARGS…` as one line that can be pasted into a shell.
    static func commandLine(_ executable: String, _ arguments: [String]) -> String {
        ([executable] + arguments).map(shellQuoted).joined(separator: " ")
    }

    /// The command to `destination` as one line that can be pasted: run on the host through ssh when rsync
    /// runs there. A pass's temporary list file is gone once the run ends, so its `list` is handed to rsync
    /// on stdin instead (`printf '%s\0' a b | rsync … --files-from=- …`).
    func pasteableLine(
        _ executable: String, _ arguments: [String], listing list: PathList? = nil, to destination: Location
    ) -> String {
        let transport = transports[destination]
        let rsync = transport?.hostCommand == nil ? executable : "rsync"
        var line = Self.commandLine(rsync, arguments)
        if let list {
            let reading = arguments.map { $0.hasPrefix("--files-from=") ? "--files-from=-" : $0 }
            let names = list.map { Self.shellQuoted(RawPath.string($0.listedName)) }
            line = (["printf", "'%s\\0'"] + names).joined(separator: " ") + " | " + Self.commandLine(rsync, reading)
        }
        return transport?.pasteable(line) ?? line
    }

    static func shellQuoted(_ word: String) -> String {
        let bytes = RawPath.bytes(word)
        if String(validating: bytes, as: UTF8.self) == nil {
            // Bytes that are not UTF-8 can only be typed as $'\xNN'.
            return "$'"
                + bytes.map { byte in
                    (0x20..<0x7F).contains(byte) && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "\\")
                        ? String(UnicodeScalar(byte)) : "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                }.joined() + "'"
        }
        let safe = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=/.,:+@%")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
