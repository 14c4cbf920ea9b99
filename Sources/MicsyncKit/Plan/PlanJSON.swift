import Foundation

/// JSON written as it goes, through large writes to stdout: a plan of a million paths is never held as one
/// document in memory. Keys come in the order written; callers write them sorted.
struct JSONStream {
    private var output: LineWriter
    /// Per open object or array: whether a value was written in it yet (so the next needs a comma).
    private var written: [Bool] = [false]

    init(to terminal: Terminal) {
        output = LineWriter(terminal)
    }

    mutating func object(_ key: String? = nil, _ body: (inout JSONStream) -> Void) {
        open(key, "{")
        body(&self)
        close("}")
    }

    mutating func array(_ key: String? = nil, _ body: (inout JSONStream) -> Void) {
        open(key, "[")
        body(&self)
        close("]")
    }

    mutating func value(_ key: String? = nil, _ text: String) { raw(key, Self.quoted(text)) }
    mutating func value(_ key: String? = nil, _ number: Int64) { raw(key, String(number)) }
    mutating func value(_ key: String? = nil, _ number: Int) { raw(key, String(number)) }
    mutating func value(_ key: String? = nil, _ flag: Bool) { raw(key, flag ? "true" : "false") }

    /// A location: `{"index": 0, "path": "/mnt/b", "role": "BACKUP"}`.
    mutating func location(_ key: String? = nil, _ location: Location) {
        object(key) {
            $0.value("index", location.index)
            $0.value("path", location.path)
            $0.value("role", location.role.rawValue)
        }
    }

    /// A list of paths: its bytes (files only), count, and each item with its size. A name that is valid
    /// UTF-8 is given exactly; any other readably (`\xNN`), with its exact bytes in `pathBase64`. `more` adds
    /// keys of the caller's to each item (sorting before "path"). With `sizesAt`, each file's size is read
    /// there (rsync reports none for deletions).
    mutating func pathList(
        _ key: String, _ list: PathList, sizesAt root: String? = nil,
        more: (PathList.Entry, inout JSONStream) -> Void = { _, _ in }
    ) {
        let size = { (entry: PathList.Entry) -> Int64 in
            // A directory's own size (4096 on ext4) is no data to copy or delete.
            if entry.isDirectory { return 0 }
            guard let root else { return entry.size }
            return FileSystem.status(root, entry.path).map { Int64($0.st_size) } ?? 0
        }
        object(key) { json in
            json.value("bytes", root == nil ? list.fileBytes : list.reduce(0) { $0 + size($1) })
            json.value("count", list.count)
            json.array("items") { json in
                for entry in list {
                    let exact = String(validating: entry.path, as: UTF8.self)
                    json.object { item in
                        more(entry, &item)
                        item.value("path", exact ?? entry.displayName)
                        if exact == nil { item.value("pathBase64", Data(entry.path).base64EncodedString()) }
                        item.value("size", size(entry))
                    }
                }
            }
        }
    }

    /// What a destination cannot hold: `"cannotStore": {"count": 1, "items": [{"path": …, "reason": …}]}`.
    mutating func unstorable(_ items: [Unstorable]) {
        object("cannotStore") { json in
            json.value("count", items.count)
            json.array("items") { json in
                for item in items {
                    json.object { json in
                        json.value("path", item.displayName)
                        json.value("reason", item.reason)
                    }
                }
            }
        }
    }

    /// Ends the document with a newline and writes out what is left.
    mutating func finish() {
        output.line("")
        output.flush()
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        raw(key, bracket)
        written.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadValues = written.removeLast()
        output.write((hadValues ? "\n" + indent : "").utf8)
        output.write(bracket.utf8)
    }

    private mutating func raw(_ key: String?, _ text: String) {
        let separator = written[written.count - 1] ? "," : ""
        written[written.count - 1] = true
        let lead = written.count > 1 ? "\n" + indent : ""
        output.write((separator + lead + (key.map { Self.quoted($0) + ": " } ?? "") + text).utf8)
    }

    private var indent: String { String(repeating: "  ", count: written.count - 1) }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// The plan of a sync run as one JSON document (`-n --json`), for scripts.
struct PlanDocument {
    let action: String
    let configuration: String
    let source: Location
    let plans: [(Location, Plan)]
    /// Whether the run may delete; otherwise `delete` is empty, as in the printed plan.
    let deleting: Bool
    /// The locations left out of the run, each with the reason.
    let skipped: [(Location, String)]

    init(
        action: String, configuration: String, source: Location, plans: [(Location, Plan)], deleting: Bool,
        skipped: [(Location, String)] = []
    ) {
        self.action = action
        self.configuration = configuration
        self.source = source
        self.plans = plans
        self.deleting = deleting
        self.skipped = skipped
    }

    /// The locations of `configuration` a run leaves out now, each with the reason.
    static func skipped(in configuration: Configuration, locations: LocationBook) -> [(Location, String)] {
        configuration.locations.compactMap { location in
            let access = locations.access(location)
            return access.isAccessible ? nil : (location, access.reason)
        }
    }

    /// Writes the document to stdout as it goes.
    func write(to terminal: Terminal) {
        var json = JSONStream(to: terminal)
        json.object { json in
            json.value("action", action)
            json.value("configuration", configuration)
            json.array("destinations") { json in
                for (location, plan) in plans {
                    json.object { json in
                        json.unstorable(plan.cannotStore)
                        json.pathList("delete", deleting ? plan.deleted : PathList(), sizesAt: location.path)
                        json.location("location", location)
                        json.pathList("modified", plan.modified) { entry, item in
                            if entry.isNewer(at: location.path, than: source.path) {
                                item.value("newerAtDestination", true)
                            }
                        }
                        json.pathList("new", plan.new)
                    }
                }
            }
            json.array("skipped") { json in
                for (location, reason) in skipped {
                    json.object { json in
                        json.location("location", location)
                        json.value("reason", reason)
                    }
                }
            }
            json.location("source", source)
        }
        json.finish()
    }
}

extension Encodable {
    /// This value as pretty-printed JSON with sorted keys, for stdout.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }
}
