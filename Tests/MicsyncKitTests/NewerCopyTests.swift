import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// Which copy is newer, as both the plan and `diff` judge it, on real files asked of their locations.
@MainActor @Suite struct NewerCopyTests {
    @Test func aSecondOrLessIsTheSameTime() throws {
        let bench = try JobBench()
        func file(_ folder: String, at seconds: TimeInterval) throws {
            try bench.box.write("x", at: folder + "/f")
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: bench.box.path(folder + "/f"))
        }
        func newer() -> NewerCopy {
            bench.locations.newerCopies(PathList(["f"]), source: bench.source, destination: bench.destinations[0])[0]
        }
        try file("w", at: 1_000_000_000)
        try file("b1", at: 1_000_000_001)
        #expect(newer() == .neither, "one second apart: FAT's grain")
        try file("b1", at: 1_000_000_002.5)
        #expect(newer() == .destination)
        #expect(bench.locations.newer(PathList(["f"]), at: bench.destinations[0], than: bench.source) == [0])
        try file("b1", at: 999_999_997)
        #expect(newer() == .source)
        try FileManager.default.removeItem(atPath: bench.box.path("b1/f"))
        #expect(newer() == .neither, "a copy that is not there")
    }
}
