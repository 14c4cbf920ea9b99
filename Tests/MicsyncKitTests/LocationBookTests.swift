import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The one piece that answers every question about a run's locations, on real folders in a sandbox (its
/// state folder included: never the user's).
@Suite struct LocationBookTests {
    let box: Sandbox
    let book: LocationBook
    let disc: Location

    init() throws {
        box = try Sandbox()
        try box.makeDirectory("disc")
        book = LocationBook(state: StateHome(path: box.path("state")))
        disc = Location(role: .backup, index: 0, path: box.path("disc"))
    }

    @Test func writingLeavesTheMarkerAndRemembersItInTheRunsStateFolder() throws {
        #expect(book.access(disc) == .accessible)
        try book.prepareForWriting(disc, trash: false)
        let id = try #require(LocationMarker(disc).id)
        #expect(try book.known.id(of: disc) == id)
        #expect(FileManager.default.fileExists(atPath: box.path("state/locations.json")))
        #expect(try LocationBook(state: book.state).known.id(of: disc) == id, "read back by the next run")
    }

    @Test func theIdentityIsKeyedByTheConfiguredSpellingNotBySymlinkTarget() throws {
        try FileManager.default.createSymbolicLink(atPath: box.path("link"), withDestinationPath: box.path("disc"))
        let throughLink = Location(role: .backup, index: 0, path: box.path("disc"), spelled: box.path("link"))
        try book.prepareForWriting(throughLink, trash: false)
        #expect(try book.known.id(of: throughLink) != nil)
        #expect(try book.known.id(of: disc) == nil, "the same folder spelled otherwise is another location")
        let remembered = try String(contentsOfFile: box.path("state/locations.json"), encoding: .utf8)
        #expect(remembered.contains(box.path("link")) && !remembered.contains("\"\(box.path("disc"))\""))
    }

    @Test func aDamagedStateFileMakesTheIdentityUnknownAndIsNeverReplaced() throws {
        try box.write("{\"/some/where\": \"trunc", at: "state/locations.json")
        let damaged = LocationBook(state: book.state)
        guard case .identityUnknown(let why) = damaged.access(disc) else {
            Issue.record("a location whose identity cannot be known is not accessible")
            return
        }
        #expect(why.contains("cannot read micsync's state file") && why.contains("Move it away"), "\(why)")
        #expect(throws: MicsyncError.self) { try damaged.check() }
        #expect(throws: MicsyncError.self) { try damaged.prepareForWriting(disc, trash: false) }
        #expect(box.read("state/locations.json") == "{\"/some/where\": \"trunc", "kept as it was")
        #expect(LocationMarker(disc).id == nil, "nothing written to the location")
    }

    @Test func theLockIsOnTheLocationAndARefusalNamesTheHolder() throws {
        let held = try book.lock([disc])
        defer { withExtendedLifetime(held) {} }
        #expect(FileManager.default.fileExists(atPath: box.path("disc/.micsync/lock")))
        let otherStateFolder = LocationBook(state: StateHome(path: box.path("another-user")))
        do {
            _ = try otherStateFolder.lock([disc])
            Issue.record("a second lock through another state folder must be refused")
        } catch {
            #expect(error.status == .refused)
            #expect(error.message.contains("host \(ProcessIdentity.hostName), pid \(getpid()): "), "\(error.message)")
        }
    }

    @Test func aSymlinkedLockIsRefusedNotFollowed() throws {
        try box.write("elsewhere", at: "target")
        try box.makeDirectory("disc/.micsync")
        try FileManager.default.createSymbolicLink(
            atPath: box.path("disc/.micsync/lock"), withDestinationPath: box.path("target"))
        #expect(throws: MicsyncError.self) { _ = try book.lock([disc]) }
        #expect(box.read("target") == "elsewhere")
    }

    @Test func stateFilesAreWrittenWholeAndReadWithALimit() throws {
        let file = StateFile<[String: String]>(path: box.path("state/f.json"), consequence: "test")
        try file.update(from: [:]) { $0["a"] = "b" }
        #expect(try file.read() == ["a": "b"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: box.path("state")).sorted() == [
                "f.json", "f.json.lock",
            ],
            "no temp file")
        let big = FileHandle(forWritingAtPath: box.path("state/f.json"))
        try big?.truncate(atOffset: UInt64(StateFile<[String: String]>.sizeLimit + 1))
        try big?.close()
        #expect(throws: MicsyncError.self) { _ = try file.read() }
    }

    @Test func duplicateKeysAreFoundWithTheirEntry() {
        func first(_ json: String) -> [String]? {
            DuplicateKeys.first(in: Array(json.utf8)).map { [$0.key, $0.entry] }
        }
        #expect(
            first(#"{"configs": [{"a": 1}, {"trash": false, "x": {"trash": 1}, "trash": true}]}"#) == [
                "trash", "configs[1]",
            ])
        #expect(first(#"{"configs": [{"name": "n", "na\u006de": "m"}]}"#) == ["name", "configs[0]"], "escapes")
        #expect(first(#"{"a": {"b": 1}, "c": {"b": 2}, "d": ["b", "b"]}"#) == nil, "one key per object")
    }
}
