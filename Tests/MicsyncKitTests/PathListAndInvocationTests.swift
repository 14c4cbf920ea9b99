import Foundation
import Testing

@testable import MicsyncKit

/// Path lists, plans and the arguments of each rsync pass: pure pieces, tested without rsync. (Deciding and
/// the delete guard are tested with their stages, in Pipeline/.)
@Suite struct PathListAndInvocationTests {
    let source = Location(role: .working, index: 0, path: "/w")
    let destination = Location(role: .backup, index: 0, path: "/b")

    @Test func outermostKeepsOnlyTheTopOfEachDeletedFolder() {
        #expect(PathList(["a/", "a/b", "a/c/", "a/c/d", "ab", "e"]).outermost().names == ["a/", "ab", "e"])
    }

    @Test func typeChangesAreModificationsWithEverythingBelowThem() {
        var plan = Plan()
        plan.new = PathList(["x/", "x/a", "y", "z"])
        plan.deleted = PathList(["y/inner", "old"])
        let sorted = plan.sortingTypeChanges([Array("x".utf8): .file, Array("y".utf8): .directory])
        #expect(sorted.new.names == ["z"])
        #expect(sorted.modified.names == ["x/", "x/a", "y"])
        #expect(sorted.deleted.names == ["old"])
    }

    /// A first backup: below a new folder that is not at the destination nothing is looked up.
    @Test func nothingBelowAnAbsentNewFolderIsLookedUp() {
        var plan = Plan()
        plan.new = PathList(["docs/", "docs/a", "docs/sub/", "docs/sub/b", "top", "x/", "x/c"])
        #expect(plan.typeChangeCandidates().map { String(decoding: $0, as: UTF8.self) } == ["docs", "top", "x"])
        let sorted = plan.sortingTypeChanges([Array("x".utf8): .file])
        #expect(sorted.new.names == ["docs/", "docs/a", "docs/sub/", "docs/sub/b", "top"])
        #expect(sorted.modified.names == ["x/", "x/c"])
    }

    /// A hard link rsync makes where the destination holds a folder replaces the folder.
    @Test func aHardLinkInPlaceOfAFolderIsATypeChange() {
        var plan = Plan()
        plan.modified = PathList(["a", "b"])
        plan.links = [Array("a".utf8): Array("x".utf8), Array("b".utf8): Array("x".utf8)]
        plan.deleted = PathList(["a/in", "a/in", "old"])
        #expect(plan.typeChangeCandidates().count == 2)
        let sorted = plan.sortingTypeChanges([Array("a".utf8): .directory, Array("b".utf8): .file])
        #expect(sorted.typeChanges == [Array("a".utf8)] && sorted.deleted.names == ["old"])
    }

    @Test func deletionOptionsOnlyEverGoWithTheDeletionPass() {
        let scope = Scope(
            configuration: Configuration(name: "c", working: [source], backups: [destination]),
            typedIn: source, relativePaths: [""])
        let invocation = RsyncInvocation(
            source: source, scope: scope, actionFilters: [], deleting: true,
            stateDirectory: "/home/u/.local/state/micsync")
        func arguments(_ pass: RsyncInvocation.Pass) -> [String] {
            invocation.apply(pass, to: destination, listFile: "/tmp/list", trash: ".micsync/trash/T")
        }
        for pass in [RsyncInvocation.Pass.create, .replace, .update] {
            #expect(!arguments(pass).contains { $0.hasPrefix("--delete") }, "\(pass)")
            #expect(arguments(pass).contains("--ignore-missing-args"))
        }
        #expect(arguments(.create).contains("--ignore-existing") && !arguments(.create).contains("--force"))
        let delete = arguments(.delete)
        #expect(
            delete.contains("--delete-missing-args") && delete.contains("--existing")
                && delete.contains("--ignore-existing"))
        for pass in [RsyncInvocation.Pass.create, .replace, .update, .delete] {
            #expect(arguments(pass).contains("--temp-dir=.micsync/tmp") && arguments(pass).contains("--hard-links"))
            #expect(arguments(pass).contains("--partial-dir=/b/.micsync/partial"))
            #expect(arguments(pass).contains("--backup-dir=.micsync/trash/T") == (pass != .create), "\(pass)")
        }
        let root = arguments(.root)
        #expect(
            root.contains("--exclude=/*") && !root.contains { $0.hasPrefix("--delete") || $0.hasPrefix("--backup") },
            "the root's own attributes, nothing below it")
        #expect(!invocation.plan(to: destination).contains("--delete-missing-args"))
    }

    @Test func micsyncsStateInsideALocationIsExcluded() {
        let home = Location(role: .working, index: 0, path: "/home/u")
        let scope = Scope(
            configuration: Configuration(name: "c", working: [home], backups: [destination]),
            typedIn: home, relativePaths: [""])
        let invocation = RsyncInvocation(
            source: home, scope: scope, actionFilters: [], deleting: false,
            stateDirectory: "/home/u/.local/state/micsync")
        #expect(invocation.plan(to: destination).contains("--exclude=/.local/state/micsync/"))
        // From the BACKUP into $HOME (work, or a comparison): the state there is not deleted nor listed either.
        let back = RsyncInvocation(
            source: destination, scope: scope, actionFilters: [], deleting: true,
            stateDirectory: "/home/u/.local/state/micsync")
        #expect(back.plan(to: home).contains("--exclude=/.local/state/micsync/"))
    }
}

@Suite struct RawPathTests {
    @Test func bytesThatAreNotUTF8SurviveTheRoundTrip() {
        let bytes: [UInt8] = Array("caf".utf8) + [0xE9, 0x2F, 0xFF] + Array("é".utf8)
        let text = RawPath.string(bytes)
        #expect(RawPath.bytes(text) == bytes)
        #expect(RawPath.string(Array("plain/é".utf8)) == "plain/é")
        #expect(RsyncInvocation.shellQuoted(text) == "$'caf\\xe9/\\xff\\xc3\\xa9'")
    }
}
