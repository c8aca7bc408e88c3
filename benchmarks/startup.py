"""Start-up and lookup times against the floor, on the bundled KB and on synthetic KBs.

    python benchmarks/startup.py                       # bundled KB + 1k, 10k, 100k records
    python benchmarks/startup.py --sizes 1000 --runs 9 # quicker

Every command runs as a fresh process, in turn with the references, so a noisy machine slows
all of them alike: the ratios hold where absolute times do not. References: bare `python -c
pass`, `../shared/bench/floor.py` (Typer + Rich table + RapidFuzz printing one row, run by the
same interpreter) and `grep -rF` over the same YAML files. For each synthetic KB the first run
after the data changed (parse, validate, build the index) is timed on an empty cache, with its
peak memory; the figures after it are warm-cache lookups. Run it from an installed package
(`pip install .`) or after `python -m compileall deepseek_kb`, so bytecode is not recompiled
on every run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Beside the checkout (../shared), or beside the folder of worktrees a checkout sits in.
FLOOR = (
    next(
        (f for f in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if f.is_dir()),
        ROOT.parent / "shared",
    )
    / "bench"
    / "floor.py"
)
_SCRIPT = Path(sys.executable).parent / "dskb"
DSKB = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "deepseek_kb"]
LOOKUPS = {
    "quote 创新": ["quote", "创新"],
    "timeline": ["timeline"],
    "models --compare": ["models", "--compare"],
    "search V3": ["search", "V3"],
}
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "t = time.perf_counter() - t\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(t, peak, code)\n"
)


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds, peak resident MiB and exit code of one fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], env=env, capture_output=True, text=True
    ).stdout.split()
    seconds, peak_kib, code = float(out[0]), float(out[1]), int(out[2])
    return seconds, peak_kib / 1024, code


def medians(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, float]:
    """Median seconds per command, the commands taken in turn `runs` times."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            seconds, _, code = run_once(command, env)
            if code not in (0, 1):
                raise SystemExit(f"{name} failed with exit code {code}")
            times[name].append(seconds)
    return {name: statistics.median(values) for name, values in times.items()}


def measure_kb(label: str, data_dir: Path | None, runs: int) -> list[str]:
    """Rows of the report for one KB."""
    cache = Path(tempfile.mkdtemp(prefix="dskb-bench-cache-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1", "COLUMNS": "120"}
    if data_dir is not None:
        env["DSKB_DATA_DIR"] = str(data_dir)
    yaml_dir = data_dir or ROOT / "data"
    build_seconds, build_peak, code = run_once([*DSKB, "search", "V3"], env)
    if code not in (0, 1):
        raise SystemExit(f"first run on {label} failed with exit code {code}")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "floor.py": [sys.executable, str(FLOOR), "V3"],
        "grep -rF V3": ["grep", "-rF", "V3", str(yaml_dir)],
        **{name: [*DSKB, *args] for name, args in LOOKUPS.items()},
    }
    found = medians(commands, env, runs)
    peaks = [run_once([*DSKB, *args], env)[1] for args in LOOKUPS.values()]
    shutil.rmtree(cache, ignore_errors=True)
    floor, bare = found["floor.py"], found["python -c pass"]
    rows = [
        f"| {label} | first run (build) | {build_seconds * 1000:,.0f} ms | | | {build_peak:.0f} MiB |"
    ]
    for name in ("python -c pass", "floor.py", "grep -rF V3", *LOOKUPS):
        ms = found[name] * 1000
        rows.append(
            f"| {label} | {name} | {ms:,.0f} ms | {found[name] / floor:.2f}× "
            f"| {found[name] / bare:.1f}× | |"
        )
    rows.append(f"| {label} | peak memory of the lookups | | | | {max(peaks):.0f} MiB |")
    return rows


def main() -> None:
    """Measure the bundled KB and each synthetic size; print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per command (median)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    args = parser.parse_args()
    if not FLOOR.is_file():
        raise SystemExit(f"floor.py not found at {FLOOR}")
    sys.path.insert(0, str(ROOT))
    from benchmarks.synthetic_kb import generate

    print("| KB | command | median | × floor.py | × python | peak RSS |")
    print("|---|---|---|---|---|---|")
    for row in measure_kb("bundled", None, args.runs):
        print(row, flush=True)
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"dskb-synthetic-{size}-"))
        started = time.perf_counter()
        generate(folder, size)
        sys.stderr.write(f"generated {size} records in {time.perf_counter() - started:.1f} s\n")
        for row in measure_kb(f"{size:,} records", folder, max(5, args.runs // 2)):
            print(row, flush=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
