import Testing

@testable import MicsyncKit

/// The probe's decisions, fed with the facts a probe finds: FAT32 (vfat) cannot be mounted on these machines.
@Suite struct FilesystemProfileTests {
    /// What a probe finds on a vfat disc: no modes, owners, links; case-insensitive; odd seconds lost;
    /// Windows' reserved characters refused.
    static let vfat: FilesystemFacts = {
        var facts = FilesystemFacts(type: "vfat")
        facts.keepsPermissions = false
        facts.keepsOwners = false
        facts.symlinks = false
        facts.hardLinks = false
        facts.caseSensitive = false
        facts.keepsOddSeconds = false
        facts.refusedCharacters = #""*:<>?\|"#
        facts.sparseFiles = false
        facts.extendedAttributes = false
        facts.accessControlLists = false
        return facts
    }()

    @Test func vfatLimitsComeFromTheFactsAndTheType() {
        let profile = FilesystemProfile(Self.vfat)
        #expect(
            profile.summary
                == "vfat, no symlinks, case-insensitive, no permissions, 2 s timestamps, files up to 4.29 GB")
        #expect(profile.largestFile == 4 * 1024 * 1024 * 1024 - 1)
        #expect(profile.timeGranularity == 2)
        #expect(profile.refusesTrailingDotOrSpace)
        #expect(String(profile.refusedCharacters) == #""*:<>?\|"#)
        #expect(profile.hasLimits)
        // Known from the type even when a probe could not tell (a lenient driver, odd seconds kept).
        var lenient = FilesystemFacts(type: "vfat")
        lenient.keepsOddSeconds = true
        #expect(FilesystemProfile(lenient).timeGranularity == 2)
        #expect(FilesystemProfile(lenient).largestFile != nil)
        #expect(FilesystemProfile(lenient).refusedCharacters.contains(":"))
    }

    @Test func rsyncOptionsForAndFromVfat() {
        let vfat = FilesystemProfile(Self.vfat)
        let ext4 = FilesystemProfile.unrestricted(type: "ext4")
        let both = ExtendedMetadata(xattrs: true, acls: true)
        let toDisc = vfat.rsyncOptions(from: ext4, keeping: both)
        #expect(toDisc == ["--no-perms", "--no-owner", "--no-group", "--modify-window=1"])
        let fromDisc = ext4.rsyncOptions(from: vfat, keeping: both)
        #expect(fromDisc.starts(with: ["--no-perms", "--no-owner", "--no-group", "--chmod=F-x", "--modify-window=1"]))
        #expect(!fromDisc.contains("--hard-links") && !fromDisc.contains("--xattrs") && !fromDisc.contains("--acls"))
        #expect(ext4.rsyncOptions(from: ext4, keeping: both) == ["--hard-links", "--sparse", "--xattrs", "--acls"])
        #expect(ext4.rsyncOptions(from: ext4, keeping: ExtendedMetadata()) == ["--hard-links", "--sparse"], "opt-in")
        #expect(ext4.rsyncOptions(from: ext4, keeping: ExtendedMetadata(xattrs: true)).last == "--xattrs")
    }

    @Test func whatVfatCannotStoreIsTakenOutOfThePlan() {
        var check = StorageCheck(profile: FilesystemProfile(Self.vfat))
        var plan = Plan()
        let items: [ItemizedChange] = [
            .init(change: .new, path: Array("ok.txt".utf8), size: 1, kind: .file),
            .init(change: .new, path: Array("link".utf8), size: 5, kind: .symlink),
            .init(change: .new, path: Array("a:b".utf8), size: 1, kind: .file),
            .init(change: .new, path: Array("dot./".utf8), size: 0, kind: .directory),
            .init(change: .new, path: Array("dot./inside".utf8), size: 1, kind: .file),
            .init(change: .unchanged, path: Array("Photo.JPG".utf8), size: 1, kind: .file),
            .init(change: .new, path: Array("photo.jpg".utf8), size: 1, kind: .file),
            .init(change: .modified, path: Array("film.mkv".utf8), size: 5_000_000_000, kind: .file),
            .init(change: .new, path: Array("space ".utf8), size: 1, kind: .file),
        ]
        for item in items {
            plan.add(item)
            check.observe(item)
        }
        check.apply(to: &plan)
        #expect(plan.new.map(\.displayName) == ["ok.txt"])
        #expect(plan.modified.isEmpty)
        let reasons = Dictionary(uniqueKeysWithValues: plan.cannotStore.map { ($0.displayName, $0.reason) })
        #expect(reasons.count == 7, "\(reasons)")
        #expect(reasons["link"] == "a symlink; vfat cannot hold symlinks")
        #expect(reasons["a:b"] == "its name has ':', which vfat refuses")
        #expect(reasons["dot./"] == "its name ends with a dot, which vfat refuses", "listed once, as the folder")
        #expect(reasons["space "] == "its name ends with a space, which vfat refuses")
        #expect(reasons["Photo.JPG"]?.hasPrefix("differs only in case from photo.jpg") == true, "an identical one too")
        #expect(reasons["photo.jpg"]?.hasPrefix("differs only in case from Photo.JPG") == true)
        #expect(reasons["film.mkv"] == "5.00 GB, larger than vfat can hold (4.29 GB)")
    }

    @Test func aCaseSensitiveDiscWithoutLimitsChecksNothing() {
        let ntfs = FilesystemProfile(FilesystemFacts(type: "ntfs"))
        #expect(!ntfs.hasLimits)
        #expect(ntfs.summary == "ntfs")
    }
}
