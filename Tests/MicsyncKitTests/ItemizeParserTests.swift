import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

@Suite struct ItemizeParserTests {
    /// Real output of `rsync -aH --dry-run --delete --itemize-changes --out-format='%i %l %n<TAB>%n%L'` over a tree of
    /// odd names, with a symlink, a hard link and the root's own times.
    static let captured: [[UInt8]] = {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/itemize-odd-names.txt")
        let data = (try? Data(contentsOf: fixture)) ?? Data()
        return data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map(Array.init)
    }()

    func plan() -> Plan {
        var plan = Plan()
        Self.captured.compactMap { ItemizedChange.parse($0) }.forEach { plan.add($0) }
        return plan
    }

    func names(_ list: PathList) -> [[UInt8]] { list.map { Array($0.path) } }

    @Test func sortsCapturedOutputIntoTheKindsOfChange() {
        let plan = plan()
        #expect(names(plan.deleted) == [Array("gone/file".utf8), Array("gone/".utf8)])
        #expect(names(plan.modified) == [Array("dir/changed".utf8)])
        #expect(
            names(plan.attributesOnly) == [Array("dir/".utf8)],
            "a directory whose only change is its time is not a modification")
        #expect(plan.rootChanged, "the root's own times, in no list")
        #expect(plan.new.count == 12)
        #expect(plan.new.totalSize == 1 * 9 + 2 + 6 + 3)
        #expect(plan.links == [Array("dir/linked".utf8): Array("dir/changed".utf8)], "a hard link, with its leader")
    }

    @Test func decodesEscapesToTheExactBytes() {
        let new = Set(names(plan().new))
        let expected: [[UInt8]] = [
            Array("new\nline".utf8), Array("tab\there".utf8), Array("back\\slash".utf8), Array("-lead".utf8),
            Array("co:lon".utf8), Array("ünï".utf8), Array("bad".utf8) + [0xFF], Array("lit\\#012".utf8),
            Array("with space".utf8), Array("link".utf8), Array("plain".utf8), Array("dir/linked".utf8),
        ]
        #expect(new == Set(expected))
    }

    @Test func namesAreShownReadably() {
        #expect(DisplayName.readable(Array("new\nline".utf8)) == "new\\nline")
        #expect(DisplayName.readable(Array("tab\there".utf8)) == "tab\\there")
        #expect(DisplayName.readable(Array("bad".utf8) + [0xFF]) == "bad\\xFF")
        #expect(DisplayName.readable(Array("ünï".utf8)) == "ünï")
    }

    @Test(
        arguments: [
            ("created directory /x", nil),
            (
                ".d..t...... 4096 ./\t./",
                ItemizedChange(change: .attributesOnly, path: Array("./".utf8), size: 4096, kind: .directory)
            ),
            (
                ">f+++++++++ 12  leading space\t leading space",
                ItemizedChange(change: .new, path: Array(" leading space".utf8), size: 12, kind: .file)
            ),
            (
                ">f..t...... 3 only-time\tonly-time",
                ItemizedChange(change: .modified, path: Array("only-time".utf8), size: 3, kind: .file)
            ),
            (
                ".f...p..... 3 perms\tperms",
                ItemizedChange(change: .attributesOnly, path: Array("perms".utf8), size: 3, kind: .file)
            ),
            (
                ".f          3 same\tsame",
                ItemizedChange(change: .unchanged, path: Array("same".utf8), size: 3, kind: .file)
            ),
            (
                "cLc.t...... 5 relinked -> x\trelinked -> x -> a => b",
                ItemizedChange(change: .modified, path: Array("relinked -> x".utf8), size: 5, kind: .symlink)
            ),
            (
                "hf          6 a\tb => c\ta\tb => c => d => e",
                ItemizedChange(
                    change: .modified, path: Array("a\tb => c".utf8), size: 6, kind: .file,
                    leader: Array("d => e".utf8))
            ),
            (
                "hf...p..... 6 b\tb",
                ItemizedChange(change: .attributesOnly, path: Array("b".utf8), size: 6, kind: .file)
            ),
            (
                "hf..t...... 6 b\tb",
                ItemizedChange(change: .modified, path: Array("b".utf8), size: 6, kind: .file)
            ),
            (">f+++++++++ 3 name\tother", nil),
        ] as [(String, ItemizedChange?)])
    func parsesSingleLines(line: String, expected: ItemizedChange?) {
        #expect(ItemizedChange.parse(Array(line.utf8)) == expected)
    }

    @Test func pathListIsWhatRsyncFilesFromReads() throws {
        var list = PathList()
        list.append(Array("a/b".utf8), size: 1)
        list.append(Array("c/".utf8), size: 2)
        let box = try Sandbox()
        let file = box.path("list")
        let descriptor = open(file, O_WRONLY | O_CREAT, 0o600)
        var output = LineWriter(descriptor: descriptor)
        list.writeFilesFrom(to: &output)
        output.flush()
        close(descriptor)
        #expect(
            FileManager.default.contents(atPath: file) == Data("a/b\0c\0".utf8), "a listed dir/ would be recursed into")
        #expect(list.map(\.size) == [1, 2] && list.totalSize == 3)
        #expect(list.directoryCount == 1)
    }

    @Test func rsyncVersionIsParsed() {
        #expect(Rsync.parseVersion("rsync  version 3.2.7  protocol version 31\n") == [3, 2, 7])
        #expect(Rsync.parseVersion("rsync  version v3.1.2  protocol version 31") == [3, 1, 2])
        #expect(Rsync.parseVersion("nonsense") == nil)
    }

    @Test func commandLinesCanBePasted() {
        #expect(
            RsyncInvocation.commandLine("/usr/bin/rsync", ["-a", "--out-format=%i %n", "it's"])
                == #"/usr/bin/rsync -a '--out-format=%i %n' 'it'\''s'"#)
    }
}
