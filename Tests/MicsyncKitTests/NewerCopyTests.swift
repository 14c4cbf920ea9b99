import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// Which copy is newer, as both the plan and `diff` judge it, on real files.
@Suite struct NewerCopyTests {
    @Test func aSecondOrLessIsTheSameTime() throws {
        let box = try Sandbox()
        let root = box.root
        let source = root + "/s", destination = root + "/d"
        for folder in [source, destination] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        func file(_ folder: String, at seconds: TimeInterval) throws {
            FileManager.default.createFile(atPath: folder + "/f", contents: Data("x".utf8))
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: folder + "/f")
        }
        func newer() -> NewerCopy { NewerCopy(of: Array("f".utf8), source: source, destination: destination) }
        try file(source, at: 1_000_000_000)
        try file(destination, at: 1_000_000_001)
        #expect(newer() == .neither, "one second apart: FAT's grain")
        try file(destination, at: 1_000_000_002.5)
        #expect(newer() == .destination)
        #expect(PathList.Entry(path: Array("f".utf8)[...], size: 1).isNewer(at: destination, than: source))
        try file(destination, at: 999_999_997)
        #expect(newer() == .source)
        try FileManager.default.removeItem(atPath: destination + "/f")
        #expect(newer() == .neither, "a copy that is not there")
    }
}
