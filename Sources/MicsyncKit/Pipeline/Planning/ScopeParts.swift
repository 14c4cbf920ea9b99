import Foundation

/// Disjoint parts of a scope, each planned by a dry run of its own at the same time (the fpsync idea: one
/// rsync walks with about one core, however many the machine has). The folders right below the scope's root
/// are cut, in rsync's order, into runs of neighbours; each part is the scope with filter rules added after
/// the run's own, so that an exclude still wins. The first part holds everything no other part names (the
/// files at the top, odd names, what only the destination has): the parts cover the scope exactly once, and
/// no part deletes what another one plans, since rsync never deletes what it excludes.
struct ScopeParts {
    /// A folder list longer than this would make command lines too long to be worth it.
    static let mostFolders = 10_000

    /// Each part's added filter rules, in the order their plans read as one; `[[]]` for a single part.
    let filters: [[String]]

    init(filters: [[String]]) {
        self.filters = filters
    }

    /// `count` parts of the scope rooted at `relative` in `sourceRoot` (the location's directory).
    init(sourceRoot: String, relative: String, count: Int) {
        guard count > 1, Self.isPlain(Array(relative.utf8), allowingSlashes: true) else {
            filters = [[]]
            return
        }
        let prefix = "/" + (relative.isEmpty ? "" : relative + "/")
        let folders = Self.plainFolders(in: relative.isEmpty ? sourceRoot : sourceRoot + "/" + relative)
        guard folders.count >= 2, folders.count <= Self.mostFolders else {
            filters = [[]]
            return
        }
        let runs = Self.runs(folders, count: min(count, folders.count)).map { run in
            run.map { prefix + String(decoding: $0, as: UTF8.self) }
        }
        let others = runs.dropFirst().flatMap { $0 }
        filters =
            [others.map { "--exclude=\($0)" }]
            + runs.dropFirst().map { run in run.map { "--include=\($0)" } + ["--exclude=\(prefix)*"] }
    }

    /// `folders` in `count` runs of neighbours, as even as can be.
    static func runs(_ folders: [[UInt8]], count: Int) -> [[[UInt8]]] {
        (0..<count).map { part in
            Array(folders[(part * folders.count / count)..<((part + 1) * folders.count / count)])
        }
    }

    /// The folders of `directory` whose names a filter rule matches as they are, in rsync's order (a folder
    /// sorts as its name with a `/`, so `a.b/` comes before `a/`); `.micsync` left out.
    static func plainFolders(in directory: String) -> [[UInt8]] {
        guard let stream = RawPath.withCString(directory, { opendir($0) }) else { return [] }
        defer { closedir(stream) }
        var folders: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name != Array(".".utf8), name != Array("..".utf8), name != Array(StateFolder.name.utf8),
                isPlain(name, allowingSlashes: false)
            else { continue }
            let isFolder =
                entry.pointee.d_type == UInt8(DT_DIR)
                || (entry.pointee.d_type == UInt8(DT_UNKNOWN)
                    && FileSystem.isDirectory(directory + "/" + String(decoding: name, as: UTF8.self)))
            if isFolder { folders.append(name) }
        }
        return folders.sorted { ($0 + [UInt8(ascii: "/")]).lexicographicallyPrecedes($1 + [UInt8(ascii: "/")]) }
    }

    /// A name that means itself in a filter rule: printable UTF-8 without rsync's wildcards and escape,
    /// without white space at either end.
    static func isPlain(_ name: [UInt8], allowingSlashes: Bool) -> Bool {
        guard let text = String(validating: name, as: UTF8.self), text == text.trimmingCharacters(in: .whitespaces)
        else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            !CharacterSet.controlCharacters.contains(scalar) && !"*?[\\".unicodeScalars.contains(scalar)
                && (allowingSlashes || scalar != "/")
        }
    }
}
