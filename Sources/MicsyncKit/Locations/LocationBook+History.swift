import Foundation

/// A place that can say what it holds of a path, now and in its trash: the history `versions` and
/// `restore` read, and the trash sizes retention weighs.
protocol HistorySite: LocationSite {
    /// Every file (anything but a folder) at and below `relative` (raw bytes; empty for the whole
    /// location, `.micsync` left out): its current copies unless `current` is false, and those in each
    /// trash folder; with `checksums`, each regular file's `cksum`.
    func versions(of relative: [UInt8], current: Bool, checksums: Bool) throws(MicsyncError) -> [FileVersion]
}

extension LocationBook {
    /// What `location` holds of `relativePath`, now and in its trash: one look per place (a host is asked
    /// once), never a walk of anything but that path. Throws when a host cannot be asked.
    public func versions(
        of relativePath: String, in location: Location, current: Bool = true, checksums: Bool = false
    ) throws(MicsyncError) -> [FileVersion] {
        guard let site = site(location) as? any HistorySite else { return [] }
        return try site.versions(of: RawPath.bytes(relativePath), current: current, checksums: checksums)
    }
}

extension LocationBook {
    /// The history of `relativePath` in each of `locations` that can be read now, in their order; each one
    /// that cannot (unplugged, a host that does not answer) is named on `terminal` and left out.
    public func history(of relativePath: String, in locations: [Location], checksums: Bool = false, terminal: Terminal)
        -> History
    {
        prefetch(locations)
        var found: [LocationVersions] = []
        for location in locations {
            let access = access(location)
            guard access.isAccessible else {
                terminal.notice(access.note(for: location))
                continue
            }
            do throws(MicsyncError) {
                found.append(
                    LocationVersions(
                        location: location, versions: try versions(of: relativePath, in: location, checksums: checksums)
                    ))
            } catch {
                terminal.notice("note: skipping \(location.heading): \(error.message)")
            }
        }
        return History(locations: found)
    }
}
