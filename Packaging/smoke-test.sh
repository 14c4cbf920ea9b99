#!/usr/bin/env bash
# A quick check of a built or installed micsync: it starts, and one real backup with rsync copies a folder, in a
# throwaway sandbox with its own HOME and configuration. The PKGBUILD's check() and the packaging test run it.
set -euo pipefail
micsync=${1:?usage: smoke-test.sh PATH/TO/micsync}
sandbox=$(mktemp -d "${TMPDIR:-/tmp}/micsync-check-XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
export HOME="$sandbox/home" XDG_CONFIG_HOME="$sandbox/home/.config" XDG_STATE_HOME="$sandbox/home/.local/state"
unset MICSYNC_CONFIG
mkdir -p "$HOME" "$sandbox/work/docs/notes" "$sandbox/disc"
printf '{"configs": [{"name": "check", "work": ["%s/work"], "backup": ["%s/disc"]}]}\n' "$sandbox" "$sandbox" > "$HOME/.micsync.json"
echo "report" > "$sandbox/work/docs/report.md"
echo "a note" > "$sandbox/work/docs/notes/first.txt"

version=$("$micsync" --version)
"$micsync" backup "$sandbox/work/docs" </dev/null
diff -r "$sandbox/work/docs" "$sandbox/disc/docs"
echo "micsync $version: a backup with rsync copied every file"
