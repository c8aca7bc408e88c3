"""Write a valid synthetic data folder of about N records, for measuring dskb at scale.

    python benchmarks/synthetic_kb.py OUTDIR --records 100000

Proportions follow the real KB (mostly events, quotes and facts; a few hundred models at most)
and the text is drawn from the real KB's own Chinese and English sentences, recombined, so
lengths and character mixes are realistic. Large types are split into files of 5,000 records
(`events/part-0001.yaml` …), as the loader expects of big folders. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from deepseek_kb.loader import load_kb

CHUNK = 5000
SHARES = {
    "source": 0.02,
    "organization": 0.01,
    "person": 0.03,
    "model": 0.003,
    "event": 0.25,
    "quote": 0.30,
    "fact": 0.377,
}
STEMS = {
    "source": "sources",
    "topic": "topics",
    "organization": "organizations",
    "person": "people",
    "model": "models",
    "event": "events",
    "quote": "quotes",
    "fact": "facts",
}
MAX_MODELS = 300


def _y(value: Any) -> str:
    """A YAML flow value; JSON is valid YAML for the strings, numbers and lists used here."""
    return json.dumps(value, ensure_ascii=False)


def _text(rng: random.Random, pool: list[tuple[str, str]], parts: int = 2) -> dict[str, str]:
    picked = rng.sample(pool, k=min(parts, len(pool)))
    return {"zh": "".join(p[0] for p in picked), "en": " ".join(p[1] for p in picked)}


def generate(out: Path, records: int, seed: int = 7) -> dict[str, int]:
    """Write the folder; returns records per type."""
    rng = random.Random(seed)
    real = load_kb()
    pool = [
        (t.zh, t.en)
        for r in real.records["quote"] + real.records["fact"]
        for t in [getattr(r, "text", None)]
        if t is not None
    ]
    titles = [(e.title.zh, e.title.en) for e in real.records["event"]]  # type: ignore[attr-defined]
    counts = {t: max(1, int(records * share)) for t, share in SHARES.items()}
    counts["model"] = min(counts["model"], MAX_MODELS)
    out.mkdir(parents=True, exist_ok=True)
    cite = _y([{"source": "src-000000", "section": "synthetic"}])

    def ids(kind: str) -> list[str]:
        return [f"{kind}-{i:06d}" for i in range(counts[kind])]

    topics = [t.id for t in real.records["topic"]]
    people, orgs, models = ids("person"), ids("organization"), ids("model")
    lines: dict[str, list[str]] = {t: [] for t in STEMS}
    lines["topic"] = [
        f"- {{id: {t.id}, name: {_y(t.name.model_dump())}, sources: {cite}}}"  # type: ignore[attr-defined]
        for t in real.records["topic"]
    ]
    for sid in [f"src-{i:06d}" for i in range(counts["source"])]:
        lines["source"].append(
            f"- {{id: {sid}, kind: web-page, title: {_y(_text(rng, titles, 1))}, "
            f"url: 'https://example.org/{sid}', sources: {cite}}}"
        )
    for oid in orgs:
        lines["organization"].append(
            f"- {{id: {oid}, name: {{zh: 机构{oid[-6:]}, en: Org {oid[-6:]}}}, kind: company, "
            f"description: {_y(_text(rng, pool, 1))}, sources: {cite}}}"
        )
    for pid in people:
        lines["person"].append(
            f"- {{id: {pid}, name: {{zh: 人物{pid[-6:]}, en: Person {pid[-6:]}}}, "
            f"role: {_y(_text(rng, titles, 1))}, affiliations: [{rng.choice(orgs)}], sources: {cite}}}"
        )
    for mid in models:
        size = rng.choice([1.3, 7, 16, 67, 236, 671])
        lines["model"].append(
            f"- id: {mid}\n  name: {{zh: 模型 {mid[-6:]}, en: Model {mid[-6:]}}}\n"
            f"  aliases: [M{mid[-6:]}]\n  family: Synthetic\n  kind: language\n"
            f"  summary: {_y(_text(rng, pool, 1))}\n"
            f"  released: {{date: '{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}', sources: {cite}}}\n"
            f"  specs:\n    total_params: {{value: {{value: {size}, unit: B params}}, sources: {cite}}}\n"
            f"    context_length: {{value: {{value: {rng.choice([4, 32, 128])}, unit: K tokens}}, sources: {cite}}}\n"
            f"  claims:\n    - {{text: {_y(_text(rng, pool, 1))}, sources: {cite}}}\n"
            f"  sources: {cite}"
        )
    for eid in ids("event"):
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines["event"].append(
            f"- {{id: {eid}, date: '{date}', type: milestone, title: {_y(_text(rng, titles, 1))}, "
            f"description: {_y(_text(rng, pool, 1))}, about: [{rng.choice(models)}], sources: {cite}}}"
        )
    for qid in ids("quote"):
        lines["quote"].append(
            f"- {{id: {qid}, speaker: {rng.choice(people)}, text: {_y(_text(rng, pool))}, "
            f"topics: [{rng.choice(topics)}], sources: {cite}}}"
        )
    for fid in ids("fact"):
        lines["fact"].append(
            f"- {{id: {fid}, category: commentary, text: {_y(_text(rng, pool))}, "
            f"about: [{rng.choice(orgs)}], sources: {cite}}}"
        )
    for kind, items in lines.items():
        stem = STEMS[kind]
        if len(items) <= CHUNK:
            (out / f"{stem}.yaml").write_text("\n".join(items) + "\n", encoding="utf-8")
            continue
        folder = out / stem
        folder.mkdir(exist_ok=True)
        for n, start in enumerate(range(0, len(items), CHUNK), start=1):
            chunk = items[start : start + CHUNK]
            (folder / f"part-{n:04d}.yaml").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    counts["source"] = len(lines["source"])
    counts["topic"] = len(lines["topic"])
    return {t: len(v) for t, v in lines.items()}


def main() -> None:
    """Command-line entry: OUTDIR --records N [--seed S]."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    counts = generate(args.outdir, args.records, args.seed)
    print(f"wrote {sum(counts.values())} records to {args.outdir}: {counts}")


if __name__ == "__main__":
    main()
