#!/usr/bin/env bash
# A narrated round trip with the built micsync, in a throwaway sandbox with its own config and HOME.
set -euo pipefail
micsync=$(realpath "${1:?usage: demo.sh PATH/TO/micsync}")
sandbox=$(mktemp -d "${TMPDIR:-/tmp}/micsync-demo-XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
export HOME="$sandbox/home" XDG_CONFIG_HOME="$sandbox/home/.config" XDG_STATE_HOME="$sandbox/home/.local/state"
mkdir -p "$HOME" "$sandbox/work" "$sandbox/disc1" "$sandbox/disc2"
cd "$sandbox"

# Headings in bold only on a terminal that takes colour, as micsync itself does.
if [ -t 1 ] && [ "${TERM:-dumb}" != dumb ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
run() { printf '$ %s\n' "$*"; "$@"; }
show() { printf '%s:\n' "$1"; (cd "$1" && find . -path ./.micsync -prune -o -type f -print | sort | sed 's|^\./|  |'); }

step "A configuration: one WORKING folder and two BACKUP discs (the original's ~/.micsync.json format)"
cat > "$HOME/.micsync.json" <<JSON
{"configs": [{"name": "documents", "work": ["$sandbox/work"], "backup": ["$sandbox/disc1", "$sandbox/disc2"]}]}
JSON
cat "$HOME/.micsync.json"
mkdir -p work/report/figures
echo "first draft" > work/report/text.md
echo "plot" > work/report/figures/plot.svg

step "backup: WORKING → every accessible BACKUP"
run "$micsync" backup work/report
show disc1; show disc2

step "A modified file: backup asks once per BACKUP; we answer Modify twice (the original's spelling --backup works too)"
echo "second draft, longer" > work/report/text.md
printf 'm\nm\n' | run "$micsync" --backup work/report
printf 'disc1 now holds: %s\n' "$(cat disc1/report/text.md)"
printf 'the overwritten version waits in the trash: %s\n' "$(find disc1/.micsync/trash -name text.md)"

step "work -d: restore WORKING from a BACKUP, deleting what the BACKUP does not have (we answer Delete)"
echo "scratch" > work/report/notes.tmp
rm work/report/figures/plot.svg
printf 'd\n' | run "$micsync" work -d --from 0 work/report
show work

step "tree: copy only the directory skeleton from a BACKUP"
mkdir -p disc1/archive/2023/photos disc1/archive/2024/photos
echo "big photo" > disc1/archive/2024/photos/img.jpg
run "$micsync" tree --from 0 work
find work -path work/.micsync -prune -o -type d -print | sort | sed 's|^|  |'

step "transfer: BACKUP → the other BACKUPs"
run "$micsync" transfer --from 0 --to 1 disc1/archive
show disc2

step "status: when did each BACKUP last get a backup?"
run "$micsync" status

printf '\nDone: the sandbox %s is removed now.\n' "$sandbox"
