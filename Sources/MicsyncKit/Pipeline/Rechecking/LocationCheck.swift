import Foundation

/// A location's directory as it was when a run planned it (device and inode), so that a disc unplugged or a
/// directory replaced while a question waited is noticed before anything is written to or read from it.
/// The one place that says whether a location is still the one planned.
struct LocationCheck: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
    /// Its identity marker, when it has one: the disc planned for.
    let marker: String?

    /// Why `location`, found as `now`, is not the directory `planned` was (a location that was missing then
    /// counts as gone); nil when it still is.
    static func change(in location: Location, since planned: LocationCheck?, now: LocationCheck?) -> String? {
        guard let planned, let now else {
            return "\(location.heading) is gone since the plan (unplugged?)"
        }
        return planned.change(to: now, of: location)
    }

    private func change(to now: LocationCheck, of location: Location) -> String? {
        if now.device != device {
            return "\(location.heading) is another filesystem than at the plan (unplugged or remounted?)"
        }
        if now.inode != inode {
            return "\(location.heading) is another directory than at the plan (moved or replaced?)"
        }
        if marker != nil, now.marker != marker {
            return "\(location.heading) no longer carries its micsync marker (unplugged?)"
        }
        return nil
    }
}
