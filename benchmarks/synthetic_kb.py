"""Write a valid synthetic data folder of about N records, for measuring dskb at scale.

    python benchmarks/synthetic_kb.py OUTDIR --records 100000 [--style json|yaml]

Proportions follow the real KB (mostly events, quotes and facts; a few hundred models at most)
and every text is one of the real KB's own Chinese/English sentence pairs, so lengths and
character mixes are realistic. Large types are split into files of 5,000 records
(`events/part-0001.yaml` …). `--style json` (the default) writes each file as a JSON array,
the form generated data takes and valid YAML; `--style yaml` writes the block YAML people
write by hand. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import yaml

from deepseek_kb.loader.records import load_kb

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
Record = dict[str, Any]


def records(total: int, seed: int = 7) -> dict[str, list[Record]]:
    """About `total` valid records by type, texts drawn from the real KB."""
    rng = random.Random(seed)
    real = load_kb()
    pool = [
        r.text.model_dump()  # type: ignore[attr-defined]
        for r in real.records["quote"] + real.records["fact"]
    ]
    titles = [e.title.model_dump() for e in real.records["event"]]  # type: ignore[attr-defined]
    counts = {t: max(1, int(total * share)) for t, share in SHARES.items()}
    counts["model"] = min(counts["model"], MAX_MODELS)

    def ids(kind: str, prefix: str | None = None) -> list[str]:
        return [f"{prefix or kind}-{i:06d}" for i in range(counts[kind])]

    sources, orgs, people, models = (
        ids("source", "src"),
        ids("organization"),
        ids("person"),
        ids("model"),
    )
    cite = [{"source": sources[0], "section": "synthetic"}]
    out: dict[str, list[Record]] = {t: [] for t in STEMS}
    out["topic"] = [t.model_dump(mode="json", exclude_none=True) for t in real.records["topic"]]
    for topic in out["topic"]:
        topic["sources"] = cite
    topics = [t["id"] for t in out["topic"]]
    for sid in sources:
        out["source"].append(
            {
                "id": sid,
                "kind": "web-page",
                "title": rng.choice(titles),
                "url": f"https://example.org/{sid}",
                "sources": cite,
            }
        )
    for oid in orgs:
        out["organization"].append(
            {
                "id": oid,
                "name": {"zh": f"机构{oid[-6:]}", "en": f"Org {oid[-6:]}"},
                "kind": "company",
                "description": rng.choice(pool),
                "sources": cite,
            }
        )
    for pid in people:
        out["person"].append(
            {
                "id": pid,
                "name": {"zh": f"人物{pid[-6:]}", "en": f"Person {pid[-6:]}"},
                "role": rng.choice(titles),
                "affiliations": [rng.choice(orgs)],
                "sources": cite,
            }
        )
    for n, mid in enumerate(models):
        out["model"].append(
            {
                "id": mid,
                "name": {"zh": f"模型 {mid[-6:]}", "en": f"Model {mid[-6:]}"},
                "aliases": [f"M{mid[-6:]}"],
                "family": "Synthetic",
                "kind": "language",
                "main": n < 7,
                "summary": rng.choice(pool),
                "released": {
                    "date": f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}",
                    "sources": cite,
                },
                "specs": {
                    "total_params": {
                        "value": {
                            "value": rng.choice([1.3, 7, 16, 67, 236, 671]),
                            "unit": "B params",
                        },
                        "sources": cite,
                    },
                    "context_length": {
                        "value": {"value": rng.choice([4096, 32000, 128000]), "unit": "tokens"},
                        "sources": cite,
                    },
                },
                "claims": [{"text": rng.choice(pool), "sources": cite}],
                "sources": cite,
            }
        )
    for eid in ids("event"):
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out["event"].append(
            {
                "id": eid,
                "date": date,
                "type": "milestone",
                "title": rng.choice(titles),
                "description": rng.choice(pool),
                "about": [rng.choice(models)],
                "sources": cite,
            }
        )
    for qid in ids("quote"):
        out["quote"].append(
            {
                "id": qid,
                "speaker": rng.choice(people),
                "text": rng.choice(pool),
                "topics": [rng.choice(topics)],
                "sources": cite,
            }
        )
    for fid in ids("fact"):
        out["fact"].append(
            {
                "id": fid,
                "category": "commentary",
                "text": rng.choice(pool),
                "about": [rng.choice(orgs)],
                "sources": cite,
            }
        )
    return out


def _dump(items: list[Record], style: str) -> str:
    if style == "json":
        body = ",\n".join(json.dumps(r, ensure_ascii=False) for r in items)
        return f"# generated by benchmarks/synthetic_kb.py\n[\n{body}\n]\n"
    return yaml.dump(items, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)


class _NoAliases(yaml.SafeDumper):
    """Write shared values out in full: data files may not use anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def generate(out: Path, total: int, seed: int = 7, style: str = "json") -> dict[str, int]:
    """Write the folder; returns records per type."""
    data = records(total, seed)
    out.mkdir(parents=True, exist_ok=True)
    for kind, items in data.items():
        stem = STEMS[kind]
        if len(items) <= CHUNK:
            (out / f"{stem}.yaml").write_text(_dump(items, style), encoding="utf-8")
            continue
        folder = out / stem
        folder.mkdir(exist_ok=True)
        for n, start in enumerate(range(0, len(items), CHUNK), start=1):
            chunk = items[start : start + CHUNK]
            (folder / f"part-{n:04d}.yaml").write_text(_dump(chunk, style), encoding="utf-8")
    return {t: len(v) for t, v in data.items()}


def main() -> None:
    """Command-line entry: OUTDIR --records N [--seed S] [--style json|yaml]."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--style", choices=["json", "yaml"], default="json")
    args = parser.parse_args()
    counts = generate(args.outdir, args.records, args.seed, args.style)
    print(f"wrote {sum(counts.values())} records to {args.outdir}: {counts}")


if __name__ == "__main__":
    main()
