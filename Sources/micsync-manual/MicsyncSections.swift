/// What micsync's page says beyond `--help`: exit status, configuration, environment, files, see also.
enum MicsyncSections {
    static let all: [ManPage.Section] = [exitStatus, configuration, remoteLocations, environment, files, seeAlso]

    static let maintainerTool: [ManPage.Section] = [ManPage.Section(title: "See also", lines: [".BR micsync (1)"])]

    static let exitStatus = ManPage.Section(
        title: "Exit status",
        lines: table([
            ("0", "Done, or nothing to do."),
            ("1", "rsync failed, or finished partially (some files could not be copied; each is named)."),
            ("2", "Usage or configuration error."),
            (
                "3",
                "A path or location could not be found or accessed (with --strict, also: a location was skipped; "
                    + "status --strict: a BACKUP is overdue)."
            ),
            ("4", "Cancelled: a question was declined with q or got no answer; nothing changed."),
            ("5", "Refused by a safety guard (mass delete, lock held); nothing changed."),
            ("129", "Interrupted by SIGHUP."),
            ("130", "Interrupted by SIGINT (Ctrl-C) or SIGQUIT."),
            ("143", "Interrupted by SIGTERM."),
        ]))

    static let configuration = ManPage.Section(
        title: "Configuration",
        lines: [
            ".PP",
            "micsync reads the first of these files that exists:",
            ".IP 1. 4", Roff.bold("--config") + " " + Roff.italic("FILE"),
            ".IP 2. 4", Roff.bold("$MICSYNC_CONFIG"),
            ".IP 3. 4", Roff.escape("`$XDG_CONFIG_HOME/micsync/config.json` (default `~/.config/micsync/config.json`)"),
            ".IP 4. 4", Roff.escape("`~/.micsync.json`, the original micsync's file"),
            ".PP",
            Roff.escape(
                "`micsync config path` says which one is in use and why, `micsync config init` writes a starter "
                    + "file, `micsync config check` lists every problem in it."),
            ".PP",
            Roff.escape(
                "The file is a JSON object whose `configs` list holds the CONFIGURATIONs. Each one links WORKING "
                    + "locations (where you work on the data) with BACKUP locations (the discs that keep copies):"),
        ]
            + table([
                ("name", "The configuration's name (required), for --config-name and messages."),
                ("work", "The WORKING locations: a list of directory paths (required, at least one)."),
                (
                    "backup",
                    "The BACKUP locations: a list of directory paths (required, at least one); a BACKUP may also be "
                        + "{\"path\": PATH, \"remind\": DURATION}, with its own remind."
                ),
                ("exclude", "rsync filter patterns left out of every action of this configuration (optional)."),
                (
                    "trash",
                    "Keep what a run overwrites or deletes in LOCATION/.micsync/trash (true or false; default true)."
                ),
                (
                    "maxDeletePercent",
                    "The mass-delete guard: refuse a run that would delete more than this share of "
                        + "the files in the destination's scope (default 50)."
                ),
                (
                    "xattrs, acls",
                    "Keep extended attributes, ACLs (true or false; default false: reading them makes every run "
                        + "about 2.5 times slower; --xattrs and --acls ask for them in one run)."
                ),
                (
                    "auto",
                    "When the configuration is to back up by itself: \"plugged\", an interval (90s, 30m, 12h, 1d, 2w), "
                        + "or a list of both (optional; micsync watch acts on it, status shows it)."
                ),
                (
                    "remind",
                    "How old a BACKUP may get (90s, 30m, 12h, 7d, 2w): one whose last successful run ended longer "
                        + "ago, or that was never written, is overdue; status marks it, status --strict exits 3, "
                        + "micsync watch tells it once (optional; without it nothing is overdue)."
                ),
                (
                    "keep",
                    "Which trash folders each successful run leaves in the locations it wrote, by restic's rules: "
                        + "an object of last, hourly, daily, weekly, monthly, yearly (counts), within (an age) "
                        + "and pruneDeleted (true or false), as micsync trash purge --keep-... takes them "
                        + "(optional; without it the trash only grows)."
                ),
            ]) + [
                ".PP",
                Roff.escape(
                    "Paths may start with `~`. Within a configuration, locations are numbered from 0 in the order "
                        + "of their list, separately for WORKING and BACKUP: the numbers that menus show and that "
                        + "--from and --to take. Locations of one configuration must not be the same directory or "
                        + "nested in each other."
                ),
                ".PP",
                "Example:",
                ".PP",
                ".RS 4",
                ".nf",
            ]
                + #"""
                {
                  "configs": [
                    {
                      "name": "photos",
                      "work": ["~/Pictures"],
                      "backup": ["/media/disc1/Pictures", "/media/disc2/Pictures"],
                      "exclude": ["*.tmp", ".cache/"],
                      "maxDeletePercent": 20,
                      "keep": {"daily": 7, "weekly": 4, "monthly": 12}
                    },
                    {
                      "name": "documents",
                      "work": ["~/docs", "/srv/docs"],
                      "backup": ["/media/disc1/docs"],
                      "trash": false
                    }
                  ]
                }
                """#.split(separator: "\n").map { Roff.escape(String($0), code: false) } + [
                ".fi",
                ".RE",
                ".PP",
                Roff.escape(
                    "With it, `micsync backup ~/Pictures/2026` copies ~/Pictures/2026 to both discs; "
                        + "`micsync work --from 1 ~/Pictures/2026` brings it back from /media/disc2."),
            ])

    static let remoteLocations = ManPage.Section(
        title: "Remote locations (ssh)",
        lines: [
            ".PP",
            Roff.escape(
                "A location may be on another machine, reached with rsync's own ssh transport; everything above "
                    + "holds for it too, and its marker, lock, trash and partial files live on the host, under its "
                    + "`.micsync/`. The host needs only sh and rsync 3.1.3 or newer, not micsync."),
        ]
            + table([
                (
                    "Spelling",
                    "host:/path, user@host:/path, user@[fd00::2]:/path or ssh://user@host:2222/path, in the "
                        + "configuration, in --from and --to and as typed paths. Remote paths are absolute; a local "
                        + "path with a colon in a name stays local when it starts with /, ~ or ./."
                ),
                (
                    "Set-up",
                    "Make an ssh key, copy it to the host (ssh-copy-id host) and run ssh host once, to accept its "
                        + "host key. micsync never asks for a password or a passphrase and never accepts an "
                        + "unknown host key (BatchMode): load your key into the agent (ssh-add) before a run."
                ),
                (
                    "RSYNC_RSH",
                    "The ssh command micsync runs, as rsync does (default ssh, which reads ~/.ssh/config); micsync "
                        + "adds its options (BatchMode, ConnectTimeout=10, keep-alives, RemoteCommand=none, "
                        + "RequestTTY=no) after its words, and ssh takes the first value it reads, so an option "
                        + "there wins (-p 2222, -i KEY)."
                ),
                (
                    "Shared connection",
                    "One ssh connection per host per run (ControlMaster, its socket in a private 0700 folder "
                        + "under /tmp, closed when the run ends): one login, however many rsync commands the run "
                        + "starts."
                ),
                (
                    "Lock on the host",
                    "A run holds the lock of each remote location it writes on the host itself: a small sh script "
                        + "there takes the flock on LOCATION/.micsync/lock (and LOCATION/.micsync/lock.d with its "
                        + "owner) for as long as micsync keeps the connection to it open, so a run of another "
                        + "machine, or of the host's own timer, never writes the folder at the same time."
                ),
                (
                    "Unreachable",
                    "A host that refuses, does not answer, is unknown, or whose key is refused is an unplugged "
                        + "disc: its locations are skipped with one line that says why and what to try "
                        + "(ssh host once, only when its host key could not be verified)."
                ),
            ]))

    static let environment = ManPage.Section(
        title: "Environment",
        lines: table([
            ("MICSYNC_CONFIG", "The config file to use when --config is not given."),
            (
                "XDG_CONFIG_HOME",
                "Where the config file is looked for: $XDG_CONFIG_HOME/micsync/config.json (default ~/.config)."
            ),
            (
                "XDG_STATE_HOME",
                "Where micsync keeps its journal, the ids of the locations it knows and the filesystem cache: "
                    + "$XDG_STATE_HOME/micsync (default ~/.local/state)."
            ),
            (
                "RSYNC_RSH",
                "The ssh command for remote locations, as rsync reads it (default ssh); see Remote locations."
            ),
            (
                "NO_COLOR",
                "When set and not empty, micsync prints no colour. Colour also needs a terminal whose TERM is not dumb."
            ),
            (
                "PAGER",
                "The pager for long read-only lists on a terminal (default less -FRX); PAGER=cat or an empty PAGER "
                    + "turns paging off. A run never waits in a pager before it goes on."
            ),
        ]))

    static let files = ManPage.Section(
        title: "Files",
        lines: table([
            ("~/.config/micsync/config.json", "The config file ($XDG_CONFIG_HOME/micsync/config.json)."),
            ("~/.micsync.json", "The original micsync's config file, read when the one above does not exist."),
            (
                "~/.local/state/micsync/journal.jsonl",
                "One JSON line for every run that changed something or failed, and for every automatic run "
                    + "($XDG_STATE_HOME/micsync/journal.jsonl)."
            ),
            (
                "~/.local/state/micsync/locations.json",
                "The id of each location's marker, by the location as the configuration spells it. Written "
                    + "whole; a damaged one stops every run until it is moved away (every disc is then adopted anew)."
            ),
            (
                "~/.local/state/micsync/watch.lock",
                "Held by the running micsync watch (its pid inside): one watcher runs per state folder."
            ),
            (
                "~/.config/systemd/user/micsync-watch.service",
                "The systemd user service that micsync watch --install writes ($XDG_CONFIG_HOME/systemd/user)."
            ),
            (
                "~/.local/state/micsync/locks/",
                "The lock of a location whose .micsync/ cannot be written (a read-only disc), by device and inode."
            ),
            (
                "LOCATION/.micsync/",
                "micsync's folder in each location it writes to; never synced, planned or listed, never a scope, "
                    + "and used only if it is a real directory (a symlink there makes micsync refuse the location)."
            ),
            (
                "LOCATION/.micsync/lock",
                "The lock of a run writing the location (an flock): every run that reaches the location, by any "
                    + "path, state folder or host, meets it."
            ),
            (
                "LOCATION/.micsync/lock.d/owner",
                "The record of the run holding the lock (host, pid, command, and what proves the pid gone), "
                    + "removed when the lock is let go; on a host, the lock itself where the host has no flock(1)."
            ),
            (
                "LOCATION/.micsync/trash/TIMESTAMP/",
                "What the run started at TIMESTAMP (UTC, e.g. 20261124T213005Z) "
                    + "overwrote or deleted, at its relative path: the history micsync versions and micsync "
                    + "restore read; see micsync trash."
            ),
            (
                "LOCATION/.micsync/partial/",
                "A file rsync was copying when it was interrupted; the next run resumes from it."
            ),
            (
                "LOCATION/.micsync/id",
                "The location's identity marker: a location whose marker is missing is treated as "
                    + "not mounted."
            ),
        ]))

    static let seeAlso = ManPage.Section(title: "See also", lines: [".BR rsync (1)"])

    /// Rows as tagged paragraphs: the first column in bold, the second as its text.
    private static func table(_ rows: [(String, String)]) -> [String] {
        rows.flatMap { [".TP", Roff.bold($0.0), Roff.escape($0.1)] }
    }
}
