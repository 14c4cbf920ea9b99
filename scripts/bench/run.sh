#!/usr/bin/env bash
# micsync against raw rsync, in the same run, on a generated 100,000-file tree (README: Performance).
# Usage: scripts/bench/run.sh [MICSYNC_BINARY]   (default: the release build)
# Environment: RUNS (default 5), WARMUP (default 1). Misses are reported; the exit status is non-zero
# only when the benchmark itself could not run.
set -euo pipefail

micsync=${1:-$(swift build -c release --show-bin-path)/micsync}
runs=${RUNS:-5}
warmup=${WARMUP:-1}
[ -x "$micsync" ] || { echo "bench: no micsync binary at $micsync" >&2; exit 1; }
for tool in hyperfine rsync /usr/bin/time awk; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make bench-deps)" >&2; exit 1; }
done
micsync=$(realpath "$micsync")

T=$(mktemp -d "${TMPDIR:-/tmp}/micsync-bench-XXXXXX")
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
# micsync reads and writes only inside the sandbox: its own HOME, XDG dirs and config.
export HOME=$T/home XDG_CONFIG_HOME=$T/home/.config XDG_STATE_HOME=$T/home/.local/state NO_COLOR=1
unset MICSYNC_CONFIG PAGER
mkdir -p "$HOME" "$XDG_CONFIG_HOME/micsync"
config=$XDG_CONFIG_HOME/micsync/config.json

# --- the tree: 100 dirs × 10 subdirs × 100 small files ------------------------------------------------------
echo "bench: generating 100,000 files in $T/w"
mkdir -p "$T"/w/dir{00..99}/sub{0..9}
awk -v root="$T/w" 'BEGIN { for (d = 0; d < 100; d++) for (s = 0; s < 10; s++) for (f = 0; f < 100; f++) {
    name = sprintf("%s/dir%02d/sub%d/file%02d.txt", root, d, s, f); print "file " name > name; close(name) } }'
# The 1,000 files the "modified" scenario changes: 10 in each of the 100 top directories.
for d in $(seq -w 0 99); do for s in $(seq 0 9); do echo "$T/w/dir$d/sub$s/file0$s.txt"; done; done >"$T/modified.txt"
cat >"$T/modify.sh" <<EOF
while IFS= read -r f; do echo changed >>"\$f"; done <"$T/modified.txt"
EOF
echo "bench: copying it to the destinations"
for dst in b1 b2 m1; do rsync -a "$T/w/" "$T/$dst/"; done

cat >"$config" <<EOF
{"configs": [
  {"name": "one", "work": ["$T/w"], "backup": ["$T/b1"]},
  {"name": "two", "work": ["$T/w"], "backup": ["$T/b1", "$T/b2"]},
  {"name": "modify", "work": ["$T/w"], "backup": ["$T/m1"]}
]}
EOF
m="'$micsync'"

# --- timed scenarios: micsync and its raw rsync counterpart, side by side ------------------------------------
declare -a rows=()
median() { # median of result $2 (0-based) in hyperfine JSON $1, in seconds
    grep -o '"median": *[0-9.eE+-]*' "$1" | sed -n "$(($2 + 1))p" | awk '{print $2}'
}
# compare NAME TARGET MICSYNC_COMMAND RSYNC_COMMAND [hyperfine options...]
compare() {
    local name=$1 target=$2 ours=$3 theirs=$4; shift 4
    local json=$T/$(echo "$name" | tr -c 'a-z0-9' _).json
    echo; echo "=== $name"
    hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$json" "$@" \
        -n micsync "$ours" -n rsync "$theirs" >&2
    local a b
    a=$(median "$json" 0); b=$(median "$json" 1)
    rows+=("$(awk -v n="$name" -v a="$a" -v b="$b" -v t="$target" 'BEGIN {
        r = a / b; printf "%-44s %9.1f ms %9.1f ms %7.3f  ≤ %-5s %s", n, a * 1000, b * 1000, r, t, (r <= t ? "PASS" : "MISS") }')")
}

compare "backup, up to date" 1.10 \
    "$m backup --config-name one $T/w" "rsync -a $T/w/ $T/b1/"
compare "work -d, up to date" 1.10 \
    "$m work -d --config-name one $T/w" "rsync -a --delete $T/b1/ $T/w/"
compare "backup to two backups, up to date" 0.75 \
    "$m backup --config-name two $T/w" "rsync -a $T/w/ $T/b1/; rsync -a $T/w/ $T/b2/"
# Changes w (last for that reason): each run starts from the same 1,000 freshly modified files.
compare "backup, 1,000 modified, answered Modify" 1.15 \
    "echo m | $m backup --config-name modify $T/w" "rsync -a $T/w/ $T/m1/" --prepare "bash $T/modify.sh"

# --- startup, completion, memory ------------------------------------------------------------------------------
echo; echo "=== micsync --version"
hyperfine --style basic -N --warmup 5 --runs 50 --export-json "$T/version.json" "$micsync --version" >&2
version_ms=$(awk -v s="$(median "$T/version.json" 0)" 'BEGIN { print s * 1000 }')

echo; echo "=== completion callback, 50 configurations"
mkdir -p "$T/many"
{
    echo '{"configs": ['
    for i in $(seq 1 50); do
        mkdir -p "$T/many/w$i" "$T/many/b$i"
        printf '  {"name": "config%02d", "work": ["%s"], "backup": ["%s"]}%s\n' "$i" "$T/many/w$i" "$T/many/b$i" \
            "$([ "$i" -lt 50 ] && echo ,)"
    done
    echo ']}'
} >"$T/many.json"
# Exactly what completions/micsync.bash runs on `micsync backup --config-name <TAB>`:
# the program, `---completion backup -- --config-name`, COMP_CWORD, the cursor index, then COMP_WORDS.
completion=(---completion backup -- --config-name 3 0 micsync backup --config-name '')
candidates=$(MICSYNC_CONFIG=$T/many.json "$micsync" "${completion[@]}" | wc -l)
[ "$candidates" -eq 50 ] || { echo "bench: the completion callback offered $candidates candidates, not 50" >&2; exit 1; }
MICSYNC_CONFIG=$T/many.json hyperfine --style basic -N --warmup 5 --runs 50 --export-json "$T/completion.json" \
    "$micsync ${completion[*]} ''" >&2
completion_ms=$(awk -v s="$(median "$T/completion.json" 0)" 'BEGIN { print s * 1000 }')

echo; echo "=== peak RSS, a 1,000,000-entry plan (micsync backup -n)"
# A fake rsync on PATH prints 1,000,000 itemized new files (what a real dry run over a tree of 1,000,000
# files missing at the destination prints): the stream parsing, plan and listing are what is measured.
mkdir -p "$T/fake/bin" "$T/fake/w" "$T/fake/b"
real_rsync=$(command -v rsync)
cat >"$T/fake/bin/rsync" <<EOF
#!/bin/sh
case "\$1" in --version) exec "$real_rsync" --version ;; esac
exec awk 'BEGIN { for (i = 0; i < 1000000; i++)
    printf ">f+++++++++ %d dir%03d/sub%02d/file%07d.txt\n", 20, i / 10000, (i / 1000) % 10, i }'
EOF
chmod +x "$T/fake/bin/rsync"
printf '{"configs": [{"name": "big", "work": ["%s"], "backup": ["%s"]}]}\n' "$T/fake/w" "$T/fake/b" >"$T/big.json"
PATH=$T/fake/bin:$PATH MICSYNC_CONFIG=$T/big.json /usr/bin/time -f %M -o "$T/rss" \
    "$micsync" backup -n "$T/fake/w" >"$T/big.out"
listed=$(grep -c 'file' "$T/big.out" || true)
[ "$listed" -eq 1000000 ] || { echo "bench: the 1,000,000-entry plan listed $listed entries" >&2; exit 1; }
rss_mib=$(awk '{ printf "%.1f", $1 / 1024 }' "$T/rss")

echo; echo "=== 10,000 typed paths against 1,000 (micsync backup -n): time linear in their number"
find "$T/w" -type f | sort | head -10000 >"$T/paths10k"
head -1000 "$T/paths10k" >"$T/paths1k"
hyperfine --style basic --warmup 1 --runs 3 --export-json "$T/paths.json" \
    -n 1000 "$m backup -n --config-name one \$(cat $T/paths1k)" \
    -n 10000 "$m backup -n --config-name one \$(cat $T/paths10k)" >&2
paths_ratio=$(awk -v a="$(median "$T/paths.json" 1)" -v b="$(median "$T/paths.json" 0)" 'BEGIN { print a / b }')
paths_ms=$(awk -v a="$(median "$T/paths.json" 1)" 'BEGIN { print a * 1000 }')

# --- summary -------------------------------------------------------------------------------------------------
echo
echo "micsync benchmark: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"
echo "$(rsync --version | head -1 | sed 's/  */ /g'), hyperfine --runs $runs --warmup $warmup, medians"
printf '%-44s %12s %12s %7s  %-7s %s\n' scenario micsync rsync ratio target result
for row in "${rows[@]}"; do echo "$row"; done
awk -v v="$version_ms" -v c="$completion_ms" -v r="$rss_mib" 'BEGIN {
    printf "%-44s %9.1f ms %12s %7s  ≤ %-5s %s\n", "micsync --version", v, "", "", "15 ms", (v <= 15 ? "PASS" : "MISS")
    printf "%-44s %9.1f ms %12s %7s  ≤ %-5s %s\n", "completion callback, 50 configurations", c, "", "", "50 ms", (c <= 50 ? "PASS" : "MISS")
    printf "%-44s %8.1f MiB %12s %7s  ≤ %-5s %s\n", "peak RSS, 1,000,000-entry plan (fake rsync)", r, "", "", "64MiB", (r <= 64 ? "PASS" : "MISS") }'
awk -v t="$paths_ms" -v r="$paths_ratio" 'BEGIN {
    printf "%-44s %9.1f ms %12s %7.1f  ≤ %-5s %s\n", "10,000 typed paths (ratio: against 1,000)", t, "", r, "15", (r <= 15 ? "PASS" : "MISS") }'
