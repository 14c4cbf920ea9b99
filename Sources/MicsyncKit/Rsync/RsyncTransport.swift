/// How rsync reaches a destination when it or the source is on another host.
enum RsyncTransport: Sendable, Equatable {
    /// rsync runs here and talks to the host's rsync through ssh: its `-e` and how names travel.
    case ssh(options: [String])
    /// Both ends are on one host (a restore from its trash): rsync cannot copy between two places of another
    /// machine, so it runs there, started by `command` (ssh running `/bin/sh -s`), and names the host's paths.
    case onHost(RemotePath, command: [String])

    /// The options rsync gets for it.
    var options: [String] {
        guard case .ssh(let options) = self else { return [] }
        return options
    }

    /// The command that runs rsync on the host; nil when rsync runs here.
    var hostCommand: [String]? {
        guard case .onHost(_, let command) = self else { return nil }
        return command
    }

    /// `line`, an rsync command, as it can be pasted to run where this transport runs it: through ssh when
    /// that is on the host (its login shell reads the line once more).
    func pasteable(_ line: String) -> String {
        guard case .onHost(let host, _) = self else { return line }
        return host.sshLine(line)
    }
}
