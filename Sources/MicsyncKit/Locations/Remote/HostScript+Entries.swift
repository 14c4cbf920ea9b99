extension HostScript {
    /// What is at each of `relativePaths` below the directory: `at=N` for the N-th one that is there (a
    /// dangling symlink is), then, for each of those in order, `e=MODE SIZE MTIME` (`stat`'s raw mode in hex,
    /// bytes, whole seconds; GNU or BSD `stat`). Names come back by number, never as text; `stat` runs once per
    /// few dozen paths, the tests are the shell's own.
    static func entries(_ relativePaths: [[UInt8]]) -> String {
        var script = """
            if stat -c %s / >/dev/null 2>&1; then s() { stat -c 'e=%f %s %Y' -- "$@"; }
            else s() { stat -f 'e=%Xp %z %m' -- "$@"; }; fi
            set --

            """
        for (number, relative) in relativePaths.enumerated() {
            script +=
                path(relative)
                + "; if [ -e \"$p\" ] || [ -L \"$p\" ]; then echo at=\(number); set -- \"$@\" \"$p\"; fi\n"
            if number % 64 == 63 { script += "[ $# -eq 0 ] || s \"$@\"; set --\n" }
        }
        return script + "[ $# -eq 0 ] || s \"$@\"\n"
    }

    /// `unreadable=N` for each of `relativePaths` that is there, is no symlink, and cannot be read.
    static func unreadable(_ relativePaths: [[UInt8]]) -> String {
        relativePaths.enumerated().map { number, relative in
            path(relative) + "; [ -L \"$p\" ] || { [ -e \"$p\" ] && [ ! -r \"$p\" ] && echo unreadable=\(number); }\n"
        }.joined()
    }

    /// Shell code that sets `p` to the directory's `relative` path, byte for byte: a name that is UTF-8 as one
    /// quoted word (no process started), any other through `setting`.
    private static func path(_ relative: [UInt8]) -> String {
        guard let name = String(validating: relative, as: UTF8.self) else {
            return setting("r", to: relative) + "; p=\"$d/$r\""
        }
        return "p=\"$d/\"" + quoted(name)
    }
}
