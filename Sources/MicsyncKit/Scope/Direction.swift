/// Which roles an action's source and destinations have: what `--from` and `--to` accept and complete.
public struct Direction: Sendable, Equatable {
    public let from: Role
    public let to: Role

    public init(from: Role, to: Role) {
        self.from = from
        self.to = to
    }

    public static let workingToBackup = Direction(from: .working, to: .backup)
    public static let backupToWorking = Direction(from: .backup, to: .working)
    public static let backupToBackup = Direction(from: .backup, to: .backup)
}
