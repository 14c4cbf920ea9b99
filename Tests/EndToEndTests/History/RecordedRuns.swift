import Foundation
import Testing

/// A scripted sequence of real runs (`backup -m --prune`) over a WORKING `w` whose folder `docs` is edited
/// between them (files changed, deleted, made again, renamed, a file turned into a folder and back), each
/// change and run in a second of its own, with the truth recorded after each run: the time, and every file
/// of `w/docs` with its bytes. The history tests ask micsync about those times.
struct RecordedRuns {
    /// One recorded moment: a time as `restore --at` takes it, and `w/docs` then (paths relative to `w`).
    struct Moment {
        let time: String
        let files: [String: String]
    }

    let box: Sandbox
    /// Added to every run (the ssh client configuration of a remote BACKUP).
    let environment: [String: String]
    private(set) var moments: [Moment] = []

    /// Every path the folder held at some moment.
    var paths: [String] { Set(moments.flatMap(\.files.keys)).sorted() }

    /// The edits before each run. `renames: false` leaves out the rename, for a disc that keeps no birth
    /// time (exFAT through FUSE), where a renamed file counts as there since it last changed (README).
    static func edits(renames: Bool = true) -> [[Edit]] {
        let c = renames ? "docs/sub/c2.txt" : "docs/sub/c.txt"
        return [
            [
                .write("docs/a.txt", "a1"), .write("docs/b.txt", "b1"), .write("docs/sub/c.txt", "c1"),
                .write("docs/t", "file t"),
            ],
            [.write("docs/a.txt", "a2, longer"), .remove("docs/b.txt")],
            [.write("docs/a.txt", "a3"), .remove("docs/t"), .write("docs/t/inner", "in")]
                + (renames ? [.rename("docs/sub/c.txt", c)] : [.write(c, "c2")]),
            [
                .write("docs/b.txt", "b3, new"), .write(c, "c changed"), .remove("docs/t"),
                .write("docs/t", "file t again"),
            ],
            [.write("docs/a.txt", "a4"), .remove("docs/sub")],
        ]
    }

    enum Edit {
        case write(String, String)
        case remove(String)
        case rename(String, String)
    }

    init(box: Sandbox, environment: [String: String] = [:]) {
        self.box = box
        self.environment = environment
    }

    /// Runs the edits and a `backup -m --prune` (deleting what it asks to) for each step, recording after each.
    mutating func run(_ steps: [[Edit]]) async throws {
        for edits in steps {
            Self.nextSecond()
            for edit in edits { try apply(edit) }
            try await box.expectRun(
                ["backup", "-m", "--prune", "w"], input: "d\n", environment: environment, status: 0)
            Self.nextSecond()
            moments.append(Moment(time: Self.now(), files: files()))
        }
    }

    private func apply(_ edit: Edit) throws {
        switch edit {
        case .write(let path, let text): try box.write(text, at: "w/" + path)
        case .remove(let path): try FileManager.default.removeItem(atPath: box.path("w/" + path))
        case .rename(let from, let to):
            try FileManager.default.moveItem(atPath: box.path("w/" + from), toPath: box.path("w/" + to))
        }
    }

    /// Every file below `w/docs` with its text, by path relative to `w`.
    func files(in root: String = "w") -> [String: String] {
        var files: [String: String] = [:]
        for item in box.tree(root + "/docs") where !item.hasSuffix("/") {
            files["docs/" + item] = box.read(root + "/docs/" + item)
        }
        return files
    }

    /// The local time now, to the second, as `restore --at` takes it.
    static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: Date())
    }

    /// Waits until the clock is into the next second: trash folders and `--at` count whole seconds, and
    /// each change must be in a second after the moment recorded before it. A file's times come from the
    /// kernel's coarse clock, a few milliseconds behind: the wait goes 50 ms past the turn.
    static func nextSecond() {
        let next = (Date().timeIntervalSince1970 + 1).rounded(.down) + 0.05
        while Date().timeIntervalSince1970 < next { usleep(10_000) }
    }
}
