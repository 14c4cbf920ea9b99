import Foundation

/// Who holds a location's lock: the record a run leaves in `.micsync/lock.d/owner` (on a host or a disc of
/// this machine alike), one `key=value` a line: its host name, pid and command, and what proves that pid gone
/// (the process's start time, the machine id, the boot id and the PID namespace), when it started, a run id,
/// and `flock=1` when the holder also keeps the location's `flock` (a liveness lock: gone with its holder).
/// A record is text micsync did not write, as far as the reader knows: parsed leniently, shown escaped.
struct LockOwner: Sendable, CustomStringConvertible {
    let fields: [String: String]

    /// The record in `text`: lines (or tabs, as a host sends it), or an older record's words on one line.
    init(record text: String) {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" })
        let words = lines.count == 1 ? lines[0].split(separator: " ") : lines
        fields = Dictionary(
            words.compactMap { word in
                word.firstIndex(of: "=").map { (String(word[..<$0]), String(word[word.index(after: $0)...])) }
            }
        ) { first, _ in first }
    }

    private init(fields: [String: String]) {
        self.fields = fields
    }

    /// Whether the record names a holder (its host and pid).
    var namesSomeone: Bool { fields["host"] != nil && fields["pid"] != nil }

    /// This run, as its record says it; `holdingFlock`: it keeps the location's `flock` too.
    static func thisRun(run: String, holdingFlock: Bool) -> LockOwner {
        let here = ProcessIdentity.current
        var fields = [
            "host": ProcessIdentity.hostName, "pid": "\(getpid())", "run": run,
            "since": ISO8601DateFormatter().string(from: Date()),
            "command": DisplayName.readable(CommandLine.arguments.joined(separator: " ")),
        ]
        fields["start"] = here.start
        fields["machine"] = here.machine
        fields["boot"] = here.boot
        fields["pidns"] = here.pidNamespace
        if holdingFlock { fields["flock"] = "1" }
        return LockOwner(fields: fields)
    }

    /// The record as it is written: one `key=value` a line.
    var record: String {
        fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
    }

    var run: String? { fields["run"] }

    /// Its holder kept the location's `flock` for as long as it lived: whoever holds that flock now knows it
    /// is gone.
    var heldFlock: Bool { fields["flock"] == "1" }

    /// Whether its process is gone, on evidence that cannot be fooled: the same machine, boot and PID
    /// namespace as this process, and its pid is gone or was started at another time. A pid this process
    /// cannot see (another machine with the same host name, another PID namespace) is never such evidence.
    var isGone: Bool {
        guard let pid = ownPid else { return false }
        if kill(pid, 0) != 0 { return errno == ESRCH }
        // A process it may not look at (another user's, `hidepid`) says nothing.
        guard let start = ProcessIdentity.startTime(of: pid) else { return false }
        return start != fields["start"]
    }

    /// Whether it names a run of this machine that is still running.
    var isAliveHere: Bool { ownPid != nil && !isGone }

    /// Its pid, when the record is of this machine, this boot and this PID namespace.
    private var ownPid: pid_t? {
        let here = ProcessIdentity.current
        guard let machine = here.machine, fields["machine"] == machine, let boot = here.boot, fields["boot"] == boot,
            let namespace = here.pidNamespace, fields["pidns"] == namespace, fields["start"] != nil,
            let pid = fields["pid"].flatMap({ pid_t($0) }), pid > 0
        else { return nil }
        return pid
    }

    /// `host laptop, pid 4242: micsync backup -m docs (since 2026-12-05T00:10:00Z)`, escaped; "another
    /// process" when the record names nobody.
    var description: String {
        guard let host = fields["host"], let pid = fields["pid"] else { return "another process" }
        let command = fields["command"].map { ": " + $0 } ?? ""
        let since = fields["since"] ?? fields["started"]
        return DisplayName.readable("host \(host), pid \(pid)\(command)" + (since.map { " (since \($0))" } ?? ""))
    }
}

/// What tells this process apart from every other: its host name, and what proves a pid gone (the start
/// time of the process, the machine id, the boot id and the PID namespace).
struct ProcessIdentity: Sendable {
    let start: String?
    let machine: String?
    let boot: String?
    let pidNamespace: String?

    static var current: ProcessIdentity {
        ProcessIdentity(
            start: startTime(of: getpid()),
            machine: firstLine("/etc/machine-id") ?? firstLine("/var/lib/dbus/machine-id"),
            boot: firstLine("/proc/sys/kernel/random/boot_id"), pidNamespace: link("/proc/self/ns/pid"))
    }

    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "unknown host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// When `pid` started, in clock ticks after boot (`/proc/PID/stat`'s 22nd field, after the name, which
    /// may hold spaces and parentheses); nil when there is no such process.
    static func startTime(of pid: pid_t) -> String? {
        guard case .success(let data) = FileSystem.contents(of: "/proc/\(pid)/stat", limit: 4096),
            let text = String(data: data, encoding: .utf8), let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }

    private static func firstLine(_ path: String) -> String? {
        guard case .success(let data) = FileSystem.contents(of: path, limit: 4096) else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
        return line.flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func link(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = readlink(path, &buffer, buffer.count - 1)
        return count > 0 ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }
}
