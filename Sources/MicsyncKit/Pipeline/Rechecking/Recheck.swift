/// The re-check stage, run right before each apply pass (a disc unplugged after the first pass gets no
/// more): are the source and the destination still the directories planned, and are micsync's own folders
/// there real folders (made, with the marker, the first time the run writes there)? It never touches the user's files.
@MainActor
struct Recheck {
    let source: Location
    /// The source's directory when it was planned.
    let sourceCheck: LocationCheck?
    let locations: LocationBook

    /// Why nothing may be written to `destination` now; nil when it may. `trash`: the run may keep something
    /// in a trash there.
    func whyNot(writing destination: Location, plannedAs check: LocationCheck?, trash: Bool = false) -> String? {
        if let why = LocationCheck.change(in: source, since: sourceCheck, now: locations.check(source)) {
            return why + "; nothing was written to \(destination.path)"
        }
        if let why = LocationCheck.change(in: destination, since: check, now: locations.check(destination)) {
            return why + "; nothing was written there"
        }
        do throws(MicsyncError) {
            try locations.prepareForWriting(destination, trash: trash)
        } catch { return error.message }
        return nil
    }
}
