import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The one answer to "can this location be used now, and why not", on real folders.
@Suite struct LocationAccessTests {
    @Test func eachStateOfALocation() throws {
        let box = try Sandbox()
        let root = box.root
        let known = KnownLocations(file: root + "/state/locations.json")
        let disc = Location(role: .backup, index: 0, path: root + "/disc")
        #expect(disc.access(known: known) == .new, "never written, parent there")
        #expect(Location(role: .backup, index: 0, path: root + "/no/disc").access(known: known) == .missing)

        try FileManager.default.createDirectory(atPath: disc.path, withIntermediateDirectories: true)
        #expect(disc.access(known: known) == .accessible, "never written: no marker needed")
        try disc.claim(known: known)
        let id = try #require(LocationMarker(disc).id)
        #expect(try known.id(of: disc) == id)
        #expect(disc.access(known: known) == .accessible)

        // The disc unplugged, its mount point left: a bare folder.
        try FileManager.default.removeItem(atPath: disc.path + "/.micsync")
        #expect(disc.access(known: known) == .markerMissing)
        #expect(
            disc.access(known: known).note(for: disc)
                == "note: skipping BACKUP \(disc.path): not mounted? (its micsync marker is missing); "
                + "if this is the right disc (reformatted, or copied by hand): micsync adopt \(disc.path)")
        try FileManager.default.removeItem(atPath: disc.path)
        #expect(disc.access(known: known) == .missing, "written before: unplugged, not new")

        // Another disc with its own marker at the same place; then adopted.
        try FileManager.default.createDirectory(atPath: disc.path + "/.micsync", withIntermediateDirectories: true)
        try "someone-else\n".write(toFile: disc.path + "/.micsync/id", atomically: false, encoding: .utf8)
        #expect(disc.access(known: known) == .otherMarker)
        try disc.adopt(known: known)
        #expect(disc.access(known: known) == .accessible)
        #expect(LocationMarker(disc).id != "someone-else")
    }

    @Test func aSymlinkedStateFolderIsNeverFollowed() throws {
        let box = try Sandbox()
        let root = box.root
        let known = KnownLocations(file: root + "/state/locations.json")
        let disc = Location(role: .backup, index: 0, path: root + "/disc")
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        try "planted\n".write(toFile: root + "/elsewhere/id", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: disc.path, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: disc.path + "/.micsync", withDestinationPath: root + "/elsewhere")
        guard case .unsafeStateFolder(let why) = disc.access(known: known) else {
            Issue.record("a symlinked .micsync is refused")
            return
        }
        #expect(why.contains(".micsync is a symlink"), "\(why)")
        #expect(LocationMarker(disc).id == nil, "the planted marker is not read")
        #expect(throws: MicsyncError.self) { try disc.claim(known: known) }
    }

    @Test func mountTableLinesAndCacheKey() throws {
        let line: Substring = #"42 27 7:0 / /media/my\040disc rw,nosuid - fuseblk /dev/loop0 rw,user_id=0,allow_other"#
        let mount = try #require(Mount.parse(line))
        #expect(mount.mountPoint == "/media/my disc" && mount.device == "7:0" && mount.root == "/")
        #expect(mount.kernelType == "fuseblk" && mount.source == "/dev/loop0")
        #expect(mount.options == "rw,user_id=0,allow_other")
        #expect(Mount.holding("/")?.mountPoint == "/")
    }

    @Test func whereADiscIsMissingALocationIsNeverMade() throws {
        let box = try Sandbox()
        try box.write("# comment\n/dev/sdb1  /srv/my\\040disc  ext4  defaults  0 2\nnone swap swap\n", at: "fstab")
        let fstab = box.path("fstab")
        #expect(
            LandingPlace.unmountedFstabPoint(above: "/srv/my disc/photos", mountedAt: "/", fstab: fstab)
                == "/srv/my disc")
        #expect(
            LandingPlace.unmountedFstabPoint(above: "/srv/my disc/photos", mountedAt: "/srv/my disc", fstab: fstab)
                == nil, "mounted: the disc is there")
        #expect(LandingPlace.unmountedFstabPoint(above: "/srv/other", mountedAt: "/", fstab: fstab) == nil)
        let fstabPoint = LandingPlace.absentDisc(
            parent: "/srv/my disc", mountPoint: "/", device: "/dev/vda1", empty: false, fstabPoint: "/srv/my disc")
        #expect(fstabPoint?.contains("/srv/my disc is where /etc/fstab mounts a disc") == true, "\(fstabPoint ?? "")")
        let media = LandingPlace.absentDisc(
            parent: "/media/discB", mountPoint: "/", device: "/dev/vda1", empty: true, fstabPoint: nil)
        #expect(media == "/media/discB is an empty folder on the system disc (/dev/vda1, /), not a mounted disc")
        #expect(
            LandingPlace.absentDisc(
                parent: "/media/discB", mountPoint: "/", device: "/dev/vda1", empty: false, fstabPoint: nil) == nil,
            "a folder that holds something is meant")
        #expect(
            LandingPlace.absentDisc(
                parent: "/media/discB/photos", mountPoint: "/media/discB", device: "/dev/sdb1", empty: true,
                fstabPoint: nil) == nil, "an empty folder on the plugged-in disc")
        #expect(
            LandingPlace.absentDisc(
                parent: "/home/me/backup", mountPoint: "/", device: "/dev/vda1", empty: true, fstabPoint: nil) == nil)
    }
}

extension Location {
    /// A local directory's answers, as its `LocationBook` site gives them.
    fileprivate func access(known: KnownLocations) -> LocationAccess {
        access(known: known, site: LocalDirectory(location: self))
    }

    fileprivate func claim(known: KnownLocations) throws(MicsyncError) {
        try claim(known: known, site: LocalDirectory(location: self))
    }

    fileprivate func adopt(known: KnownLocations) throws(MicsyncError) {
        try adopt(known: known, site: LocalDirectory(location: self))
    }
}
