/// The planning stage's result for one destination: its plan, the directory as it was when planned (checked
/// again before applying), and which modified items are newer at the destination.
struct PlannedDestination {
    let destination: Location
    let plan: Plan
    let check: LocationCheck?
    /// Positions in `plan.modified` of the items whose copy at the destination is newer than the source's.
    let newer: Set<Int>
}

/// Every destination planned, with the source's directory as it was then; those whose dry run failed are
/// outcomes already, with rsync's words, and the others go on.
struct PlannedRun {
    let sourceCheck: LocationCheck?
    var destinations: [PlannedDestination]
    var failed: [DestinationOutcome] = []
}
