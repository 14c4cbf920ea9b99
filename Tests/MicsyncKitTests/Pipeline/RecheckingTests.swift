import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The re-check stage, right before each apply pass: the source and the destination must still be the
/// directories planned; micsync's own folders are made then.
@MainActor @Suite struct RecheckingTests {
    let bench: JobBench
    let recheck: Recheck
    let planned: LocationCheck?

    init() throws {
        bench = try JobBench()
        recheck = Recheck(
            source: bench.source, sourceCheck: bench.locations.check(bench.source), locations: bench.locations)
        planned = bench.locations.check(bench.destinations[0])
    }

    var destination: Location { bench.destinations[0] }

    /// Moves `relative` aside and makes a new, empty directory in its place.
    func replace(_ relative: String) throws {
        try FileManager.default.moveItem(atPath: bench.box.path(relative), toPath: bench.box.path(relative + ".old"))
        try bench.box.makeDirectory(relative)
    }

    @Test func nothingChangedMayBeWrittenAndGetsItsStateFolder() {
        #expect(planned != nil)
        #expect(recheck.whyNot(writing: destination, plannedAs: planned) == nil)
        #expect(bench.box.exists("b1/.micsync/tmp"))
    }

    /// The destination (`b1`) or the source (`w`) moved aside and another directory made in its place.
    @Test(arguments: ["b1", "w"])
    func aLocationReplacedByAnotherDirectoryStopsTheWrite(replaced: String) throws {
        try replace(replaced)
        let (location, after) =
            replaced == "w"
            ? (bench.source, "nothing was written to \(destination.path)") : (destination, "nothing was written there")
        #expect(
            recheck.whyNot(writing: destination, plannedAs: planned)
                == "\(location.heading) is another directory than at the plan (moved or replaced?); \(after)")
        #expect(!bench.box.exists("b1/.micsync"), "nothing is made in a directory that is not the one planned")
    }

    @Test func aDestinationRemovedSinceThePlanIsNotWritten() throws {
        try FileManager.default.removeItem(atPath: destination.path)
        #expect(
            recheck.whyNot(writing: destination, plannedAs: planned)
                == "\(destination.heading) is gone since the plan (unplugged?); nothing was written there")
        #expect(!bench.box.exists("b1"))
    }

    @Test func aStateFolderThatBecameASymlinkIsRefused() throws {
        try bench.box.makeDirectory("elsewhere")
        try FileManager.default.createSymbolicLink(
            atPath: bench.box.path("b1/.micsync"), withDestinationPath: bench.box.path("elsewhere"))
        let why = recheck.whyNot(writing: destination, plannedAs: planned)
        #expect(why?.contains("is a symlink") == true, "\(String(describing: why))")
        #expect(bench.box.tree("elsewhere").isEmpty)
    }
}
