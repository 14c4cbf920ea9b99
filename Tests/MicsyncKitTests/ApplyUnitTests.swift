import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// Deciding, the delete guard, path lists and the pass argument lists: pure pieces, tested without rsync.
@Suite struct ApplyUnitTests {
    let source = Location(role: .working, index: 0, path: "/w")
    let destination = Location(role: .backup, index: 0, path: "/b")

    func list(_ paths: [String]) -> PathList {
        var list = PathList()
        for path in paths { list.append(Array(path.utf8), size: 1) }
        return list
    }

    func names(_ list: PathList) -> [String] { list.map(\.displayName) }

    var plan: Plan {
        var plan = Plan()
        plan.new = list(["n", "d/"])
        plan.modified = list(["m"])
        plan.deleted = list(["gone"])
        plan.attributesOnly = list(["dir/", "perm"])
        return plan
    }

    @Test func decideApprovesOnlyWhatTheOptionsOrAnswersSay() {
        var options = RunOptions()
        options.deletion = .ask
        let declined = Decision(plan, options: options, answers: .init(overwrite: false, delete: false))
        #expect(names(declined.list(.create)) == ["n", "d/", "dir/"])
        #expect(names(declined.list(.update)) == ["perm"])
        #expect(declined.list(.delete).isEmpty)

        let approved = Decision(plan, options: options, answers: .init(overwrite: true, delete: true))
        #expect(names(approved.list(.update)) == ["perm", "m"])
        #expect(names(approved.list(.delete)) == ["gone"])

        options.modify = true
        options.deletion = .always
        let flags = Decision(plan, options: options, answers: .init())
        #expect(flags.overwrite && flags.delete)
        #expect(!Decision.asksOverwrite(plan, options) && !Decision.asksDelete(plan, options))

        options.dryRun = true
        let dry = Decision(plan, options: options, answers: .init(overwrite: true, delete: true))
        #expect(!dry.overwrite && !dry.delete)
    }

    @Test func decideNeverDeletesWithoutDeletionOn() {
        let decision = Decision(plan, options: RunOptions(), answers: .init(overwrite: true, delete: true))
        #expect(decision.list(.delete).isEmpty)
    }

    @Test func deleteGuardRules() {
        func verdict(_ deleted: Int, of files: Int, source: Int = 5, asking: Bool) -> DeleteGuard.Verdict {
            DeleteGuard.verdict(
                deletedFiles: deleted, sourceFiles: source, destinationFiles: files, maxDeletePercent: 50,
                asking: asking, source: self.source, destination: destination)
        }
        guard case .refused = verdict(1, of: 3, source: 0, asking: true) else {
            Issue.record("empty source")
            return
        }
        #expect(verdict(9, of: 9, asking: false) == .allowed(share: nil), "a handful is never refused")
        guard case .refused(let why) = verdict(1_240, of: 2_000, asking: false) else {
            Issue.record("-D")
            return
        }
        #expect(why.contains("62% (1,240 of 2,000 files)"))
        #expect(
            verdict(1_240, of: 2_000, asking: true) == .allowed(share: "this deletes 62% (1,240 of 2,000 files) of /b"))
        #expect(verdict(10, of: 100, asking: false) == .allowed(share: nil))
    }

    @Test func outermostKeepsOnlyTheTopOfEachDeletedFolder() {
        #expect(names(list(["a/", "a/b", "a/c/", "a/c/d", "ab", "e"]).outermost()) == ["a/", "ab", "e"])
    }

    @Test func deletionsKeepWhatCameBackToTheSource() throws {
        let box = try Sandbox()
        try box.makeDirectory("back")
        let (deletions, returned) = list(["back/", "gone/", "gone/x", "file"]).deletions(missingFrom: box.root)
        #expect(names(deletions) == ["file", "gone/"])
        #expect(returned == ["back/"])
    }

    @Test func typeChangesAreModificationsWithEverythingBelowThem() {
        var plan = Plan()
        plan.new = list(["x/", "x/a", "y", "z"])
        plan.deleted = list(["y/inner", "old"])
        let sorted = plan.sortingTypeChanges { Set(["x", "y"]).contains(String(decoding: $0, as: UTF8.self)) }
        #expect(names(sorted.new) == ["z"])
        #expect(names(sorted.modified) == ["x/", "x/a", "y"])
        #expect(names(sorted.deleted) == ["old"])
    }

    @Test func deletionOptionsOnlyEverGoWithTheDeletionPass() {
        let scope = Scope(
            configuration: Configuration(name: "c", working: [source], backups: [destination]),
            typedIn: source, relativePaths: [""])
        let invocation = RsyncInvocation(source: source, scope: scope, actionFilters: [], deleting: true)
        func arguments(_ pass: RsyncInvocation.Pass) -> [String] {
            invocation.apply(pass, to: destination, listFile: "/tmp/list", trash: ".micsync/trash/T")
        }
        for pass in [RsyncInvocation.Pass.create, .update] {
            #expect(!arguments(pass).contains { $0.hasPrefix("--delete") }, "\(pass)")
            #expect(arguments(pass).contains("--ignore-missing-args"))
        }
        #expect(arguments(.create).contains("--ignore-existing") && !arguments(.create).contains("--force"))
        let delete = arguments(.delete)
        #expect(
            delete.contains("--delete-missing-args") && delete.contains("--existing")
                && delete.contains("--ignore-existing"))
        for pass in RsyncInvocation.Pass.allCases {
            #expect(arguments(pass).contains("--temp-dir=/b/.micsync/tmp") && arguments(pass).contains("--hard-links"))
            #expect(arguments(pass).contains("--backup-dir=.micsync/trash/T"))
        }
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
