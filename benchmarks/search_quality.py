"""Search quality on the labelled sets: answer@1, recall@3 and MRR, beside a line-by-line grep.

    python benchmarks/search_quality.py [--verbose]

answer@1: the share of labelled questions (tests/answer_queries.yaml) whose first result (the
answer line, else the top hit) is the expected record and shows the expected value.

recall@3: the share of expected ids found in the top 3 (averaged over queries). MRR: the mean
of 1/rank of the first expected id (0 when it is not in the top 10). The grep baseline runs
`grep -F -i` over the article, line by line, as a person would, and counts an expected record as
found when one of the first 3 matching lines is a line that record cites.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from deepseek_kb.index.store import Index
from deepseek_kb.queries.common import index_for
from deepseek_kb.queries.lookup import search_all
from deepseek_kb.search.rank import search
from deepseek_kb.settings import resolve

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yaml"
QUESTIONS = ROOT / "tests" / "answer_queries.yaml"
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


def load_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    """The labelled queries (or, given QUESTIONS, the labelled questions)."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Answered:
    """One question's result: whether the first result is right, and what it was."""

    query: str
    kind: str
    right: bool
    first: str


def answer_at_1(index: Index, questions: list[dict[str, Any]]) -> list[Answered]:
    """Ask every labelled question as `dskb search` does; the first result must be one of the
    expected records and show the expected value."""
    outcomes = []
    for item in questions:
        result = search_all(index, str(item["q"]), None, 1, None)
        first = result.as_json()[:1]
        expected = item["id"] if isinstance(item["id"], list) else [item["id"]]
        right, shown = False, "nothing"
        if first:
            hit = first[0]
            if result.answer is not None and hit["match"]["how"] == "answer":
                said = result.answer.text("zh") + result.answer.text("en")
                haystack = said + json.dumps(hit["match"]["answer"], ensure_ascii=False)
            else:
                haystack = json.dumps(hit["record"], ensure_ascii=False)
            right = hit["id"] in expected and str(item["value"]) in haystack
            shown = f"{hit['id']} ({hit['match']['how']})"
        outcomes.append(Answered(str(item["q"]), str(item["kind"]), right, shown))
    return outcomes


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
    answered = answer_at_1(index, load_queries(QUESTIONS))
    print()
    print(f"{'kind':8} {'questions':>9} {'answer@1':>9}")
    for kind in [*sorted({a.kind for a in answered}), "all"]:
        mine_a = [a for a in answered if kind in ("all", a.kind)]
        share = sum(a.right for a in mine_a) / len(mine_a)
        print(f"{kind:8} {len(mine_a):9d} {share:9.1%}")
    if args.verbose:
        for outcome in ours:
            if outcome.recall < 1:
                print(f"miss: {outcome.query!r} expected {outcome.expect} got {outcome.top[:5]}")
        for wrong in answered:
            if not wrong.right:
                print(f"wrong first result: {wrong.query!r} got {wrong.first}")


if __name__ == "__main__":
    main()
