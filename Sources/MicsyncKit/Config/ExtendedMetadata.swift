/// Extended attributes and ACLs: kept only where asked for (`"xattrs": true`, `"acls": true` in a
/// configuration, `--xattrs`/`--acls` on a run), as rsync's own `-a` leaves them out: reading them for every
/// file on both sides makes even a run with nothing to do about 2.5 times slower, whether or not any file
/// has one.
public struct ExtendedMetadata: Sendable, Equatable {
    public var xattrs = false
    public var acls = false

    public init(xattrs: Bool = false, acls: Bool = false) {
        self.xattrs = xattrs
        self.acls = acls
    }

    /// What either asks for.
    public func union(_ other: ExtendedMetadata) -> ExtendedMetadata {
        ExtendedMetadata(xattrs: xattrs || other.xattrs, acls: acls || other.acls)
    }

    /// `keeps xattrs, ACLs`, `keeps xattrs`, or `no xattrs or ACLs`: what `status` and `config show` say.
    public var summary: String {
        switch (xattrs, acls) {
        case (true, true): "keeps xattrs and ACLs"
        case (true, false): "keeps xattrs, not ACLs"
        case (false, true): "keeps ACLs, not xattrs"
        case (false, false): "no xattrs or ACLs kept"
        }
    }
}
