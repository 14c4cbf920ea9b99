import Foundation

/// Whether a location can be used now, and why not: the one answer every action, `status`, `diff` and
/// `trash` ask for. An external disc may be unplugged while its mount point stays, so a directory that
/// exists is not enough once micsync has written there: its marker must be there too.
public enum LocationAccess: Equatable, Sendable {
    case accessible
    /// Missing, never written to, and its parent exists: a location to create (`mkdir`, `--create`).
    case new
    /// Missing, and micsync wrote there before (or its parent is missing too, or it is no destination):
    /// an unplugged disc.
    case missing
    /// Missing, never written to, and its parent looks like the mount point of a disc that is not there
    /// (`LandingPlace`): never created there. The text says why.
    case discMissing(String)
    case notDirectory
    /// The directory exists but lacks the marker micsync left there: a bare mount point.
    case markerMissing
    /// The directory carries another location's marker: another disc mounted at the same place.
    case otherMarker
    /// `.micsync` (or a folder micsync keeps in it) is a symlink or a file: refused, never followed. The
    /// state folder's own line says which.
    case unsafeStateFolder(String)
    /// micsync's list of known locations cannot be read: whether this is the disc it knows is unknown.
    case identityUnknown(String)
    /// On another host that ssh cannot reach now (refused, unknown host or host key, no answer,
    /// authentication): as unplugged as a disc that is not there.
    case unreachable(host: String, reason: String)
    /// On another host that answers amiss (too much, or a failing command): `reason` says how.
    case hostTrouble(host: String, reason: String)

    public var isAccessible: Bool { self == .accessible }

    /// Why the location cannot be used, after its heading: `BACKUP /media/disc: not mounted? (…)`.
    public var reason: String {
        switch self {
        case .accessible: "accessible"
        case .new: "does not exist yet"
        case .missing: "not mounted? (the folder is missing)"
        case .discMissing(let why): why
        case .notDirectory: "not a folder"
        case .markerMissing: "not mounted? (its micsync marker is missing)"
        case .otherMarker: "another disc? (its micsync marker is not the one micsync left there)"
        case .unsafeStateFolder(let problem): problem
        case .identityUnknown(let problem): problem
        case .unreachable(let host, let reason): "cannot reach \(host): \(reason)"
        case .hostTrouble(_, let reason): reason
        }
    }

    /// What the user can do about it, or nil when there is nothing to say.
    public func hint(for location: Location) -> String? {
        let quoted = RsyncInvocation.shellQuoted(location.path)
        let mkdir = "mkdir " + RsyncInvocation.shellQuoted(location.directory)
        return switch self {
        case .new: "create it with `\(location.remote?.sshLine(mkdir) ?? mkdir)`, or let a sync create it (--create)"
        case .discMissing:
            "plug the disc in, or create the folder yourself (`\(location.remote?.sshLine(mkdir) ?? mkdir)`) if this is "
                + "meant"
        case .markerMissing, .otherMarker:
            "if this is the right disc (reformatted, or copied by hand): micsync adopt \(quoted)"
        case .unreachable(let host, let reason): SshHint.hint(reason, host: host)
        case .hostTrouble(let host, _):
            "look at what \(host) runs for micsync's ssh (its shell's startup files, a forced command in its "
                + "authorized_keys)"
        default: nil
        }
    }

    /// `note: skipping BACKUP /media/disc: not mounted? (its micsync marker is missing)`.
    public func note(for location: Location) -> String {
        "note: skipping \(location.heading): \(reason)" + (hint(for: location).map { "; " + $0 } ?? "")
    }
}

extension Location {
    /// Whether the location can be used now, and why not: its site's answer, given the id remembered for it.
    func access(known: KnownLocations, site: any LocationSite) -> LocationAccess {
        do throws(MicsyncError) {
            return site.access(remembered: try known.id(of: self))
        } catch {
            return .identityUnknown(error.message)
        }
    }

    /// Called right before a run first writes here: leaves the marker (or keeps the one there) and remembers
    /// it, so that an unplugged disc's bare mount point is never taken for this location.
    func claim(known: KnownLocations, site: any LocationSite) throws(MicsyncError) {
        try known.check()
        let id: String
        if let existing = site.markerID() { id = existing } else { id = try site.writeMarker() }
        try known.remember(id, for: self)
    }

    /// `micsync adopt`: takes the location as it is now as the one micsync knows, with a new marker.
    func adopt(known: KnownLocations, site: any LocationSite) throws(MicsyncError) {
        try known.check()
        try known.remember(try site.writeMarker(), for: self)
    }
}
