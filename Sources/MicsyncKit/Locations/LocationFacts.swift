/// What one location is now, as `status` and `config show` show it: accessible or why not, and for an
/// accessible one its filesystem and free space.
public struct LocationFacts: Sendable {
    public let location: Location
    public let access: LocationAccess
    public let filesystem: FilesystemProfile?
    public let freeBytes: Int64?

    public init(_ location: Location, access: LocationAccess, locations: LocationBook) {
        self.location = location
        self.access = access
        filesystem = access.isAccessible ? locations.profile(location) : nil
        freeBytes = access.isAccessible ? locations.freeBytes(location) : nil
    }

    /// The row's first cells: role, number, path, and `accessible` or `not accessible`.
    public var cells: [TextTable.Cell] {
        [
            .init(location.role.rawValue), .init("\(location.index)"), .init(location.path),
            access.isAccessible ? .init("accessible", .green) : .init("not accessible", .red),
        ]
    }

    /// The line under the row: its filesystem and limits, or why it cannot be used.
    public var detail: TextTable.Cell {
        filesystem.map { .init($0.summary) } ?? .init(access.reason, .red)
    }
}
