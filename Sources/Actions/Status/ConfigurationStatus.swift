import Foundation
import MicsyncKit

/// The status of one configuration: each location as it is now.
struct ConfigurationStatus: Encodable {
    struct LocationStatus {
        let facts: LocationFacts
        /// BACKUPs only: when a successful run last wrote it, and whether that is too long ago.
        let age: BackupAge?
        let pending: Pending?
        /// Whether it is overdue by its `remind`.
        let overdue: Bool
        /// What its `.micsync/` holds (trash, half-copied files); nil where it cannot be looked at here.
        let holdings: StateHoldings?
    }

    /// What a backup from the WORKING `comparedWith` would find (--changes).
    struct Pending: Encodable {
        let comparedWith: String
        let new: Int
        let modified: Int
        let onlyInBackup: Int
    }

    /// When a configuration backs up by itself (its `auto` key), when `micsync watch` last did, and when its
    /// interval next comes round.
    struct Auto: Encodable {
        let plugged: Bool
        let everySeconds: Int?
        /// `when plugged in, every 1 d`, or `off`.
        let summary: String
        /// The start of the last automatic run, and its exit status.
        let lastRun: JournalEntry?
        /// nil without an interval.
        let nextDue: Date?

        init(_ configuration: Configuration, journal: [JournalEntry], now: Date) {
            let schedule = configuration.auto
            plugged = schedule.plugged
            everySeconds = schedule.every?.seconds
            summary = schedule.description
            lastRun = journal.last { $0.automatic == true && $0.configuration == configuration.name }
            nextDue = schedule.nextDue(after: lastRun?.start, now: now)
        }

        /// `everySeconds`, `lastRun`, `lastRunExitCode` and `nextDue` are null when there is none.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(plugged, forKey: .plugged)
            try container.encode(everySeconds, forKey: .everySeconds)
            try container.encode(summary, forKey: .summary)
            try container.encode(lastRun?.start, forKey: .lastRun)
            try container.encode(lastRun?.exitCode, forKey: .lastRunExitCode)
            try container.encode(nextDue, forKey: .nextDue)
        }

        enum CodingKeys: String, CodingKey { case plugged, everySeconds, summary, lastRun, lastRunExitCode, nextDue }
    }

    let name: String
    let auto: Auto
    /// Whether runs keep extended attributes and ACLs.
    let xattrs: Bool
    let acls: Bool
    /// The part of the locations looked at, relative to their roots ("" is everything).
    let paths: [String]
    let locations: [LocationStatus]

    /// With `countingChanges`, the rsync that counts each BACKUP's pending changes (--changes).
    init(
        _ scope: Scope, locations book: LocationBook, journal: [JournalEntry], countingChanges rsync: Rsync?,
        now: Date
    ) async throws(MicsyncError) {
        let configuration = scope.configuration
        book.prefetch(configuration.locations)
        let access = Dictionary(configuration.locations.map { ($0.path, book.access($0)) }) { first, _ in first }
        let accessible = Set(access.filter { $0.value.isAccessible }.map(\.key))
        var pending: [String: Pending] = [:]
        let source =
            scope.typedIn.role == .working && accessible.contains(scope.typedIn.path)
            ? scope.typedIn : configuration.working.first { accessible.contains($0.path) }
        let backups = configuration.backups.filter { accessible.contains($0.path) }
        if let rsync, let source, !backups.isEmpty {
            let plans = try await Comparison(source: source, scope: scope, locations: book).plans(backups, rsync: rsync)
            for (backup, plan) in zip(backups, plans) {
                pending[backup.path] = Pending(
                    comparedWith: source.path, new: plan.new.count,
                    modified: plan.modified.count, onlyInBackup: plan.deleted.count)
            }
        }
        name = configuration.name
        auto = Auto(configuration, journal: journal, now: now)
        (xattrs, acls) = (configuration.extendedMetadata.xattrs, configuration.extendedMetadata.acls)
        paths = scope.relativePaths
        locations = configuration.locations.map { location in
            let age = location.role == .backup ? BackupAge(location, of: configuration, journal: journal) : nil
            return LocationStatus(
                facts: LocationFacts(location, access: access[location.path] ?? .accessible, locations: book),
                age: age, pending: pending[location.path], overdue: age?.isOverdue(now: now) ?? false,
                holdings: accessible.contains(location.path) ? StateHoldings(of: location) : nil)
        }
    }
}

extension ConfigurationStatus.LocationStatus: Encodable {
    enum CodingKeys: String, CodingKey {
        case role, index, path, accessible, state, filesystem, freeBytes, lastBackup, remindSeconds, overdue, pending
        case holds
    }

    enum FilesystemKeys: String, CodingKey {
        case type, limits, symlinks, caseSensitive, permissions, timeGranularity, refusedCharacters, largestFile
    }

    /// `lastBackup` is null for a BACKUP never written ("never"), `remindSeconds` null without `remind`; both
    /// and `overdue` are absent for a WORKING. `holds` (trash and half-copied bytes) is absent where it could
    /// not be looked at.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let (location, access, filesystem) = (facts.location, facts.access, facts.filesystem)
        try container.encode(location.role.rawValue, forKey: .role)
        try container.encode(location.index, forKey: .index)
        try container.encode(location.path, forKey: .path)
        try container.encode(access.isAccessible, forKey: .accessible)
        try container.encode(access.reason, forKey: .state)
        if let filesystem {
            var nested = container.nestedContainer(keyedBy: FilesystemKeys.self, forKey: .filesystem)
            try nested.encode(filesystem.type, forKey: .type)
            try nested.encode(filesystem.summary, forKey: .limits)
            try nested.encode(filesystem.symlinks, forKey: .symlinks)
            try nested.encode(filesystem.caseSensitive, forKey: .caseSensitive)
            try nested.encode(filesystem.keepsPermissions, forKey: .permissions)
            try nested.encode(filesystem.timeGranularity, forKey: .timeGranularity)
            try nested.encode(String(filesystem.refusedCharacters), forKey: .refusedCharacters)
            try nested.encode(filesystem.largestFile, forKey: .largestFile)
        } else {
            try container.encodeNil(forKey: .filesystem)
        }
        try container.encode(facts.freeBytes, forKey: .freeBytes)
        if let age {
            try container.encode(age.lastWritten, forKey: .lastBackup)
            try container.encode(age.remind?.seconds, forKey: .remindSeconds)
            try container.encode(overdue, forKey: .overdue)
        }
        try container.encodeIfPresent(pending, forKey: .pending)
        try container.encodeIfPresent(holdings, forKey: .holds)
    }
}

/// Everything `micsync status` reports.
struct StatusDocument: Encodable {
    let configFile: String
    let configurations: [ConfigurationStatus]
}
