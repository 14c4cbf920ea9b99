/// What an rsync failure means when one end is on another host, in the words a user acts on: rsync's own
/// lines name the files, not that the link broke or that the host lacks rsync.
enum RemoteRsyncFailure {
    /// rsync's `--timeout` in seconds when one end is on another host (exit 30 when it passes). ssh's
    /// keep-alives catch a dead link (45 s); this catches the rest of a stall, such as a host whose disc or
    /// rsync hangs while its link lives. rsync keeps an idle but healthy transfer alive with its own messages,
    /// so only a stall trips it; 120 s leaves room for a NAS disc spinning up or a slow first file list.
    static let timeout = 120

    /// The line that says what happened; nil when the exit code says nothing special about the host.
    static func explain(_ exitCode: Int32, messages: [String], host: String) -> String? {
        if let noise = messages.first(where: { $0.contains("is your shell clean") }) {
            return
                "\(host)'s shell prints text at login (\(DisplayName.readable(noise))): rsync cannot talk through it; "
                + "make its startup files quiet for commands (`ssh \(host) true` must print nothing)"
        }
        // Through a shared connection the host's 127 reaches rsync as a broken stream (12): its shell's
        // own words say it.
        let missing = messages.contains { $0.contains("rsync: not found") || $0.contains("rsync: command not found") }
        if exitCode == 127 || missing {
            return "rsync is not installed on \(host); install it there (rsync 3.1.3 or newer)"
        }
        // ssh's 255 after the stream had begun is a link that died, not a host that could not be reached.
        let broken = messages.contains {
            $0.contains("Broken pipe") || ($0.contains("connection unexpectedly closed") && !$0.contains("(0 bytes"))
        }
        switch exitCode {
        case 12,
            255 where broken:
            return "connection to \(host) lost; run the same command again"
        case 30:
            return "connection to \(host) timed out (no data for \(timeout) s); run the same command again"
        case 255:
            let said = messages.last(where: { !$0.hasPrefix("rsync") }) ?? "ssh failed"
            return "cannot reach \(host): \(said)"
        default: return nil
        }
    }
}
