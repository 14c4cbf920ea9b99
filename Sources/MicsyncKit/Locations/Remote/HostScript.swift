/// The small POSIX `sh` scripts micsync runs on a host (no micsync is needed there, only `sh` and rsync):
/// the directory's path is quoted once, inside the script, which is sent on standard input; the answers
/// come as `key=value` lines after a sentinel line, so that whatever a chatty login shell prints first is
/// never read as one.
enum HostScript {
    static let sentinel = "micsync-answers-7c1e0f"

    /// `word` as one single-quoted shell word.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `bytes` as one single-quoted shell word: inside single quotes every byte but `'` stands for itself,
    /// a newline or a name that is not UTF-8 included.
    static func quoted(bytes: [UInt8]) -> [UInt8] {
        let quote = UInt8(ascii: "'")
        return [quote] + bytes.flatMap { $0 == quote ? Array(#"'\''"#.utf8) : [$0] } + [quote]
    }

    /// The script that runs rsync with `arguments` on the host: each argument one quoted word, and the
    /// paths of a `--files-from` list here handed to it on its standard input (`printf` is a builtin: no
    /// limit on their number). rsync must not outlive micsync there either, and a host does not stop it
    /// when the ssh that started it ends: a watchdog writes an empty line every second (which micsync reads
    /// as no item) and stops rsync once that write fails, so within a second of ssh ending.
    static func rsync(_ arguments: [String]) throws(MicsyncError) -> [UInt8] {
        var listed: [UInt8]?
        var words: [[UInt8]] = [Array("rsync".utf8)]
        for argument in arguments {
            guard argument.hasPrefix("--files-from="), argument != "--files-from=-" else {
                words.append(quoted(bytes: RawPath.bytes(argument)))
                continue
            }
            let file = String(argument.dropFirst("--files-from=".count))
            switch FileSystem.contents(of: file, limit: Int.max) {
            case .success(let data): listed = Array(data)
            case .failure(let error): throw .io("cannot read the list of paths \(file): \(error)")
            }
            words.append(Array("--files-from=-".utf8))
        }
        var command = Array(words.joined(separator: [UInt8(ascii: " ")]))
        if let listed {
            let names = listed.split(separator: 0, omittingEmptySubsequences: false).dropLast(listed.last == 0 ? 1 : 0)
            let printf = [Array(#"printf '%s\0'"#.utf8)] + names.map { quoted(bytes: Array($0)) }
            command = Array(printf.joined(separator: [UInt8(ascii: " ")])) + Array(" | ".utf8) + command
        }
        return command + Array(rsyncWatchdog.utf8)
    }

    /// Ends the line that starts rsync in the background (its pid the last of the pipeline's, `$!`). `sleep`
    /// keeps no hold on the output, so that ssh sees its end as soon as rsync and the watchdog are gone.
    private static let rsyncWatchdog = """
         &
        r=$!
        ( trap "kill $r 2>/dev/null; exit 0" PIPE; while sleep 1 >/dev/null 2>&1; do echo; done ) &
        w=$!
        wait $r
        s=$?
        kill $w 2>/dev/null
        exit $s

        """

    /// The script that runs `body` with `$d` the directory and `$m` its `.micsync`.
    static func script(_ body: String, directory: String) -> String {
        "d=\(quoted(directory))\nm=\"$d/.micsync\"\necho \(sentinel)\n\(body)\necho end=1\n"
    }

    /// The answers after the sentinel, by key (a key given twice keeps its first value); nil when the script
    /// did not finish (its `end=1` is missing).
    static func answers(_ output: String) -> [String: String]? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.lastIndex(where: { $0 == sentinel }) else { return nil }
        var answers: [String: String] = [:]
        for line in lines[(start + 1)...] {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals])
            if answers[key] == nil { answers[key] = String(line[line.index(after: equals)...]) }
        }
        return answers["end"] == "1" ? answers : nil
    }

    /// The facts of several directories of one host in one round trip: a `section=N` line before each.
    static func facts(of directories: [String]) -> String {
        "echo \(sentinel)\n"
            + directories.enumerated().map { number, directory in
                "d=\(quoted(directory))\nm=\"$d/.micsync\"\necho section=\(number)\n\(facts)\necho end=1\n"
            }.joined()
    }

    /// Each finished section's answers, by number.
    static func sections(_ output: String) -> [Int: [String: String]] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.lastIndex(where: { $0 == sentinel }) else { return [:] }
        var sections: [Int: [String: String]] = [:]
        var current: (number: Int, answers: [String: String])?
        for line in lines[(start + 1)...] {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let (key, value) = (String(line[..<equals]), String(line[line.index(after: equals)...]))
            if key == "section", let number = Int(value) {
                current = (number, [:])
            } else if key == "end", let finished = current {
                sections[finished.number] = finished.answers.merging(["end": "1"]) { first, _ in first }
                current = nil
            } else if current?.answers[key] == nil {
                current?.answers[key] = value
            }
        }
        return sections
    }

    /// Every value of `key` after the sentinel, in order; none when the script did not finish.
    static func values(_ output: String, _ key: String) -> [String] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.lastIndex(where: { $0 == sentinel }), lines.contains("end=1") else { return [] }
        return lines[(start + 1)...].compactMap { line in
            line.hasPrefix(key + "=") ? String(line.dropFirst(key.count + 1)) : nil
        }
    }

    /// The numbers of those of `relativePaths` that are not there, `missing=N` each.
    static func missing(_ relativePaths: [String]) -> String {
        relativePaths.enumerated().map { number, relative in
            setting("r", to: RawPath.bytes(relative))
                + "; p=\"$d/$r\"; [ -e \"$p\" ] || [ -L \"$p\" ] || echo missing=\(number)\n"
        }.joined()
    }

    /// Shell code that sets `variable` to `bytes` exactly, however odd (not UTF-8, which a script sent as
    /// text cannot hold; a trailing newline, which `$( )` would drop): all but plain bytes as printf's octal
    /// escapes.
    static func setting(_ variable: String, to bytes: [UInt8]) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/ ".utf8)
        let escaped = bytes.map { byte in
            let octal = String(byte, radix: 8)
            return plain.contains(byte)
                ? String(UnicodeScalar(byte)) : "\\" + String(repeating: "0", count: 3 - octal.count) + octal
        }.joined()
        return "\(variable)=$(printf '\(escaped)X'); \(variable)=\"${\(variable)%X}\""
    }

    /// The trash folders, through a real `.micsync` and `trash`: each a real folder.
    static let trashTimestamps = """
        if [ ! -L "$m" ] && [ ! -L "$m/trash" ] && [ -d "$m/trash" ]; then
          for t in "$m/trash"/*; do
            if [ -d "$t" ] && [ ! -L "$t" ]; then printf 'trash=%s\\n' "${t##*/}"; fi
          done
        fi
        """

    /// The files of trash folder `timestamp` (a checked timestamp name), `file=SIZE PATH` each.
    static func trashFiles(_ timestamp: String) -> String {
        """
        t="$m/trash/"\(quoted(timestamp))
        if [ ! -L "$m" ] && [ ! -L "$m/trash" ] && [ ! -L "$t" ] && [ -d "$t" ]; then
          find "$t" -xdev -type f -printf 'file=%s %P\\n'
        fi
        """
    }

    /// Deletes the trash folders `timestamps` (checked timestamp names), never following a symlink
    /// (`rm -r` does not) nor leaving the filesystem.
    static func purgeTrash(_ timestamps: [String]) -> String {
        """
        if [ -L "$m" ] || [ -L "$m/trash" ]; then echo "error=$m/trash is not a real folder"; exit 0; fi

        """ + timestamps.map { "rm -rf --one-file-system -- \"$m/trash/\"\(quoted($0))\n" }.joined()
            + "echo ok=1"
    }

    /// Every fact micsync needs before planning, in one round trip: whether the directory
    /// exists, its device and inode and the host's machine id (which tell one directory reached by two host
    /// names), micsync's folders that are not real folders, the marker, the free space, the filesystem type
    /// and the host's rsync version; for a directory that is not there, where it would be made
    /// (`LandingPlace`: its parent's filesystem, whether that is empty, and an unmounted mount point of the
    /// host's `/etc/fstab` above it).
    static let facts = """
        if [ -d "$d" ]; then
          echo exists=1
          set -- $(stat -c '%d %i' "$d" 2>/dev/null || stat -f '%d %i' "$d" 2>/dev/null)
          echo "inode=$1:$2"
          echo "machine=$(head -c 64 /etc/machine-id 2>/dev/null | tr -d '\\n')"
          for p in .micsync .micsync/trash .micsync/partial .micsync/tmp .micsync/lock.d; do
            if [ -L "$d/$p" ]; then echo "unsafe=$p is a symlink"
            elif [ -e "$d/$p" ] && [ ! -d "$d/$p" ]; then echo "unsafe=$p is not a folder"; fi
          done
          if [ ! -L "$m" ] && [ -f "$m/id" ] && [ ! -L "$m/id" ]; then
            echo "marker=$(head -c 128 "$m/id" | tr -d '\\r\\n')"
          fi
          df -Pk "$d" 2>/dev/null | awk 'NR == 2 { print "free=" $4 }'
          echo "fstype=$(findmnt -no FSTYPE -T "$d" 2>/dev/null || stat -f -c %T "$d" 2>/dev/null)"
        else
          echo exists=0
          p="${d%/*}"
          p="${p:-/}"
          if [ -d "$p" ]; then
            echo parent=1
            df -Pk "$p" 2>/dev/null | awk 'NR == 2 { print "parent.device=" $1; print "parent.free=" $4; print "parent.mount=" $6 }'
            echo "parent.fstype=$(findmnt -no FSTYPE -T "$p" 2>/dev/null || stat -f -c %T "$p" 2>/dev/null)"
            e=1
            for f in "$p"/* "$p"/.[!.]* "$p"/..?*; do if [ -e "$f" ] || [ -L "$f" ]; then e=; break; fi; done
            [ -n "$e" ] && echo parent.empty=1
            t=$(df -Pk "$p" 2>/dev/null | awk 'NR == 2 { print $6 }')
            awk -v p="$p" -v t="$t" '$1 !~ /^#/ && NF >= 2 && $2 ~ /^\\// {
                f = $2; gsub(/\\\\040/, " ", f)
                if ((p == f || index(p, f "/") == 1) && length(f) > length(t)) { print "parent.fstab=" f; exit }
              }' /etc/fstab 2>/dev/null
          fi
        fi
        echo "rsync=$(rsync --version 2>/dev/null | head -n 1)"
        """

    /// Makes the directory of a new location, its parent being there (`mkdir` without `-p`: a disc
    /// unmounted on the host never gets a whole path made in its mount point's place).
    static let create = """
        [ -d "$d" ] && { echo "error=it exists already"; exit 0; }
        mkdir -- "$d" 2>/dev/null && echo ok=1 || echo "error=mkdir failed (is its parent there, and writable?)"
        """

    /// Makes `.micsync` and the folders rsync writes into (partial, tmp, and the trash root with `trash`:
    /// `StateFolder.prepare`), never through a symlink, and removes rsync's temporary files left by a killed
    /// run (the caller holds the lock).
    static func prepare(trash: Bool) -> String {
        """
        [ -d "$d" ] || { echo "error=the folder is missing"; exit 0; }
        for p in "$m" "$m/partial" "$m/tmp"; do
          if [ -L "$p" ] || { [ -e "$p" ] && [ ! -d "$p" ]; }; then
            echo "error=$p is not a real folder (a symlink?); micsync will not use it"; exit 0
          fi
          mkdir "$p" 2>/dev/null || [ -d "$p" ] || { echo "error=cannot make $p"; exit 0; }
        done
        [ -L "$m/trash" ] && { echo "error=$m/trash is a symlink; micsync will not use it"; exit 0; }
        \(trash ? #"mkdir "$m/trash" 2>/dev/null"# : ":")
        find "$m/tmp" -xdev -mindepth 1 -maxdepth 1 -type f -exec rm -f {} + 2>/dev/null
        echo ok=1
        """
    }

    /// Leaves the marker `id` in `.micsync/id`, replacing any, through a real `.micsync`.
    static func writeMarker(_ id: String) -> String {
        """
        [ -d "$d" ] || { echo "error=the folder is missing"; exit 0; }
        [ -L "$m" ] && { echo "error=$m is a symlink; micsync will not use it"; exit 0; }
        mkdir "$m" 2>/dev/null || [ -d "$m" ] || { echo "error=cannot make $m"; exit 0; }
        printf '%s\\n' \(quoted(id)) > "$m/id.new-$$" && mv -f "$m/id.new-$$" "$m/id" && echo ok=1 \
          || echo "error=cannot write $m/id"
        """
    }

    /// Holds the location's lock for as long as micsync keeps the session's standard input open
    /// (`HostSession`): the `flock` on `.micsync/lock` that a run on the host itself takes (with util-linux's
    /// `flock(1)`, where the host has it), then `.micsync/lock.d` made with `record` in its `owner` (atomic on
    /// every filesystem). A folder there whose record says its holder kept that flock is taken over by the
    /// holder of the flock: that holder is gone. Answers `locked=1`; else `busy=1` when a live run holds the
    /// flock, and `held=` the record in the way (its lines joined by tabs); or `error=`. Once locked, it waits
    /// for the end of its input, however micsync ends, then removes the folder (still its own) and lets the
    /// flock go. The whole script is one compound command, so that the shell has read all of it before `cat`
    /// reads the rest of the input.
    static func holdLock(record: LockOwner, directory: String) -> String {
        """
        {
        trap '' HUP PIPE
        d=\(quoted(directory))
        m="$d/.micsync"
        r=\(quoted(record.record))
        echo \(sentinel)
        if [ ! -d "$d" ]; then echo "error=the folder is missing"
        elif [ -L "$m" ]; then echo "error=$m is a symlink; micsync will not use it"
        elif ! { [ -d "$m" ] || mkdir "$m" 2>/dev/null; }; then echo "error=cannot make $m"
        elif [ -L "$m/lock" ] || { [ -e "$m/lock" ] && [ ! -f "$m/lock" ]; }; then
          echo "error=$m/lock is not a regular file; micsync will not use it"
        elif [ -L "$m/lock.d" ]; then echo "error=$m/lock.d is a symlink; micsync will not use it"
        else
          live= busy= got=
          if command -v flock >/dev/null 2>&1 && ( : >>"$m/lock" ) 2>/dev/null; then
            exec 9>>"$m/lock"
            if flock -n 9; then live=1; else busy=1; echo busy=1; fi
          fi
          if [ -z "$busy" ]; then
            if mkdir "$m/lock.d" 2>/dev/null; then got=1
            elif [ -n "$live" ] && grep -qx 'flock=1' "$m/lock.d/owner" 2>/dev/null; then
              rm -f "$m/lock.d/owner"; rmdir "$m/lock.d" 2>/dev/null && mkdir "$m/lock.d" 2>/dev/null && got=1
            fi
          fi
          if [ -n "$got" ]; then
            { printf '%s\\n' "$r"; [ -z "$live" ] || echo flock=1; } > "$m/lock.d/owner"
            echo locked=1
          else
            echo "held=$(head -c 4096 "$m/lock.d/owner" 2>/dev/null | tr '\\n' '\\t')"
          fi
        fi
        echo end=1
        if [ -n "$got" ]; then
          cat >/dev/null 2>&1
          grep -qxF \(quoted("run=" + (record.run ?? ""))) "$m/lock.d/owner" 2>/dev/null &&
            rm -f "$m/lock.d/owner" && rmdir "$m/lock.d" 2>/dev/null
        fi
        }

        """
    }

    /// Whether the lock is held by a live run (`busy=1`: its flock is held, where the host has `flock(1)`),
    /// and the record in `.micsync/lock.d` (`lock=`, its lines joined by tabs).
    static let inspectLock = """
        if [ ! -L "$m" ] && [ -d "$m/lock.d" ]; then
          if command -v flock >/dev/null 2>&1 && [ -f "$m/lock" ] && [ ! -L "$m/lock" ] &&
            ! flock -n "$m/lock" true 2>/dev/null; then echo busy=1; fi
          echo "lock=$(head -c 4096 "$m/lock.d/owner" 2>/dev/null | tr '\\n' '\\t')"
        fi
        """

    /// Removes the lock whose record holds `run` (or whatever record, when nil), after the caller's check.
    static func breakLock(run: String?) -> String {
        let owned = run.map { "grep -qF \(quoted("run=" + $0)) \"$m/lock.d/owner\" 2>/dev/null" } ?? "true"
        return """
            if [ ! -L "$m" ] && \(owned); then rm -f "$m/lock.d/owner"; rmdir "$m/lock.d" 2>/dev/null; fi
            [ -e "$m/lock.d" ] || echo unlocked=1
            """
    }
}
