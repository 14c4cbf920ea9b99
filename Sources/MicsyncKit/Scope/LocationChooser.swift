import Foundation

/// Picks the source and destinations of a run among a configuration's locations: from `--from`/`--to`
/// (an index or a path), from the location the paths were typed in, or from a menu of the accessible ones.
public struct LocationChooser {
    let scope: Scope
    let questions: Questions
    let resolver: PathResolver
    let locations: LocationBook
    /// What to do with a destination that does not exist yet and was never written to.
    public var newLocations = NewLocations.explain

    public enum NewLocations: Sendable {
        /// `--create`: make the folder.
        case create
        /// On a terminal: ask whether to make it.
        case ask
        /// Otherwise: skip it, saying how to make it.
        case explain
        /// `-n --create`: plan it as if it were made, make nothing.
        case pretend
    }

    public init(
        scope: Scope, questions: Questions, resolver: PathResolver, locations: LocationBook
    ) {
        self.scope = scope
        self.questions = questions
        self.resolver = resolver
        self.locations = locations
    }

    /// One location of `role`: the one named by `flag`, else the typed-in one, else the only accessible one,
    /// else the user's choice.
    public func one(_ role: Role, named flag: [String], purpose: String, excluding: [Location] = [])
        throws(MicsyncError) -> Location
    {
        if !flag.isEmpty {
            guard flag.count == 1 else { throw .usage("give only one \(role.rawValue) as the \(purpose)") }
            return try named(flag[0], role: role, purpose: purpose)
        }
        if scope.typedIn.role == role, !excluding.contains(scope.typedIn) {
            return try accessible(scope.typedIn, purpose: purpose)
        }
        let candidates = try accessibleCandidates(role, purpose: purpose, excluding: excluding)
        guard candidates.count > 1 else { return candidates[0] }
        let picked = try questions.choose("Which \(role.rawValue) is the \(purpose)?", from: menu(candidates))
        return candidates.first { $0.index == picked[0] }!
    }

    /// Several locations of `role`: those named by `flag`, else every accessible one (`all`), else the
    /// user's choice of one or more.
    public func several(
        _ role: Role, named flag: [String], purpose: String, excluding: [Location] = [],
        all: Bool
    ) throws(MicsyncError) -> [Location] {
        if !flag.isEmpty {
            var picked: [Location] = []
            for name in flag {
                let location = try named(name, role: role, purpose: purpose)
                guard !excluding.contains(location) else {
                    throw .usage("\(location.path) cannot be both the source and a \(purpose)")
                }
                if !picked.contains(location) { picked.append(location) }
            }
            return picked
        }
        let candidates = try accessibleCandidates(role, purpose: purpose, excluding: excluding)
        guard candidates.count > 1, !all else { return candidates }
        let picked = try questions.choose(
            "Which \(role.rawValue)s are the \(purpose)s?", from: menu(candidates), several: true)
        return candidates.filter { picked.contains($0.index) }
    }

    private func menu(_ locations: [Location]) -> [(number: Int, label: String)] {
        locations.map { ($0.index, $0.path) }
    }

    /// Accessible locations of `role`, noting each one skipped; an error when none is left.
    private func accessibleCandidates(_ role: Role, purpose: String, excluding: [Location]) throws(MicsyncError)
        -> [Location]
    {
        let all = scope.configuration.locations(role).filter { !excluding.contains($0) }
        var accessible: [Location] = []
        var skipped: [String] = []
        for location in all {
            let access = try usable(location, purpose: purpose)
            if access.isAccessible {
                accessible.append(location)
            } else {
                questions.terminal.notice(access.note(for: location))
                skipped.append("  \(location.path): \(access.reason)")
            }
        }
        guard !accessible.isEmpty else {
            throw .notFound(
                all.isEmpty
                    ? "configuration \"\(scope.configuration.name)\" has no other \(role.rawValue) to be the \(purpose)"
                    : "no \(role.rawValue) of configuration \"\(scope.configuration.name)\" is accessible "
                        + "as the \(purpose):\n"
                        + skipped.joined(separator: "\n"))
        }
        return accessible
    }

    /// The location's access, after creating it when it is a new destination and that is wanted.
    private func usable(_ location: Location, purpose: String) throws(MicsyncError) -> LocationAccess {
        let access = locations.access(location)
        // Only a destination is worth creating: an empty source has nothing to copy.
        guard access == .new else { return access }
        guard purpose == "destination" else { return .missing }
        switch newLocations {
        case .explain: return access
        case .pretend:
            questions.terminal.note("would create \(location.heading)")
            return .accessible
        case .ask:
            let host = location.remote.map { $0.destination + ": " } ?? ""
            let place = locations.landing(location).map { " on \(host)\($0)" } ?? ""
            let question = "\(location.heading) does not exist yet; create it\(place)?"
            guard try questions.ask(question, [.yes, .no]) == .yes else { return access }
        case .create: break
        }
        try locations.create(location)
        questions.terminal.note("created \(location.heading)")
        return locations.access(location)
    }

    /// `--from`/`--to` value: the location's index in the config or its path.
    private func named(_ name: String, role: Role, purpose: String) throws(MicsyncError) -> Location {
        let locations = scope.configuration.locations(role)
        let match =
            Int(name).flatMap { number in locations.first { $0.index == number } }
            ?? locations.first { $0.path == resolver.location(name) }
        guard let match else {
            let list = locations.map { "  \($0.index): \($0.path)" }.joined(separator: "\n")
            throw .usage(
                "\"\(name)\" is not a \(role.rawValue) of configuration \"\(scope.configuration.name)\"; "
                    + "choose one of:\n\(list)"
            )
        }
        return try accessible(match, purpose: purpose)
    }

    private func accessible(_ location: Location, purpose: String) throws(MicsyncError) -> Location {
        let access = try usable(location, purpose: purpose)
        guard access.isAccessible else {
            throw .notFound(
                "the \(purpose), \(location.heading), is not accessible: \(access.reason)"
                    + (access.hint(for: location).map { "; " + $0 } ?? ""))
        }
        return location
    }
}

extension LocationChooser {
    /// Source and destinations in `direction`, as BEHAVIOR's table of actions has them: one source; from a
    /// WORKING, every accessible BACKUP (or those of --to); to a WORKING, one of them; from a BACKUP to
    /// BACKUPs, the others chosen (several may be).
    public func endpoints(_ direction: Direction, _ options: RunOptions) throws(MicsyncError) -> Endpoints {
        let source = try one(direction.from, named: options.from, purpose: "source")
        let destinations: [Location] =
            switch (direction.from, direction.to) {
            case (_, .working):
                [try one(.working, named: options.to, purpose: "destination", excluding: [source])]
            case (.working, .backup):
                try several(.backup, named: options.to, purpose: "destination", all: true)
            case (.backup, .backup):
                try several(.backup, named: options.to, purpose: "destination", excluding: [source], all: false)
            }
        return Endpoints(source: source, destinations: destinations)
    }
}
