/// What an rsync failure means when one end is on another host, in the words a user acts on: rsync's own
/// lines name the files, not that the link broke or that the host lacks rsync.
enum RemoteRsyncFailure {
    /// The line that says what happened; nil when the exit code says nothing special about the host.
    static func explain(_ exitCode: Int32, messages: [String], host: String) -> String? {
        if let noise = messages.first(where: { $0.contains("is your shell clean") }) {
            return "\(host)'s shell prints text at login (\(noise)): rsync cannot talk through it; "
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
        case 255:
            let said = messages.last(where: { !$0.hasPrefix("rsync") }) ?? "ssh failed"
            return "cannot reach \(host): \(said)"
        default: return nil
        }
    }
}
