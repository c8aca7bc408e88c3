"""How long `dskb verify` takes on the labelled claims, against `floor.py`.

    python benchmarks/verify_speed.py              # every labelled claim, 3 rounds
    python benchmarks/verify_speed.py --rounds 5

Each claim of tests/eval/verify-claims.yaml runs as a fresh process (warm cache), each followed by
a run of `../shared/bench/floor.py` (Typer + Rich table + RapidFuzz printing one row), so a noisy
machine slows both alike. Prints the median of each and their ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "tests" / "eval" / "verify-claims.yaml"
_SCRIPT = Path(sys.executable).parent / "dskb"
DSKB = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "deepseek_kb"]


def _floor() -> Path:
    """floor.py beside the repository (../shared/bench), or beside the worktrees' parent."""
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "bench" / "floor.py"
        if path.is_file():
            return path
    raise SystemExit("floor.py not found in ../shared/bench or ../../shared/bench")


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs of each claim")
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    claims = [item["text"] for item in yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))]
    floor = [sys.executable, str(_floor())]
    subprocess.run([*DSKB, "info"], env=env, stdout=subprocess.DEVNULL)  # warm the cache
    verify_times, floor_times = [], []
    for _ in range(args.rounds):
        for claim in claims:
            verify_times.append(_time([*DSKB, "verify", claim], env))
            floor_times.append(_time(floor, env))
    mv, mf = statistics.median(verify_times), statistics.median(floor_times)
    print(f"claims: {len(claims)} × {args.rounds} runs")
    print(f"floor.py        median {mf * 1000:.0f} ms")
    print(f"dskb verify     median {mv * 1000:.0f} ms   ({mv / mf:.2f}× floor.py)")
    print(f"dskb verify     slowest {max(verify_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
