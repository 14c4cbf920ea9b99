import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// The planning stage on real trees: one rsync dry run per destination, what is new, modified and only at
/// the destination; the directories as they were; which modified files are newer at the destination.
@MainActor @Suite struct PlanningTests {
    @Test func thePlanSaysWhatIsNewModifiedAndDeleted() async throws {
        let bench = try JobBench()
        for (path, text) in [("w/n", "new"), ("w/m", "changed"), ("w/same", "s"), ("b1/m", "old, longer")] {
            try bench.box.write(text, at: path)
        }
        try bench.box.write("s", at: "b1/same")
        try bench.box.touch("w/same", secondsAgo: 60)
        try bench.box.touch("b1/same", secondsAgo: 60)
        try bench.box.write("only here", at: "b1/gone/x")
        var options = RunOptions()
        options.deletion = .ask
        let run = try await bench.plan(try await bench.job(options))
        let plan = try #require(run.destinations.first?.plan)
        #expect(run.destinations.map(\.destination) == bench.destinations)
        #expect(plan.new.names == ["n"])
        #expect(plan.modified.names == ["m"])
        #expect(plan.deleted.names == ["gone/", "gone/x"], "a folder before what it holds")
        #expect(bench.box.tree("b1") == ["gone/", "gone/x", "m", "same"], "planning changes nothing")
    }

    @Test func withoutDeletionNothingIsPlannedForDeletion() async throws {
        let bench = try JobBench()
        try bench.box.write("only here", at: "b1/x")
        let run = try await bench.plan(try await bench.job())
        #expect(run.destinations.first?.plan.deleted.isEmpty == true)
    }

    @Test func theSourceAndDestinationDirectoriesAreTakenAsTheyWere() async throws {
        let bench = try JobBench(backups: 2)
        try bench.box.write("x", at: "w/x")
        let run = try await bench.plan(try await bench.job())
        #expect(run.sourceCheck != nil && run.sourceCheck == bench.locations.check(bench.source))
        for (planned, destination) in zip(run.destinations, bench.destinations) {
            #expect(planned.check != nil && planned.check == bench.locations.check(destination))
        }
        #expect(run.destinations[0].check != run.destinations[1].check)
        #expect(
            LocationCheck.change(in: bench.source, since: run.sourceCheck, now: bench.locations.check(bench.source))
                == nil)
    }

    @Test func modifiedFilesNewerAtTheDestinationByMoreThanASecondAreMarked() async throws {
        let bench = try JobBench()
        // a: the destination's copy is 5 s newer; b: half a second, the same time; c: the source's is newer.
        for (name, source, destination) in [("a", 10.0, 5.0), ("b", 10.0, 9.5), ("c", 5.0, 10.0)] {
            try bench.box.write("source \(name)", at: "w/\(name)")
            try bench.box.write("destination, longer", at: "b1/\(name)")
            try bench.box.touch("w/\(name)", secondsAgo: source)
            try bench.box.touch("b1/\(name)", secondsAgo: destination)
        }
        let planned = try #require(try await bench.plan(try await bench.job()).destinations.first)
        #expect(planned.plan.modified.names == ["a", "b", "c"])
        #expect(planned.newer == [0])

        let tree = try await bench.plan(try await bench.job(overwrites: false))
        #expect(tree.destinations.first?.newer.isEmpty == true, "an action that never overwrites marks none")
    }
}
