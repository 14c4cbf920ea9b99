import Foundation

/// `--bwlimit RATE` in rsync's own grammar, checked before anything runs (rsync would refuse it only once
/// planning began): a number, with a fraction or not, in KiB per second unless a suffix says otherwise (`b`,
/// `K`, `M`, `G`, `T`, `P`; `KB` is 1000, `KiB` 1024; an optional `+1` or `-1` after), 0 for no limit, else
/// at least 512 bytes per second and less than 8 EiB.
public enum BandwidthLimit {
    /// Why rsync would refuse `rate`; nil when it takes it.
    public static func problem(_ rate: String) -> String? {
        let shown = DisplayName.readable(rate)
        let grammar = #/^(?<number>[0-9]+\.?[0-9]*|\.[0-9]+)(?<unit>[bkmgtp](?<kind>i?b)?)?(?:[+-]1)?$/#
            .ignoresCase()
        guard let match = rate.wholeMatch(of: grammar), let number = Double(match.number) else {
            return "\(shown) is not a rate; give a number of KiB per second, with a suffix or not "
                + "(500, 1.5M, 2G; 0 for no limit)"
        }
        let unit = match.unit.map { $0.prefix(1).lowercased() } ?? "k"
        let power = Double(Array("bkmgtp").firstIndex(of: Character(unit)) ?? 1)
        let base = match.kind?.lowercased() == "b" && unit != "b" ? 1000.0 : 1024.0
        let bytes = number * pow(base, power)
        if bytes != 0, bytes < 512 {
            return "\(shown) is too small; give at least 512 bytes per second, or 0 for no limit"
        }
        if bytes >= 0x1p63 { return "\(shown) is too large; give less than 8 EiB per second, or 0 for no limit" }
        return nil
    }
}
