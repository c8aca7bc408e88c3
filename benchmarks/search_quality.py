"""Search quality on the labelled query set: recall@3 and MRR, beside a line-by-line grep.

    python benchmarks/search_quality.py [--verbose]

recall@3: the share of expected ids found in the top 3 (averaged over queries). MRR: the mean
of 1/rank of the first expected id (0 when it is not in the top 10). The grep baseline runs
`grep -F -i` over the article, line by line, as a person would, and counts an expected record as
found when one of the first 3 matching lines is a line that record cites.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from deepseek_kb.index.store import Index
from deepseek_kb.queries.common import index_for
from deepseek_kb.search.rank import search
from deepseek_kb.settings import resolve

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yaml"
ARTICLE = ROOT / "tests" / "fixtures" / "deepseek-article.md"


@dataclass(frozen=True)
class Outcome:
    """One query's result: what was expected, what came back, where the first hit ranked."""

    query: str
    kind: str
    expect: tuple[str, ...]
    top: tuple[str, ...]
    recall: float
    reciprocal_rank: float


def load_queries() -> list[dict[str, Any]]:
    """The labelled queries."""
    return list(yaml.safe_load(QUERIES.read_text(encoding="utf-8")))


def evaluate(index: Index, queries: list[dict[str, Any]]) -> list[Outcome]:
    """Run every query through dskb's search and score it."""
    outcomes = []
    for item in queries:
        query, expect = str(item["q"]), tuple(item["expect"])
        top = tuple(hit.id for hit in search(index, query, limit=10))
        outcomes.append(_outcome(query, str(item["kind"]), expect, top))
    return outcomes


def _outcome(query: str, kind: str, expect: tuple[str, ...], top: tuple[str, ...]) -> Outcome:
    recall = sum(e in top[:3] for e in expect) / len(expect)
    ranks = [top.index(e) + 1 for e in expect if e in top]
    return Outcome(query, kind, expect, top, recall, 1 / min(ranks) if ranks else 0.0)


def grep_baseline(index: Index, queries: list[dict[str, Any]]) -> list[Outcome]:
    """What `grep -F -i QUERY article.md` finds: records citing the first 3 matching lines."""
    by_line: dict[int, list[str]] = {}
    for rid, text in index.query("SELECT id, json FROM records"):
        for line in {int(n) for n in re.findall(r'"source":"article"[^}]*?"line":(\d+)', text)}:
            by_line.setdefault(line, []).append(rid)
    outcomes = []
    for item in queries:
        query, expect = str(item["q"]), tuple(item["expect"])
        found = subprocess.run(
            ["grep", "-n", "-F", "-i", "--", query, str(ARTICLE)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.splitlines()
        lines = [int(row.split(":", 1)[0]) for row in found[:3]]
        top = tuple(dict.fromkeys(r for n in lines for r in by_line.get(n, [])))
        hit = any(e in top for e in expect)
        outcomes.append(
            Outcome(query, str(item["kind"]), expect, top, float(hit), 1.0 if hit else 0.0)
        )
    return outcomes


def summary(outcomes: list[Outcome]) -> tuple[float, float]:
    """(recall@3, MRR) over all outcomes."""
    n = len(outcomes)
    return sum(o.recall for o in outcomes) / n, sum(o.reciprocal_rank for o in outcomes) / n


def main() -> None:
    """Print recall@3 and MRR per query kind and overall, for dskb and for grep."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list the misses")
    args = parser.parse_args()
    index = index_for(resolve())
    queries = load_queries()
    ours = evaluate(index, queries)
    grep = grep_baseline(index, queries)
    kinds = sorted({o.kind for o in ours})
    print(f"{'kind':8} {'queries':>7} {'recall@3':>9} {'MRR':>6} {'grep recall@3':>14}")
    for kind in [*kinds, "all"]:
        mine = [o for o in ours if kind in ("all", o.kind)]
        theirs = [o for o in grep if kind in ("all", o.kind)]
        recall, mrr = summary(mine)
        grep_recall, _ = summary(theirs)
        print(f"{kind:8} {len(mine):7d} {recall:9.1%} {mrr:6.3f} {grep_recall:14.1%}")
    if args.verbose:
        for outcome in ours:
            if outcome.recall < 1:
                print(f"miss: {outcome.query!r} expected {outcome.expect} got {outcome.top[:5]}")


if __name__ == "__main__":
    main()
