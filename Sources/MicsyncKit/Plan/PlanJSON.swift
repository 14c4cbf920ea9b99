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
    /// keys of the caller's to each item (sorting before "path"), given the item's position. With `sizes`,
    /// each item's size is the one given there (rsync reports none for deletions).
    mutating func pathList(
        _ key: String, _ list: PathList, sizes: [Int64]? = nil,
        more: (Int, inout JSONStream) -> Void = { _, _ in }
    ) {
        // A directory's own size (4096 on ext4) is no data to copy or delete.
        let sized = list.enumerated().lazy.map { index, entry in
            (entry, entry.isDirectory ? 0 : sizes.map { $0[index] } ?? entry.size)
        }
        object(key) { json in
            json.value("bytes", sized.reduce(0) { $0 + $1.1 })
            json.value("count", list.count)
            json.array("items") { json in
                for (index, (entry, size)) in sized.enumerated() {
                    let exact = String(validating: entry.path, as: UTF8.self)
                    json.object { item in
                        more(index, &item)
                        item.value("path", exact ?? entry.displayName)
                        if exact == nil { item.value("pathBase64", Data(entry.path).base64EncodedString()) }
                        item.value("size", size)
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
    /// One destination's plan, with what its host was asked: which modified items are newer there, and
    /// the size of each item to delete (rsync reports none).
    struct Destination {
        let location: Location
        let plan: Plan
        let newer: Set<Int>
        let deletedSizes: [Int64]
    }

    let action: String
    let configuration: String
    let source: Location
    let plans: [Destination]
    /// Whether the run may delete; otherwise `delete` is empty, as in the printed plan.
    let deleting: Bool
    /// The locations left out of the run, each with the reason.
    let skipped: [(Location, String)]

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
                for destination in plans {
                    let plan = destination.plan
                    json.object { json in
                        json.unstorable(plan.cannotStore)
                        json.pathList("delete", deleting ? plan.deleted : PathList(), sizes: destination.deletedSizes)
                        json.location("location", destination.location)
                        json.pathList("modified", plan.modified) { index, item in
                            if destination.newer.contains(index) { item.value("newerAtDestination", true) }
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
