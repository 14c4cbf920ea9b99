import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// rsync's `--info=progress2` output, as it arrives on stdout mixed with itemized lines.
@Suite struct ProgressTests {
    /// Captured from `rsync -a --itemize-changes --out-format='%i %l %n<TAB>%n%L' --info=progress2` (3.x).
    static let output = Array(
        (">f+++++++++ 30000000 big\tbig\n\r         32,768   0%    0.00kB/s    0:00:00  \r"
            + "     21,921,792  73%   19.55MB/s    0:00:00  \r     30,000,000  99%   20.37MB/s    0:00:01 (xfr#1, to-chk=1/3)\n"
            + ">f+++++++++ 3 small\tsmall\n\r     30,000,003 100%   20.36MB/s    0:00:01 (xfr#2, to-chk=0/3)\n").utf8)

    private func lines() -> [[UInt8]] {
        var splitter = LineSplitter()
        var lines: [[UInt8]] = []
        Self.output.withUnsafeBytes { splitter.feed($0) { lines.append(Array($0)) } }
        splitter.finish { lines.append(Array($0)) }
        return lines
    }

    @Test func progressSegmentsAreLinesOfTheirOwn() {
        let progress = lines().compactMap(TransferProgress.parse)
        #expect(progress.map(\.bytes) == [32_768, 21_921_792, 30_000_000, 30_000_003])
    }

    /// Bytes of the run's plan, the share of it, one unit for sizes and rates, and the time left.
    /// Bytes and items of the run's plan, the share, one unit for sizes and rates, and a time left that
    /// blends what the bytes and the items say: 28 s by bytes and 8 s by items (small files, slow per file
    /// more than per byte) make 18 s.
    @Test func theLineCountsAgainstThePlan() {
        func line(_ done: Int64, of planned: Int64, _ files: (Int, Int), rate: Double?, share: Double, per: Double?)
            -> String
        {
            ProgressLine.line(done: done, planned: planned, files: files, rate: rate, shareRate: per, share: share)
        }
        #expect(
            line(12_000_000, of: 40_000_000, (300, 1_000), rate: 1_000_000, share: 30, per: nil)
                == "12.0 MB of 40.0 MB  30%  300 of 1,000 items  1.00 MB/s  0:28 left")
        #expect(
            line(12_000_000, of: 40_000_000, (600, 1_000), rate: 1_000_000, share: 60, per: 5)
                == "12.0 MB of 40.0 MB  30%  600 of 1,000 items  1.00 MB/s  0:18 left")
        #expect(
            line(1_000, of: 7_200_000_000, (1, 2), rate: 1_000_000, share: 50, per: nil)
                == "1.00 KB of 7.20 GB  0%  1 of 2 items  1.00 MB/s  2:00:00 left")
        #expect(
            line(5, of: 10, (0, 1), rate: nil, share: 0, per: nil) == "5 B of 10 B  50%  0 of 1 item  – B/s  –:–– left")
        #expect(line(0, of: 0, (3, 12), rate: nil, share: 25, per: 25) == "3 of 12 items  – B/s  0:03 left")
    }

    /// rsync reports thousands of times a second on small files: the line is redrawn at most every 100 ms,
    /// and the pass's last report is drawn before the line is cleared.
    @Test func theLineIsRedrawnAtMostTenTimesASecondAndEndsOnTheLastReport() {
        let sink = RecordingSink()
        let progress = ProgressLine(requested: true, on: .recording(sink))
        let destination = Location(role: .backup, index: 0, path: "/b")
        progress.expect(bytes: 20_000, files: 1)
        let clock = ContinuousClock()
        let start = clock.now
        for bytes in 1...20_000 {
            _ = progress.consume(Array("     \(bytes)  50%    1.00MB/s    0:00:01".utf8), at: destination)
        }
        let elapsed = start.duration(to: clock.now)
        progress.passFinished(at: destination)
        let draws = sink[.output].components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
        #expect(draws.count <= 2 + Int(elapsed / ProgressLine.redrawInterval), "\(draws.count) in \(elapsed)")
        #expect(draws.last?.hasPrefix("20.0 KB of 20.0 KB  100%  0 of 1 item") == true, "\(draws.last ?? "")")
    }

    @Test func theItemizeParserIgnoresProgress() {
        let items = lines().compactMap { ItemizedChange.parse($0) }
        #expect(items.map { String(decoding: $0.path, as: UTF8.self) } == ["big", "small"])
        #expect(items.map(\.size) == [30_000_000, 3])
        #expect(lines().filter { TransferProgress.parse($0) != nil && ItemizedChange.parse($0) != nil }.isEmpty)
    }

    @Test func itemizedLinesAreNeverProgress() {
        #expect(TransferProgress.parse(Array(">f+++++++++ 3 100% 1MB/s 0:00:01".utf8)) == nil)
        #expect(TransferProgress.parse(Array("*deleting   0 old".utf8)) == nil)
    }

    @Test func byteCountsReadAsPeopleDo() {
        #expect(ByteCount.readable(999) == "999 B")
        #expect(ByteCount.readable(1_500) == "1.50 KB")
        #expect(ByteCount.readable(84_309_491_712) == "84.3 GB")
        #expect(ByteCount.readable(2_000_000_000_000) == "2.00 TB")
    }
}
