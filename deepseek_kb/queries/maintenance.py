"""`dskb info`, `dskb validate` and shell completion."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deepseek_kb import __version__
from deepseek_kb.errors import Problem
from deepseek_kb.index.store import Index
from deepseek_kb.kinds import BY_STEM, EVENT_WORDS, NAMES, SUBJECTS, EventType
from deepseek_kb.messages import texts
from deepseek_kb.paths import DATA_FILE_RULE, discover
from deepseek_kb.queries.common import index_for
from deepseek_kb.rows import Row
from deepseek_kb.settings import Settings, resolve


def info(index: Index, settings: Settings) -> dict[str, Any]:
    """What `dskb info` reports."""
    return {
        "version": __version__,
        "data": [str(f) for f in index.layout.folders],
        "overlays": "DSKB_PATH" if settings.overlays else "none",
        "cache": str(index.path) if index.path else "(in memory: the cache folder is not writable)",
        "records": index.counts(),
    }


@dataclass
class Report:
    """The outcome of `dskb validate`."""

    counts: dict[str, int]
    problems: list[Problem]
    folders: list[str]
    files: list[tuple[int, str, int]] = field(default_factory=list)
    replaced: list[tuple[str, str, str]] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)  # '' counts values without one

    @property
    def status_share(self) -> float:
        """The percentage of values (specs, dates, claims, texts with citations) with a status."""
        total = sum(self.statuses.values())
        return 100.0 * (total - self.statuses.get("", 0)) / total if total else 100.0

    def as_json(self) -> Row:
        """ok, the rule for data files, counts, folders, files, overlay replacements and every
        problem as data."""
        return {
            "ok": not self.problems,
            "rule": DATA_FILE_RULE,
            "records": self.counts,
            "folders": self.folders,
            "files": [{"layer": layer, "file": f, "records": n} for layer, f, n in self.files],
            "replaced": [{"id": i, "was": was, "by": by} for i, was, by in self.replaced],
            "statuses": {
                "values": sum(self.statuses.values()),
                "with_status_percent": round(self.status_share, 2),
                "by_status": {k: v for k, v in sorted(self.statuses.items()) if k},
            },
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "record": p.record,
                    "field": p.field,
                    "message": p.message,
                    "message_zh": p.text.zh,
                }
                for p in self.problems
            ],
        }


def validate(settings: Settings, data_dir: Path | None) -> Report:
    """Load and check everything in the data folders (or `data_dir` alone), every problem."""
    from deepseek_kb.errors import DataError
    from deepseek_kb.loader.records import load_kb

    if data_dir is not None:
        layout = discover((data_dir,))
    else:
        layout = discover(settings.folders, settings.bundled)
    folders = [str(f) for f in layout.folders]
    try:
        kb = load_kb(layout)
    except DataError as failure:
        return Report({}, failure.problems, folders)
    per_file: dict[tuple[int, str], int] = {(f.layer, f.display): 0 for f in layout.files}
    for loaded in kb.origins.values():
        per_file[(loaded.file.layer, loaded.file.display)] += 1
    replaced = [
        (new.record.id, f"{old.file.display}:{old.line}", f"{new.file.display}:{new.line}")
        for old, new in kb.replaced
    ]
    files = [(layer, name, n) for (layer, name), n in per_file.items()]
    statuses, problems = _statuses(kb)
    counts = {t: len(r) for t, r in kb.records.items()}
    return Report(counts, problems, folders, files, replaced, statuses)


def _statuses(kb: Any) -> tuple[dict[str, int], list[Problem]]:
    """Every value's status by the rule of `told.py`, and a problem for each value without one."""
    import json

    from deepseek_kb.told import count_statuses, source_info, with_status

    info = source_info(
        json.loads(s.model_dump_json(exclude_none=True)) for s in kb.records["source"]
    )
    totals: dict[str, int] = {}
    problems = []
    for kind, records in kb.records.items():
        if kind == "source":
            continue
        for record in records:
            counts: dict[str, int] = {}
            count_statuses(
                with_status(json.loads(record.model_dump_json(exclude_none=True)), info), counts
            )
            for status, n in counts.items():
                totals[status] = totals.get(status, 0) + n
            if counts.get(""):
                loaded = kb.origins[record.id]
                message = texts("problem.no_status")
                problems.append(Problem(loaded.file.display, loaded.line, message, record.id))
    return totals, problems


def completions(kind: str, incomplete: str) -> list[str]:
    """Values for shell completion, read from the index (never fails: an error completes nothing)."""
    try:
        return _completions(kind, incomplete)
    except Exception:  # completion must never print a traceback into the user's shell
        return []


def _completions(kind: str, incomplete: str) -> list[str]:
    prefix = incomplete.casefold()
    if kind == "event-type":
        if not prefix:
            return list(EventType)
        # The id, and the names a row shows as one word each (open-source, 开源发布).
        options: list[str] = [
            word
            for kind_id, (zh, en) in EVENT_WORDS.items()
            for word in (kind_id, en.replace(" ", "-"), zh)
        ]
    elif kind == "type":
        options = list(NAMES)
    elif kind == "file":
        options = list(BY_STEM)
    else:
        data_dir = os.environ.get("DSKB_DATA_DIR")
        index = index_for(resolve(data_dir=Path(data_dir) if data_dir else None))
        types = SUBJECTS if kind == "entity" else (kind,)
        options = []
        for record_type in types:
            names: dict[str, list[str]] = {}
            for rid, _, name in index.names(record_type):
                names.setdefault(rid, []).append(name)
            for rid, said in names.items():
                options.extend(_offered(rid, said, incomplete))
        return list(dict.fromkeys(options))
    seen = dict.fromkeys(o for o in options if o.casefold().startswith(prefix))
    return list(seen)


def _offered(rid: str, names: list[str], incomplete: str) -> list[str]:
    """What one record offers: its id when nothing is typed (one word per record, not its ids
    and names mixed); else its one-word names and id that start with what is typed, those in
    the same case first (a shell keeps only those), else any case."""
    if not incomplete:
        return [rid]
    # A shell splits a completed word at spaces, so only one-word names are offered.
    words = [n for n in dict.fromkeys([*names, rid]) if not any(c.isspace() for c in n)]
    same_case = [w for w in words if w.startswith(incomplete)]
    return same_case or [w for w in words if w.casefold().startswith(incomplete.casefold())]
