import ArgumentParser
import MicsyncKit

/// `--xattrs` and `--acls`: keep them in this run, as `"xattrs": true` and `"acls": true` in the configuration
/// do for every run (off by default: reading them costs every run about 2.5 times as long).
public struct ExtendedMetadataOptions: ParsableArguments, Sendable {
    @Flag(help: "Keep extended attributes (also \"xattrs\": true in the configuration).")
    public var xattrs = false

    @Flag(help: "Keep ACLs (also \"acls\": true in the configuration).")
    public var acls = false

    public init() {}

    public var wanted: ExtendedMetadata { ExtendedMetadata(xattrs: xattrs, acls: acls) }
}
