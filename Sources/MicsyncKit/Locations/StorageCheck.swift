import Foundation

/// An item a destination's filesystem cannot hold, and why.
struct Unstorable: Sendable, Equatable {
    /// Relative to the location root; a directory ends with "/".
    let path: [UInt8]
    let reason: String

    var displayName: String { DisplayName.readable(path) }
}

/// Finds, among the items of one destination's plan, what its filesystem cannot hold: a symlink where
/// there are none, a refused name, two names in one folder that differ only in case on a case-insensitive
/// disc, a file over the size limit. They are taken out of the plan (with everything below them), so the
/// apply leaves them alone and the user is told: never a silent merge or skip.
struct StorageCheck: Sendable {
    let profile: FilesystemProfile
    private var found: [Unstorable] = []
    /// Case-folded path → the first path seen with it (case-insensitive discs only).
    private var folded: [String: [UInt8]] = [:]

    init(profile: FilesystemProfile) {
        self.profile = profile
    }

    /// Looks at one itemized source item (deletions have nothing to store).
    mutating func observe(_ item: ItemizedChange) {
        guard item.change != .deleted else { return }
        let path = item.path.last == UInt8(ascii: "/") ? Array(item.path.dropLast()) : item.path
        let name = String(decoding: path.split(separator: UInt8(ascii: "/")).last ?? [], as: UTF8.self)
        if let reason = reason(item, name: name) {
            found.append(Unstorable(path: item.path, reason: reason))
        }
        guard !profile.caseSensitive else { return }
        let key = String(decoding: path, as: UTF8.self).lowercased()
        if let first = folded[key] {
            if first != item.path {
                let names = (DisplayName.readable(first), DisplayName.readable(item.path))
                found.append(
                    Unstorable(
                        path: first,
                        reason: "differs only in case from \(names.1) (\(profile.type) is case-insensitive)"))
                found.append(
                    Unstorable(
                        path: item.path,
                        reason: "differs only in case from \(names.0) (\(profile.type) is case-insensitive)"))
            }
        } else {
            folded[key] = item.path
        }
    }

    private func reason(_ item: ItemizedChange, name: String) -> String? {
        if item.kind == .symlink, !profile.symlinks { return "a symlink; \(profile.type) cannot hold symlinks" }
        let refused = profile.refusedCharacters.filter(name.contains)
        if !refused.isEmpty {
            return "its name has \(refused.map { "'\($0)'" }.joined(separator: " ")), which \(profile.type) refuses"
        }
        if profile.refusesTrailingDotOrSpace, let last = name.last, last == "." || last == " ", name != ".",
            name != ".."
        {
            return "its name ends with \(last == "." ? "a dot" : "a space"), which \(profile.type) refuses"
        }
        if item.kind == .file, let largest = profile.largestFile, item.size > largest {
            return "\(ByteCount.readable(item.size)), larger than \(profile.type) can hold "
                + "(\(ByteCount.readable(largest)))"
        }
        return nil
    }

    /// Moves what cannot be stored out of `plan`'s lists into `plan.cannotStore`, everything below a
    /// refused folder with it (listed once, as the folder).
    func apply(to plan: inout Plan) {
        let (items, refused) = outermost()
        guard !items.isEmpty else { return }
        plan.new = Self.without(refused, plan.new)
        plan.modified = Self.without(refused, plan.modified)
        plan.attributesOnly = Self.without(refused, plan.attributesOnly)
        plan.cannotStore = items
    }

    /// Items only at the destination that the source's filesystem (this profile) could not hold are missing
    /// from the source for that reason, not because they were deleted: they are taken out of `plan.deleted`
    /// into `plan.keptUnstorable`, so that `work -D` from an exFAT disc never deletes `a:b` in the WORKING.
    static func keepWhatTheSourceCannotHold(
        in plan: inout Plan, at destination: Location,
        source profile: FilesystemProfile, locations: LocationBook
    ) {
        guard profile.hasLimits, !plan.deleted.isEmpty else { return }
        var check = StorageCheck(profile: profile)
        // What each item is, asked of the destination where it lives.
        let found = locations.entries(plan.deleted.map { Array($0.path) }, in: destination)
        for (index, entry) in plan.deleted.enumerated() {
            let info = found?[index]
            check.observe(
                ItemizedChange(change: .new, path: Array(entry.path), size: info?.size ?? 0, kind: info?.kind ?? .other)
            )
        }
        let (items, refused) = check.outermost()
        guard !items.isEmpty else { return }
        plan.deleted = without(refused, plan.deleted)
        plan.keptUnstorable = items
    }

    /// What was found, the items below a refused folder left out, and their paths without a trailing slash.
    private func outermost() -> (items: [Unstorable], paths: Set<[UInt8]>) {
        func bare(_ path: [UInt8]) -> [UInt8] { path.last == UInt8(ascii: "/") ? Array(path.dropLast()) : path }
        let refused = Set(found.map { bare($0.path) })
        var listed = Set<[UInt8]>()
        var items: [Unstorable] = []
        for item in found.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) {
            if Self.isBelow(bare(item.path), anyOf: refused) || listed.contains(item.path) { continue }
            listed.insert(item.path)
            items.append(item)
        }
        return (items, Set(items.map { bare($0.path) }))
    }

    private static func without(_ refused: Set<[UInt8]>, _ list: PathList) -> PathList {
        var kept = PathList()
        for entry in list {
            let bare = entry.isDirectory ? Array(entry.path.dropLast()) : Array(entry.path)
            if !refused.contains(bare), !isBelow(bare, anyOf: refused) { kept.append(entry.path, size: entry.size) }
        }
        return kept
    }

    /// Whether a folder above `path` (not `path` itself) is in `set`.
    private static func isBelow(_ path: [UInt8], anyOf set: Set<[UInt8]>) -> Bool {
        var index = path.endIndex
        while let slash = path[..<index].lastIndex(of: UInt8(ascii: "/")) {
            if set.contains(Array(path[..<slash])) { return true }
            index = slash
        }
        return false
    }
}
