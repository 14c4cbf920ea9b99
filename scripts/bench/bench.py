#!/usr/bin/env python3
"""micsync against raw rsync, measured in the same run (README: Performance).

Usage: scripts/bench/bench.py MICSYNC_BINARY
Environment: RUNS (default 7) timed runs per command; FILES (default 100000) files in the tree; MILLION
(default 1000000, 0 to skip) entries of the large no-op, whose tree is generated once and kept in
$MICSYNC_BENCH_CACHE (default ~/.cache/micsync-bench). Misses are reported; the exit status is non-zero only
when the benchmark itself could not run.

Each scenario runs micsync and its raw rsync counterpart alternately, run by run (A B A B …), so that a
change in the machine's load moves both sides alike; terminal scenarios run both under a pseudo-terminal
(util-linux `script`). The ratio is of the medians.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("RUNS", "7"))
FILES = int(os.environ.get("FILES", "100000"))
MILLION = int(os.environ.get("MILLION", "1000000"))
FIRST_BACKUP_FILES = 20_000
# Read before the benchmark points HOME into its sandbox: the large tree's cache outlives the run.
CACHE = Path(os.environ.get("MICSYNC_BENCH_CACHE", Path.home() / ".cache/micsync-bench"))


def sh(command, **kwargs):
    return subprocess.run(command, shell=True, check=True, **kwargs)


def generate(root: Path, count: int):
    """`count` small files, 100 to a folder, 10 folders to a parent: like a photo or document tree."""
    per_parent = 1000
    for start in range(0, count, per_parent):
        parent = root / f"dir{start // per_parent:04d}"
        for index in range(start, min(start + per_parent, count)):
            folder = parent / f"sub{(index // 100) % 10}"
            if index % 100 == 0:
                folder.mkdir(parents=True, exist_ok=True)
            (folder / f"file{index:07d}.txt").write_text(f"file {index}\n")


def in_terminal(command: str) -> str:
    """`command` under a pseudo-terminal, its output thrown away as a terminal would show it."""
    quoted = command.replace("'", "'\\''")
    return f"script -qec '{quoted}' /dev/null >/dev/null"


def timed(command: str, prepare: str | None) -> float:
    if prepare:
        sh(prepare, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    result = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: `{command}` exited {result.returncode}: {result.stderr.decode()[-2000:]}")
    return elapsed


def compare(name, target, ours, theirs, prepare_ours=None, prepare_theirs=None):
    """Medians of micsync's and rsync's runs, alternating; one warm-up of each first."""
    print(f"=== {name}", file=sys.stderr, flush=True)
    timed(ours, prepare_ours)
    timed(theirs, prepare_theirs)
    a, b = [], []
    for _ in range(RUNS):
        a.append(timed(ours, prepare_ours))
        b.append(timed(theirs, prepare_theirs))
    return name, statistics.median(a), statistics.median(b), target


def peak_memory(command: str, env) -> tuple[float, float]:
    """Peak resident memory (MiB) of micsync and of its rsync processes, sampled from /proc every 10 ms:
    each process's own VmHWM, read while it lives. Only the command's own descendants count, whatever else
    the machine runs."""
    process = subprocess.Popen(command, shell=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks: dict[int, tuple[str, int]] = {}
    while process.poll() is None:
        parents, statuses = {}, {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                statuses[int(entry.name)] = (entry / "status").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        for pid, status in statuses.items():
            ancestor = pid
            while ancestor in parents and ancestor != process.pid:
                ancestor = parents[ancestor]
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            name = fields.get("Name", "").strip()
            if ancestor != process.pid or name not in ("micsync", "rsync") or "VmHWM" not in fields:
                continue
            hwm = int(fields["VmHWM"].split()[0])
            peaks[pid] = (name, max(hwm, peaks.get(pid, ("", 0))[1]))
        time.sleep(0.01)
    ours = max((kib for name, kib in peaks.values() if name == "micsync"), default=0)
    theirs = sum(kib for name, kib in peaks.values() if name == "rsync")
    return ours / 1024, theirs / 1024


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    micsync = os.path.realpath(sys.argv[1])
    for tool in ("rsync", "script"):
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} is missing (make bench-deps)")
    root = Path(tempfile.mkdtemp(prefix="micsync-bench-"))
    try:
        run(micsync, root)
    finally:
        sh(f"chmod -R u+rwx '{root}'; rm -rf '{root}'")


def run(micsync: str, root: Path):
    home = root / "home"
    (home / ".config/micsync").mkdir(parents=True)
    os.environ.update(
        HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_STATE_HOME=str(home / ".local/state"),
        NO_COLOR="1")
    for variable in ("MICSYNC_CONFIG", "PAGER"):
        os.environ.pop(variable, None)
    w = root / "w"
    print(f"bench: generating {FILES:,} files in {w}", file=sys.stderr, flush=True)
    generate(w, FILES)
    modified = sorted(w.rglob("file*0.txt"))[:1000]
    (root / "modified.txt").write_text("".join(f"{path}\n" for path in modified))
    modify = f"while IFS= read -r f; do echo changed >>\"$f\"; done <'{root}/modified.txt'"
    for destination in ("b1", "b2", "m1", "m2", "t1", "t2"):
        sh(f"rsync -a '{w}/' '{root}/{destination}/'")
    first = root / "first"
    generate(first, FIRST_BACKUP_FILES)
    configs = [
        ("one", w, ["b1"]), ("two", w, ["b1", "b2"]), ("modify", w, ["m1"]), ("terminal", w, ["t1"]),
        ("empty", first, ["empty1"]),
    ]
    (home / ".config/micsync/config.json").write_text(json.dumps({"configs": [
        {"name": name, "work": [str(source)], "backup": [str(root / b) for b in backups]}
        for name, source, backups in configs
    ]}))
    m = f"'{micsync}'"
    reset_ours = f"rm -rf '{root}/empty1' && mkdir '{root}/empty1' && rm -rf '{home}/.local/state/micsync'"
    reset_theirs = f"rm -rf '{root}/empty2' && mkdir '{root}/empty2'"
    # Up to date first: the modified scenarios change w, and `work -d` would then have questions to ask.
    rows = [
        compare("backup, up to date", 1.05, f"{m} backup --config-name one {w}", f"rsync -a {w}/ {root}/b1/"),
        compare(
            "terminal: backup -m, up to date", 1.10, in_terminal(f"{m} backup -m --config-name terminal {w}"),
            in_terminal(f"rsync -a --info=progress2 {w}/ {root}/t2/")),
        compare(
            "work -d, up to date", 1.10, f"{m} work -d --config-name one {w}", f"rsync -a --delete {root}/b1/ {w}/"),
        compare(
            "two BACKUPs, up to date (vs two rsyncs)", 0.60, f"{m} backup --config-name two {w}",
            f"rsync -a {w}/ {root}/b1/; rsync -a {w}/ {root}/b2/"),
        compare(
            "backup, 1,000 modified, answered", 1.15, f"echo m | {m} backup --config-name modify {w}",
            f"rsync -a {w}/ {root}/m2/", prepare_ours=modify),
        compare(
            "terminal: backup -m, 1,000 modified", 1.15,
            in_terminal(f"{m} backup -m --config-name terminal {w}"),
            in_terminal(f"rsync -a --info=progress2 {w}/ {root}/t2/"), prepare_ours=modify),
        compare(
            f"first backup, {FIRST_BACKUP_FILES:,} files", 1.20, f"{m} backup --create --config-name empty {first}",
            f"rsync -a {first}/ {root}/empty2/", prepare_ours=reset_ours, prepare_theirs=reset_theirs),
        compare(
            f"terminal: first backup, {FIRST_BACKUP_FILES:,} files", 1.20,
            in_terminal(f"{m} backup --create --config-name empty {first}"),
            in_terminal(f"rsync -a --info=progress2 {first}/ {root}/empty2/"),
            prepare_ours=reset_ours, prepare_theirs=reset_theirs),
    ]
    extras = [version(micsync), completion(micsync, root), typed_paths(micsync, w)]
    if MILLION:
        extras += million(micsync, root)
    report(rows, extras)


def version(micsync: str):
    samples = []
    for _ in range(50):
        start = time.perf_counter()
        subprocess.run([micsync, "--version"], stdout=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return "micsync --version", statistics.median(samples) * 1000, "ms", 10


def completion(micsync: str, root: Path):
    """One completion callback, exactly what completions/micsync.bash runs on `micsync backup --config-name
    <TAB>`, against a config of 50 configurations."""
    configs = []
    for index in range(1, 51):
        (root / f"many/w{index}").mkdir(parents=True)
        (root / f"many/b{index}").mkdir(parents=True)
        configs.append({"name": f"config{index:02d}", "work": [str(root / f"many/w{index}")],
                        "backup": [str(root / f"many/b{index}")]})
    (root / "many.json").write_text(json.dumps({"configs": configs}))
    env = dict(os.environ, MICSYNC_CONFIG=str(root / "many.json"))
    words = [micsync, "---completion", "backup", "--", "--config-name", "3", "0", "micsync", "backup",
             "--config-name", ""]
    offered = subprocess.run(words, env=env, capture_output=True, text=True, check=True).stdout.splitlines()
    if len(offered) != 50:
        sys.exit(f"bench: the completion callback offered {len(offered)} candidates, not 50")
    samples = []
    for _ in range(30):
        start = time.perf_counter()
        subprocess.run(words, env=env, stdout=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return "completion callback, 50 configurations", statistics.median(samples) * 1000, "ms", 50


def typed_paths(micsync: str, w: Path):
    """10,000 typed paths against 1,000 (`backup -n`): the time grows linearly with their number."""
    paths = sorted(str(path) for path in w.rglob("*.txt"))
    def run(count):
        start = time.perf_counter()
        subprocess.run([micsync, "backup", "-n", "--config-name", "one"] + paths[:count],
                       stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start
    few, many = min(1000, len(paths) // 10), min(10_000, len(paths))
    ratio = statistics.median(run(many) for _ in range(3)) / statistics.median(run(few) for _ in range(3))
    return f"{many:,} typed paths against {few:,} (time ratio)", ratio, "×", many / few * 1.5


def million(micsync: str, root: Path):
    """A no-op over MILLION entries, its tree made once and cached: time against one rsync, and peak memory."""
    source, backup = CACHE / f"w{MILLION}", CACHE / f"b{MILLION}"
    if not (CACHE / f"ready{MILLION}").exists():
        print(f"bench: generating {MILLION:,} files in {CACHE} (once)", file=sys.stderr, flush=True)
        shutil.rmtree(source, ignore_errors=True)
        generate(source, MILLION)
        sh(f"rsync -a '{source}/' '{backup}/'")
        (CACHE / f"ready{MILLION}").touch()
    config = root / "million.json"
    config.write_text(json.dumps({"configs": [{"name": "big", "work": [str(source)], "backup": [str(backup)]}]}))
    env = dict(os.environ, MICSYNC_CONFIG=str(config))
    os.environ["MICSYNC_CONFIG"] = str(config)
    name, ours, theirs, target = compare(
        f"no-op, {MILLION:,} entries (vs one rsync)", 0.70, f"'{micsync}' backup {source}",
        f"rsync -a {source}/ {backup}/")
    del os.environ["MICSYNC_CONFIG"]
    ours_mib, rsync_mib = peak_memory(f"'{micsync}' backup {source}", env)
    return [
        (name, ours / theirs, "×", target),
        (f"peak memory, micsync + its rsyncs, {MILLION:,} entries", ours_mib + rsync_mib, "MiB", 64),
        (f"peak memory, micsync alone ({ours_mib:.1f}) and rsync ({rsync_mib:.1f})", ours_mib, "MiB", None),
    ]


def report(rows, extras):
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), "?")
    rsync = subprocess.run(["rsync", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"\nmicsync benchmark: {os.cpu_count()} cores, {cpu}, {' '.join(rsync.split())}")
    print(f"{RUNS} runs of each side, alternating, medians; {FILES:,} files")
    print(f"{'scenario':46} {'micsync':>10} {'rsync':>10} {'ratio':>7}  target")
    for name, ours, theirs, target in rows:
        ratio = ours / theirs
        verdict = "PASS" if ratio <= target else "MISS"
        print(f"{name:46} {ours * 1000:8.0f}ms {theirs * 1000:8.0f}ms {ratio:7.2f}  ≤ {target:<5} {verdict}")
    for name, value, unit, target in extras:
        verdict = "" if target is None else ("PASS" if value <= target else "MISS")
        limit = "" if target is None else f"≤ {target} {unit}"
        print(f"{name:68} {value:8.2f} {unit:3}  {limit} {verdict}")


if __name__ == "__main__":
    main()
