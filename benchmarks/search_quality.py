"""Search quality on the labelled sets: answer@1, recall@3 and MRR, beside a line-by-line grep.

    python benchmarks/search_quality.py [--verbose] [--test-misses]

answer@1: the share of labelled questions (tests/answer_queries.yaml) whose first result (the
answer line, else the top hit) is the expected record and shows the expected value.

On the unseen questions (tests/eval/: the dev and test splits, and dev2 to dev22, development
sets written later by people who had not seen the code or the other sets, and a held-out
set written after the test split's misses were read): answer@1 is the share of answerable
questions whose asserted answer is from an expected record and states the expected value;
"wrong" the share of all questions where a value was asserted that is not the expected one (or
any value where the KB holds none); "abstained" how many of the unanswerable questions got no
asserted answer.

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
# The unseen questions, written from the sources before the answering code (tests/eval/README.md).
SPLITS = {
    name: ROOT / "tests" / "eval" / f"questions-{name}.yaml"
    for name in (
        "dev",
        "dev2",
        "dev3",
        "dev4",
        "dev5",
        "dev6",
        "dev7",
        "dev8",
        "dev9",
        "dev10",
        "dev11",
        "dev12",
        "dev13",
        "dev14",
        "dev15",
        "dev16",
        "dev17",
        "dev18",
        "dev19",
        "dev20",
        "dev21",
        "dev22",
        "test",
        "holdout",
    )
}
# Sets whose questions are read only at the end: the test split, and a fresh held-out set
# written after the test split's misses had been read (tests/eval/README.md).
SCORED_ONLY = ("test", "holdout")
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


@dataclass(frozen=True)
class Judged:
    """One unseen question judged: whether dskb asserted an answer, and whether that was right
    (the expected value in the answer, from an expected record) or, for a question the KB cannot
    answer, whether it rightly asserted nothing."""

    item: dict[str, Any]
    asserted: bool
    right: bool
    shown: str

    @property
    def wrong_asserted(self) -> bool:
        """A value asserted that is not the expected one, or any value where none exists."""
        return self.asserted and not self.right


def judge(index: Index, item: dict[str, Any]) -> Judged:
    """Ask one unseen question as `dskb search` does and judge the first result."""
    result = search_all(index, str(item["q"]), None, 1, None)
    found = result.answer
    if found is None:
        shown = "not stated" if result.unstated is not None else "no answer"
        return Judged(item, False, item.get("answerable", True) is False, shown)
    answer = found.as_json([])["match"]["answer"]
    # What it says, not where it is cited: a source id (dspark-paper) is no value (DSpark).
    said = (
        found.text("zh")
        + " "
        + found.text("en")
        + " "
        + found.line("en").replace(answer["cites"], " ")
    )
    said += json.dumps({k: v for k, v in answer.items() if k != "cites"}, ensure_ascii=False)
    shown = f"{found.record['id']} · {found.line('en')[:100]}"
    if item.get("answerable", True) is False:
        return Judged(item, True, False, shown)
    ids = item["id"] if isinstance(item["id"], list) else [item["id"]]
    values = item["value"] if isinstance(item["value"], list) else [item["value"]]
    values = [*values, *([item["also"]] if item.get("also") else [])]
    whose = {found.record["id"], (found.subject or {}).get("id")}
    right = bool(whose & set(ids) or _related(index, whose, ids)) and any(
        _said(str(v), said) for v in values
    )
    return Judged(item, True, right, shown)


def _related(index: Index, whose: set[Any], ids: list[str]) -> bool:
    """The answer came from a record the expected one names, or that names it (the project
    DualPipe and the term DualPipe; a model and the event of its release): the same value
    stated twice in the KB, not a different one."""
    for expected in ids:
        found = index.get(str(expected))
        text = json.dumps(found.row, ensure_ascii=False) if found else ""
        if any(w and f'"{w}"' in text for w in whose):
            return True
    for record_id in whose:
        found = index.get(str(record_id)) if record_id else None
        text = json.dumps(found.row, ensure_ascii=False) if found else ""
        if any(f'"{e}"' in text for e in ids):
            return True
    return False


def _held(index: Index, item: dict[str, Any]) -> bool:
    ids = item["id"] if isinstance(item["id"], list) else [item["id"]]
    return all(index.get(str(i)) is not None for i in ids)


def _said(value: str, said: str) -> bool:
    """The expected value is in what was said (case and spacing aside)."""
    squash = re.compile(r"[\s,]")
    return squash.sub("", value).casefold() in squash.sub("", said).casefold()


def report_unseen(index: Index, verbose: bool, test_misses: bool = False) -> None:
    """answer@1, wrong asserted answers and abstentions on each split, by group."""
    for name, path in SPLITS.items():
        if not path.exists():
            continue
        items = load_queries(path)
        # Questions on data still being added count once their record is there.
        ready = [i for i in items if not i.get("pending") or _held(index, i)]
        judged = [judge(index, item) for item in ready]
        if len(ready) < len(items):
            print(f"\n({len(items) - len(ready)} {name} questions wait for data not yet added)")
        print(f"\nunseen questions, {name} split ({path.relative_to(ROOT)}): {len(judged)}")
        print(f"{'group':18} {'n':>4} {'answer@1':>9} {'wrong':>6} {'abstained':>10}")
        for key in ("lang", "style", "kind"):
            for value in sorted({str(j.item.get(key)) for j in judged}):
                _row(f"{key}={value}", [j for j in judged if str(j.item.get(key)) == value])
        _row("all", judged)
        if verbose and (name not in SCORED_ONLY or test_misses):
            for j in judged:
                if not j.right:
                    print(f"  {'WRONG' if j.asserted else 'miss '} {j.item['q']!r}: {j.shown}")


def _row(group: str, judged: list[Judged]) -> None:
    answerable = [j for j in judged if j.item.get("answerable", True) is not False]
    unanswerable = [j for j in judged if j.item.get("answerable", True) is False]
    right = sum(j.right for j in answerable) / len(answerable) if answerable else float("nan")
    wrong = sum(j.wrong_asserted for j in judged) / len(judged)
    abstained = f"{sum(j.right for j in unanswerable)}/{len(unanswerable)}" if unanswerable else "-"
    print(f"{group:18} {len(judged):4d} {right:9.1%} {wrong:6.1%} {abstained:>10}")


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
    parser.add_argument("--verbose", action="store_true", help="list the misses (dev split)")
    parser.add_argument(
        "--test-misses",
        action="store_true",
        help="with --verbose, list the test and holdout misses too (read them only at the end)",
    )
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
    report_unseen(index, args.verbose, args.test_misses)
    if args.verbose:
        for outcome in ours:
            if outcome.recall < 1:
                print(f"miss: {outcome.query!r} expected {outcome.expect} got {outcome.top[:5]}")
        for wrong in answered:
            if not wrong.right:
                print(f"wrong first result: {wrong.query!r} got {wrong.first}")


if __name__ == "__main__":
    main()
