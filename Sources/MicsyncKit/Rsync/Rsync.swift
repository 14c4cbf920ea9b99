import Foundation
import Subprocess
import Synchronization

/// The rsync executable micsync runs for every file operation: found on PATH, version checked once per run.
public struct Rsync: Sendable {
    static let minimumVersion = [3, 1, 3]
    static let installHint = "install it with your package manager, e.g. `apt-get install rsync`"

    let executable: String
    /// util-linux `setpriv`, which makes rsync die with micsync (its parent-death signal); nil where missing.
    let setpriv: String?
    /// Where the signals micsync receives are passed on to the rsync that runs.
    let interruption: Interruption

    /// Finds rsync on PATH and checks that it is at least 3.1.3.
    public static func locate(
        interruption: Interruption, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(MicsyncError) -> Rsync {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        func find(_ name: String) -> String? {
            directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard let executable = find("rsync") else {
            throw .usage(
                "rsync was not found on PATH; micsync needs rsync "
                    + "\(minimumVersion.map(String.init).joined(separator: ".")) or newer: \(installHint)"
            )
        }
        let rsync = Rsync(
            executable: executable,
            setpriv: find("setpriv")
                ?? ["/usr/bin/setpriv", "/bin/setpriv"]
                .first { FileManager.default.isExecutableFile(atPath: $0) },
            interruption: interruption)
        let output: String
        do {
            output = try await Subprocess.run(
                .path(.init(executable)), arguments: ["--version"],
                output: .string(limit: 64 * 1024)
            ).standardOutput
        } catch {
            throw .usage("cannot run \(executable): \(error)")
        }
        guard let version = parseVersion(output) else {
            throw .usage("cannot tell the version of \(executable); micsync needs rsync 3.1.3 or newer")
        }
        guard version.lexicographicallyPrecedes(minimumVersion) == false else {
            throw .usage(
                "\(executable) is version \(version.map(String.init).joined(separator: ".")); "
                    + "micsync needs rsync 3.1.3 or newer: \(installHint)"
            )
        }
        return rsync
    }

    /// "rsync  version 3.2.7  protocol version 31" → [3, 2, 7]
    static func parseVersion(_ output: String) -> [Int]? {
        guard let range = output.range(of: #"version\s+v?(\d+)\.(\d+)\.(\d+)"#, options: .regularExpression) else {
            return nil
        }
        let numbers = output[range].split { !$0.isNumber }.compactMap { Int($0) }
        return numbers.count == 3 ? numbers : nil
    }

    /// What an rsync run ended with.
    struct Outcome: Sendable {
        let exitCode: Int32
        /// rsync's messages on stderr, in order.
        let messages: [String]

        /// rsync's 23 and 24: the rest was done, some files were not (unreadable, vanished, in the way).
        var isPartial: Bool { exitCode == 23 || exitCode == 24 }

        /// What went wrong, each line naming a file, without rsync's closing summary line.
        var problems: [String] {
            messages.filter { !$0.hasPrefix("rsync error: some files") && !$0.hasPrefix("rsync warning: some files") }
        }
    }

    /// Runs rsync with `arguments` (never through a shell), handing each stdout line to `onLine` as it arrives,
    /// while stderr is collected concurrently. A signal that micsync receives meanwhile goes to rsync.
    ///
    /// rsync dies with micsync: `setpriv --pdeathsig` sends it SIGTERM when the thread that started it ends,
    /// so it is started from the main thread, which lives as long as micsync. rsync runs in a process group
    /// of its own, and this returns only once every process of it is gone (rsync forks, and its children
    /// can outlive the first process). With `lock`, rsync's stdin is the lock file (rsync never reads it),
    /// and a holder process keeps it too until the group is empty: the lock stays held as long as any rsync
    /// process lives, even when micsync is killed.
    ///
    /// With `hostCommand` (ssh running `/bin/sh -s` on a host), rsync runs on that host instead: the
    /// command reads a script that starts it there (`HostScript.rsync`), and a lock there is the host's.
    @MainActor
    func run(
        _ arguments: [String], holding lock: LocationLock? = nil, on hostCommand: [String]? = nil,
        onLine: (ArraySlice<UInt8>) -> Void
    ) async throws(MicsyncError) -> Outcome {
        let command = hostCommand ?? [executable] + arguments
        let (program, words) =
            setpriv.map { ($0, ["--pdeathsig", "TERM", "--"] + command) } ?? (command[0], Array(command.dropFirst()))
        let input =
            try hostCommand.map { _ throws(MicsyncError) in try Self.scriptFile(HostScript.rsync(arguments)) }
            ?? lock?.descriptor ?? open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .rsync("cannot open /dev/null: \(String(cString: strerror(errno)))") }
        defer { if lock?.descriptor != input { close(input) } }
        var platform = PlatformOptions()
        platform.processGroupID = 0
        let started = Started(interruption: interruption)
        do {
            let result = try await Subprocess.run(
                .path(.init(program)),
                // NUL-terminated: swift-subprocess hands raw-byte arguments to strdup as they are.
                arguments: Arguments(words.map { RawPath.bytes($0) + [0] }),
                platformOptions: platform,
                input: .fileDescriptor(.init(rawValue: input), closeAfterSpawningProcess: false),
                output: .sequence, error: .sequence
            ) { execution in
                let pid = execution.processIdentifier.value
                started.set(
                    group: pid,
                    holder: lock?.descriptor.flatMap { ProcessGroup.startHolder(of: $0, untilGone: pid) })
                async let messages = Self.lines(of: execution.standardError)
                var splitter = LineSplitter()
                for try await buffer in execution.standardOutput {
                    buffer.withUnsafeBytes { splitter.feed($0, onLine) }
                }
                splitter.finish(onLine)
                return try await messages
            }
            await started.waitUntilGone()
            let code: Int32 =
                switch result.terminationStatus {
                case .exited(let code): code
                case .signaled(let signal): 128 + signal
                }
            return Outcome(exitCode: code, messages: result.closureResult)
        } catch {
            started.stop()
            await started.waitUntilGone()
            throw .rsync("cannot run \(executable): \(error)")
        }
    }

    /// A descriptor reading `script` from a temporary file already unlinked: nothing left behind, even
    /// after `kill -9`.
    private static func scriptFile(_ script: [UInt8]) throws(MicsyncError) -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/micsync-script-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw .io("cannot write a temporary file: \(String(cString: strerror(errno)))") }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        unlink(template)
        let written = script.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == script.count, lseek(descriptor, 0, SEEK_SET) == 0 else {
            close(descriptor)
            throw .io("cannot write a temporary file: \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    /// rsync's process group and the lock's holder process, once started. The group gets micsync's signals
    /// until its last process is gone, not only while the first one runs.
    private final class Started: Sendable {
        private let processes = Mutex<(group: pid_t?, holder: ProcessGroup.LockHolder?, key: Int?)>((nil, nil, nil))
        let interruption: Interruption

        init(interruption: Interruption) {
            self.interruption = interruption
        }

        func set(group: pid_t, holder: ProcessGroup.LockHolder?) {
            let key = interruption.register(group: group)
            processes.withLock { $0 = (group, holder, key) }
        }

        func stop() {
            if let group = processes.withLock({ $0.group }) { ProcessGroup.send(SIGTERM, to: group) }
        }

        /// Returns once no process of rsync's group is left and the holder has let the lock go.
        func waitUntilGone() async {
            let (group, holder, key) = processes.withLock { $0 }
            if let group { await ProcessGroup.waitUntilGone(group) }
            if let key { interruption.unregister(key) }
            if let holder { await holder.release() }
        }
    }

    private static func lines(of stream: SubprocessOutputSequence) async throws -> [String] {
        var splitter = LineSplitter()
        var lines: [String] = []
        let collect: (ArraySlice<UInt8>) -> Void = { lines.append(String(decoding: $0, as: UTF8.self)) }
        for try await buffer in stream {
            buffer.withUnsafeBytes { splitter.feed($0, collect) }
        }
        splitter.finish(collect)
        return lines
    }
}

/// Cuts a byte stream into lines, at "\n" and at the "\r" that rsync's progress redraws with (a name that
/// holds either is escaped as `\#ooo`), without holding more than the current partial line.
struct LineSplitter {
    private var pending: [UInt8] = []

    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ onLine: (ArraySlice<UInt8>) -> Void) {
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        {
            if pending.isEmpty {
                onLine(ArraySlice(bytes[start..<newline]))
            } else {
                pending.append(contentsOf: bytes[start..<newline])
                onLine(pending[...])
                pending.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        pending.append(contentsOf: bytes[start...])
    }

    mutating func finish(_ onLine: (ArraySlice<UInt8>) -> Void) {
        if !pending.isEmpty { onLine(pending[...]) }
        pending.removeAll()
    }
}
