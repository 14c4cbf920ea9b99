import Foundation
import Testing

/// Before writing, each destination's free space is compared with what its plan adds: too little is a
/// refusal of that destination with the numbers, the others are written, `--ignore-space` tries anyway. On a
/// small ext4 disc whose free space the test reads and overshoots on purpose.
@Suite(.enabled(if: DiscImage.ext4Unavailable == nil, "\(DiscImage.ext4Unavailable ?? "")"))
struct SpaceTests {
    static let megabyte = 1024 * 1024

    private static func free(_ path: String) -> Int {
        var info = statvfs()
        return statvfs(path, &info) == 0 ? Int(info.f_bavail) * Int(info.f_frsize) : 0
    }

    private static func write(_ count: Int, of byte: UInt8, to path: String) throws {
        try Data(repeating: byte, count: count).write(to: URL(fileURLWithPath: path))
    }

    @Test func aDestinationWithoutRoomIsRefusedWithTheNumbersAndTheOthersAreWritten() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        let disc = try await DiscImage(.ext4, in: box)
        defer { disc.unmount() }
        try box.configure([("main", ["w"], ["b1", "disc"])])
        try Self.write(Self.free(box.path("disc")) + Self.megabyte, of: 0x61, to: box.path("w/big.bin"))

        let result = try await box.expectRun(["backup", "w"], status: 1)
        #expect(
            result.stderr.contains("micsync: BACKUP \(box.path("disc")): not enough free space: the plan adds "),
            "\(result)")
        #expect(
            result.stderr.contains(
                " free; nothing was written there; free some space, or run again with "
                    + "--ignore-space to try anyway"), "\(result)")
        #expect(result.stderr.contains("1 of 2 destinations not written"), "\(result)")
        #expect(box.read("b1/big.bin") == box.read("w/big.bin"), "the BACKUP with room is written")
        #expect(!box.exists("disc/big.bin"))
        #expect(box.tree("disc/.micsync").allSatisfy { !$0.contains("big.bin") }, "no partial file either")

        try await box.expectRun(["backup", "--to", "1", "w"], status: 3, "nothing could run")
        let tried = try await box.expectRun(["backup", "--to", "1", "--ignore-space", "w"], status: 1)
        #expect(tried.stderr.contains("BACKUP \(box.path("disc")): the disc is full"), "rsync tried: \(tried)")
    }

    /// Two 1 MiB files on the disc, about 2 MiB left, both grown to 1.25 MiB: with the trash keeping the old
    /// copies that is 2.5 MiB more; without it, 0.5 MiB more and the larger old copy until its new one is whole.
    @Test func withoutATrashAnOverwriteCountsOnlyWhatItAdds() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        let disc = try await DiscImage(.ext4, in: box)
        defer { disc.unmount() }
        try box.configure([("main", ["w"], ["disc"])])
        for name in ["one", "two"] { try Self.write(Self.megabyte, of: 0x61, to: box.path("w/\(name)")) }
        try await box.expectRun(["backup", "w"], status: 0)
        try Self.write(Self.free(box.path("disc")) - 2 * Self.megabyte, of: 0x7a, to: box.path("disc/filler"))
        for name in ["one", "two"] { try Self.write(5 * Self.megabyte / 4, of: 0x62, to: box.path("w/\(name)")) }

        let refused = try await box.expectRun(["backup", "-m", "w"], status: 3)
        #expect(refused.stderr.contains("not enough free space: the plan adds 2.62 MB"), "\(refused)")
        #expect(box.read("disc/one")?.count == Self.megabyte, "nothing was overwritten")

        try await box.expectRun(["backup", "-m", "--no-trash", "w"], status: 0)
        #expect(box.read("disc/one")?.count == 5 * Self.megabyte / 4 && box.read("disc/two")?.first == "b")
    }
}
