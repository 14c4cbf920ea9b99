/// What a probe finds by trying, inside a location's `.micsync/`, what its filesystem keeps.
struct FilesystemFacts: Codable, Equatable, Sendable {
    /// The filesystem type (`ext4`, `exfat`, `ntfs`, `vfat`…).
    var type: String
    var keepsPermissions = true
    /// Whether a file can be given another owner (only root's runs set owners at all).
    var keepsOwners = true
    var symlinks = true
    var hardLinks = true
    var caseSensitive = true
    /// Modification times kept to the second; false when an odd second comes back even (FAT keeps 2 s).
    var keepsOddSeconds = true
    /// Characters that could not be used in a name.
    var refusedCharacters = ""
    /// A name ending in a dot or a space could not be made as given.
    var refusesTrailingDotOrSpace = false
    var sparseFiles = true
    var extendedAttributes = true
    var accessControlLists = true

    init(type: String) {
        self.type = type
    }

    /// What a filesystem of `type` is known to keep, without trying it: FAT and exFAT keep no permissions,
    /// owners, links, sparse files, extended attributes or ACLs, and fold case; NTFS through its drivers keeps
    /// no permissions (without the `permissions` mount option). Others as a Linux filesystem.
    static func known(type: String) -> FilesystemFacts {
        var facts = FilesystemFacts(type: type)
        if FilesystemProfile.fatFamily.contains(type) {
            facts.keepsPermissions = false
            facts.keepsOwners = false
            facts.symlinks = false
            facts.hardLinks = false
            facts.caseSensitive = false
            facts.sparseFiles = false
            facts.extendedAttributes = false
            facts.accessControlLists = false
        } else if type == "ntfs" {
            facts.keepsPermissions = false
        }
        return facts
    }
}

/// What a filesystem can hold, decided from the probe's facts and what its type is known for: the limits
/// the plan checks and the rsync options that make a second run after a successful one do nothing.
public struct FilesystemProfile: Equatable, Sendable {
    public let type: String
    public let keepsPermissions: Bool
    let keepsOwners: Bool
    public let symlinks: Bool
    let hardLinks: Bool
    public let caseSensitive: Bool
    /// 2 for FAT's two-second timestamps, else 1.
    public let timeGranularity: Int
    /// Characters never stored in a name, sorted.
    public let refusedCharacters: [Character]
    let refusesTrailingDotOrSpace: Bool
    /// The largest file, in bytes; nil when there is no limit below the disc's size.
    public let largestFile: Int64?
    let sparseFiles: Bool
    let extendedAttributes: Bool
    let accessControlLists: Bool

    /// Windows' reserved characters, refused by FAT and exFAT whatever a driver lets through.
    static let windowsReserved = #""*/:<>?\|"#
    static let fatFamily: Set = ["vfat", "exfat", "msdos"]

    init(_ facts: FilesystemFacts) {
        let isFAT = Self.fatFamily.contains(facts.type)
        type = facts.type
        keepsPermissions = facts.keepsPermissions
        // Owners and groups go with permissions: where modes are not kept, neither are they.
        keepsOwners = facts.keepsOwners && facts.keepsPermissions
        symlinks = facts.symlinks
        hardLinks = facts.hardLinks
        caseSensitive = facts.caseSensitive
        timeGranularity = facts.keepsOddSeconds && facts.type != "vfat" ? 1 : 2
        refusedCharacters = Set(facts.refusedCharacters + (isFAT ? Self.windowsReserved : "")).subtracting(["/"])
            .sorted()
        refusesTrailingDotOrSpace = facts.refusesTrailingDotOrSpace || isFAT
        largestFile = facts.type == "vfat" || facts.type == "msdos" ? 4 * 1024 * 1024 * 1024 - 1 : nil
        sparseFiles = facts.sparseFiles
        extendedAttributes = facts.extendedAttributes
        accessControlLists = facts.accessControlLists && facts.keepsPermissions
    }

    /// A filesystem that keeps everything a Linux one does (when nothing could be probed).
    static func unrestricted(type: String) -> FilesystemProfile {
        FilesystemProfile(FilesystemFacts(type: type))
    }

    /// What a filesystem of `type` is known to keep (when it is not probed).
    static func known(type: String) -> FilesystemProfile {
        FilesystemProfile(FilesystemFacts.known(type: type))
    }

    /// Whether some file of a Linux tree may not be storable here, so the plan must look at every name.
    var hasLimits: Bool {
        !symlinks || !caseSensitive || !refusedCharacters.isEmpty || refusesTrailingDotOrSpace || largestFile != nil
    }

    /// `exfat, no symlinks, case-insensitive`: the type and what it cannot do, for status and config show.
    public var summary: String {
        var parts = [type]
        if !symlinks { parts.append("no symlinks") }
        if !caseSensitive { parts.append("case-insensitive") }
        if !keepsPermissions { parts.append("no permissions") }
        if timeGranularity > 1 { parts.append("\(timeGranularity) s timestamps") }
        if let largestFile { parts.append("files up to \(ByteCount.readable(largestFile + 1))") }
        return parts.joined(separator: ", ")
    }

    /// The rsync options for copying from a filesystem with `source`'s profile to one with this one,
    /// added after `-a`: nothing is synced that either side cannot keep, so nothing differs forever; xattrs
    /// and ACLs only where `wanted`.
    func rsyncOptions(from source: FilesystemProfile, keeping wanted: ExtendedMetadata) -> [String] {
        var options: [String] = []
        if !keepsPermissions || !source.keepsPermissions {
            options += ["--no-perms", "--no-owner", "--no-group"]
            // A source without permissions shows every file as executable: new files get ordinary modes.
            if !source.keepsPermissions { options.append("--chmod=F-x") }
        } else if !keepsOwners || !source.keepsOwners {
            options += ["--no-owner", "--no-group"]
        }
        if timeGranularity > 1 || source.timeGranularity > 1 { options.append("--modify-window=1") }
        if hardLinks && source.hardLinks { options.append("--hard-links") }
        if sparseFiles { options.append("--sparse") }
        if wanted.xattrs && extendedAttributes && source.extendedAttributes { options.append("--xattrs") }
        if wanted.acls && accessControlLists && source.accessControlLists { options.append("--acls") }
        return options
    }
}
