import Foundation

/// The plan of a sync run as one JSON document (`-n --json`), for scripts.
public struct PlanDocument: Encodable {
    public struct Destination: Encodable {
        let location: LocationJSON
        let new: PathListJSON
        let modified: PathListJSON
        let delete: PathListJSON
    }

    let action: String
    let configuration: String
    let source: LocationJSON
    let destinations: [Destination]

    /// - Parameter deleting: whether the run may delete; otherwise `delete` is empty, as in the printed plan.
    public init(action: String, configuration: String, source: Location, plans: [(Location, Plan)], deleting: Bool) {
        self.action = action
        self.configuration = configuration
        self.source = LocationJSON(source)
        destinations = plans.map { location, plan in
            Destination(location: LocationJSON(location), new: PathListJSON(plan.new),
                        modified: PathListJSON(plan.modified), delete: PathListJSON(deleting ? plan.deleted : PathList()))
        }
    }
}

/// A location in JSON documents: `{"role": "BACKUP", "index": 0, "path": "/mnt/b"}`.
public struct LocationJSON: Encodable {
    public let role: String
    public let index: Int
    public let path: String

    public init(_ location: Location) {
        role = location.role.rawValue
        index = location.index
        path = location.path
    }
}

/// A list of paths in JSON documents: count, bytes of the files in it, and each item with its size. A name that is
/// valid UTF-8 is given exactly; any other is given readably (`\xNN` escapes) with its exact bytes in
/// `pathBase64`.
public struct PathListJSON: Encodable {
    struct Item: Encodable {
        let path: String
        let size: Int64
        let pathBase64: String?
    }

    let count: Int
    let bytes: Int64
    let items: [Item]

    public init(_ list: PathList) {
        count = list.count
        bytes = list.filter { !$0.isDirectory }.reduce(0) { $0 + $1.size }
        items = list.map { entry in
            let exact = String(validating: entry.path, as: UTF8.self)
            return Item(path: exact ?? entry.displayName, size: entry.size,
                        pathBase64: exact == nil ? Data(entry.path).base64EncodedString() : nil)
        }
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
