import Foundation
import Testing

/// A location's truth lives on the location: its identity is what the configuration spells, its lock is in
/// it, and losing micsync's own state never lowers a guard.
@Suite struct LocationTruthTests {
    var knownLocations: (Sandbox) -> String { { $0.home + "/.local/state/micsync/locations.json" } }

    /// One backup to `b1`, then `b1` "unplugged": moved away, a bare mount point in its place.
    func backedUpThenUnplugged(_ box: Sandbox) async throws {
        try box.standard(backups: 1)
        try box.write("mine", at: "w/doc")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        try FileManager.default.moveItem(atPath: box.path("b1"), toPath: box.path("b1-unplugged"))
        try box.makeDirectory("b1")
        try box.write("more", at: "w/more")
    }

    @Test(arguments: ["truncated", "garbage", "empty"])
    func aStateFileThatCannotBeReadStopsTheRunAndIsKept(damage: String) async throws {
        let box = try Sandbox()
        try await backedUpThenUnplugged(box)
        let file = knownLocations(box)
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        let damaged: Data =
            switch damage {
            case "truncated": whole.prefix(20)
            case "garbage": Data("\u{1}\u{2}not json at all".utf8)
            default: Data()
            }
        try damaged.write(to: URL(fileURLWithPath: file))
        let result = try await box.expectRun(["backup", "-m", "w"], status: 1)
        #expect(result.stderr.contains("cannot read micsync's state file \(file)"), "\(result)")
        #expect(result.stderr.contains("Move it away"), "the way out: \(result)")
        #expect(box.tree("b1").isEmpty, "nothing written into the bare mount point: \(box.tree("b1"))")
        #expect(!FileManager.default.fileExists(atPath: box.path("b1/.micsync")), "not even micsync's folder")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == damaged, "the state file is kept as it was")
    }

    /// A BACKUP configured as a symlink `disc -> mnt/usb`, backed up once, then re-pointed at an old folder.
    func repointedDisc(_ box: Sandbox) async throws {
        try box.makeDirectory("mnt/usb")
        try box.write("old 1", at: "old/o1")
        try box.write("old 2", at: "old/o2")
        for name in ["a", "b", "c", "d"] { try box.write(name, at: "w/\(name)") }
        try FileManager.default.createSymbolicLink(atPath: box.path("disc"), withDestinationPath: box.path("mnt/usb"))
        try box.configure([("main", ["w"], ["disc"])])
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.tree("mnt/usb") == ["a", "b", "c", "d"])
        try FileManager.default.removeItem(atPath: box.path("disc"))
        try FileManager.default.createSymbolicLink(atPath: box.path("disc"), withDestinationPath: box.path("old"))
    }

    @Test func aRepointedSymlinkIsNeverWrittenAsTheDestination() async throws {
        let box = try Sandbox()
        try await repointedDisc(box)
        let remembered = try String(contentsOfFile: knownLocations(box), encoding: .utf8)
        let result = try await box.expectRun(["backup", "-m", "w"], status: 3)
        #expect(result.stderr.contains("its micsync marker is missing"), "\(result)")
        #expect(box.tree("old") == ["o1", "o2"], "\(box.tree("old"))")
        #expect(try String(contentsOfFile: knownLocations(box), encoding: .utf8) == remembered, "no new id recorded")
    }

    @Test func aRepointedSymlinkIsNeverReadAsTheSource() async throws {
        let box = try Sandbox()
        try await repointedDisc(box)
        let result = try await box.expectRun(["work", "-D", "-m", "w"], status: 3)
        #expect(result.stderr.contains("its micsync marker is missing"), "\(result)")
        #expect(box.tree("w") == ["a", "b", "c", "d"], "no WORKING file deleted: \(box.tree("w"))")
    }

    @Test func aSecondRunThroughABindMountIsRefused() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        guard let bind = try BindMount(box.path("b1"), at: box.path("bound")) else { return }
        defer { bind.unmount() }
        let other = try box.configure([("other", ["w"], ["bound"])], to: box.path("other.json"))
        try await box.whileARunWaits { try await box.run(["backup", "-m", "--config", other, "w"]) }
    }

    @Test func aSecondRunWithAnotherStateFolderIsRefused() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try await box.whileARunWaits {
            try await box.run(["backup", "-m", "w"], environment: ["XDG_STATE_HOME": box.path("another-user/state")])
        }
    }

    @Test(arguments: ["backup", "work", "transfer", "tree", "diff"])
    func aPathInsideMicsyncsOwnFolderIsNeverAScope(action: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 2)
        try box.write("another run's trash", at: "b2/.micsync/trash/20260101T000000Z/doc")
        try box.write("trash of disc 1", at: "b1/.micsync/trash/20260101T000000Z/doc")
        var arguments = [action]
        if action == "transfer" { arguments += ["-D", "--no-trash", "--from", "1", "--to", "0"] }
        let result = try await box.expectRun(arguments + ["b2/.micsync/trash"], status: 2)
        #expect(result.stderr.contains("inside micsync's own folder .micsync/"), "\(result)")
        #expect(box.read("b1/.micsync/trash/20260101T000000Z/doc") == "trash of disc 1")
    }

    @Test func aFailedPassWithoutAQuestionCountsNothingItDidNotDo() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("disc")
        guard let bind = try BindMount(box.path("disc"), at: box.path("ro")) else { return }
        defer { bind.unmount() }
        try box.configure([("main", ["w"], ["ro"])])
        try box.write("old", at: "w/f")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        bind.makeReadOnly()
        try box.write("new", at: "w/f") // the same size as the copy there: only its time tells
        try box.touch("w/f", secondsAgo: -5)
        try box.write("n", at: "w/n")
        let result = try await box.expectRun(["backup", "-m", "w"], status: 1)
        #expect(result.stdout.contains("0 copied (0 B), 0 overwritten"), "\(result)")
        let journal = try String(contentsOfFile: box.journalFile, encoding: .utf8)
        let last = try box.jsonObject(String(journal.split(separator: "\n").last ?? ""))
        #expect(last["copied"] as? Int == 0 && last["overwritten"] as? Int == 0, "journaled: \(last)")
        #expect(box.read("ro/f") == "old")
    }

    @Test func twelveFirstRunsAtOnceLoseNoKnownLocation() async throws {
        let box = try Sandbox()
        let discs = (0..<12).map { "b\($0)" }
        for name in ["w"] + discs { try box.makeDirectory(name) }
        try box.write("a", at: "w/a")
        try box.configure(discs.map { ("to-\($0)", ["w"], [$0]) })
        let runs = try discs.map { disc in
            try Binary.start(
                Binary.micsync, ["backup", "-m", "--config-name", "to-\(disc)", "w"], directory: box.root,
                environment: box.environment)
        }
        for run in runs { await run.finish().expect(status: 0) }
        let known = try box.jsonObject(String(contentsOfFile: knownLocations(box), encoding: .utf8))
        #expect(Set(known.keys) == Set(discs.map(box.path)), "every first run is remembered: \(known.keys.sorted())")
        // So each of them, unplugged, is a bare mount point that is never written.
        for disc in discs {
            try FileManager.default.removeItem(atPath: box.path(disc))
            try box.makeDirectory(disc)
        }
        for disc in discs {
            let refused = try await box.expectRun(["backup", "-m", "--config-name", "to-\(disc)", "w"], status: 3)
            #expect(refused.stderr.contains("its micsync marker is missing"), "\(refused)")
            #expect(box.tree(disc).isEmpty)
        }
    }

    @Test func aNewLocationIsNeverCreatedByADryRun() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("discs")
        try box.write("a", at: "w/a")
        try box.configure([("main", ["w"], ["discs/new"])])
        let result = try await box.expectRun(["backup", "-n", "--create", "w"], status: 0)
        #expect(result.stderr.contains("would create BACKUP \(box.path("discs/new"))"), "\(result)")
        #expect(result.stdout.contains("    a\n"), "the plan as if it were there: \(result)")
        #expect(!box.exists("discs/new"))
    }

    @Test func anAnswerWithACarriageReturnIsTaken() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try await box.expectRun(["backup", "w"], input: "m\r\n", status: 0)
        #expect(box.read("b1/f") == "new")
    }
}
