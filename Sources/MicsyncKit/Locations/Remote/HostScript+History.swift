extension HostScript {
    /// Every file at and below `relative` in the directory (unless `current` is false) and in each real
    /// trash folder, in one answer: `hex=` and the records below as hexadecimal bytes, so that any name
    /// (a newline, bytes that are not UTF-8) comes back whole. NUL-ended records: `p TAB LABEL` before
    /// each place (`-` for the directory, else the trash folder's name), then `e TAB BIRTH TAB CHANGE TAB
    /// MODIFIED TAB SIZE TAB MODE TAB PATH` per entry (`stat`'s seconds, birth 0 or `-` when unknown, the
    /// mode in hexadecimal, the full path), and with `checksums` `c TAB CKSUM TAB PATH` per regular file.
    /// A folder `.micsync` is never entered.
    static func versions(of relative: [UInt8], current: Bool, checksums: Bool) -> String {
        let sums =
            checksums
            ? #"""
                find "$p" -name .micsync -prune -o -type f -exec sh -c \
                  'for f; do c=$(cksum < "$f") && printf "c\t%s\t%s\0" "${c%% *}" "$f"; done' sh {} +

            """# : ""
        return setting("r", to: relative) + "\n"
            + #"""
            list() {
              p="$2"; [ -z "$r" ] || p="$2/$r"
              [ -e "$p" ] || [ -L "$p" ] || return 0
              printf 'p\t%s\0' "$1"
              find "$p" -name .micsync -prune -o ! -type d -exec stat --printf 'e\t%W\t%Z\t%Y\t%s\t%f\t%n\0' {} +

            """# + sums + "}\n"
                + #"""
                printf 'hex='
                {
                """# + (current ? "\n  list - \"$d\"" : "")
                + #"""

                  if [ ! -L "$m" ] && [ ! -L "$m/trash" ] && [ -d "$m/trash" ]; then
                    for t in "$m/trash"/*; do
                      case "${t##*/}" in
                        [0-9]*T*Z | [0-9]*T*Z-*) if [ -d "$t" ] && [ ! -L "$t" ]; then list "${t##*/}" "$t"; fi ;;
                      esac
                    done
                  fi
                } | od -An -v -tx1 | tr -d ' \n'
                echo
                """#
    }
}
