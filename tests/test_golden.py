"""Every view as a person sees it, at 80, 100, 120 and 160 columns, in zh, en and both.

The files under tests/golden/ were reviewed by eye; a change to a view shows up as a diff of
them. After a deliberate change, regenerate and review the diff:

    DSKB_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

Beside the pinned text, every rendering is checked for what a reader must never see: a line
wider than the terminal (a URL or path longer than a line aside, left whole on a line of
its own for the terminal to fold), a date,
arXiv id or URL broken across lines, or anything cut with … that is not cut in the data.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from .conftest import made_once, run

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DSKB_UPDATE_GOLDEN") == "1"

VIEWS = {
    "models": ["models"],
    "compare": ["models", "--compare"],
    "compare-all": ["models", "--compare", "--all"],
    "model-v3": ["models", "show", "V3"],
    "timeline": ["timeline"],
    "quote": ["quote", "创新"],
    "search": ["search", "V3"],
    "answer": ["search", "V3 training cost"],
    "verify": ["verify", "DeepSeek-V3 training cost was $6M"],
    "verify-quote": ["verify", "我们不会闭源，先有强大的技术生态更重要"],
    "people": ["people"],
    "company": ["company"],
    "sources": ["sources"],
    "explain": ["explain", "MLA"],
    "projects": ["projects"],
    "help": ["--help"],
    "help-models": ["help", "models"],
    "compare-chart": ["models", "--compare", "--chart"],
    "timeline-chart": ["timeline", "--chart"],
}
# A chart's row is one line: a label longer than the room beside the axis is cut (with …) to
# fit the width, never wrapped; these views are held to their golden text and width only.
CUT_TO_FIT = {"timeline-chart"}
WIDTHS = (80, 100, 120, 160)
LANGS = ("zh", "en", "both")
# Wide enough that nothing is wrapped or cut: what the data itself holds.
UNCUT = 1600  # the zh comparison of all 45 models needs more than 1000
# Every word of Latin text up to this long must come through whole (names, ids, dates).
WORD = 16

URL = re.compile(r"https?://[^\s)>\]，。]+")
BROKEN = (
    (re.compile(r"(?<![\w.-])\d{4}-(?:\d?|\d{2}-\d?)$"), re.compile(r"^\d")),  # 2024-03- / 11
    (re.compile(r"arXiv:\d*\.?\d*$"), re.compile(r"^\d")),  # arXiv:2401. / 14196
)


def _render(args: list[str], lang: str, width: int) -> str:
    if "--help" in args or args[0] == "help":  # Click's test runner pins help to 80 columns
        done = subprocess.run(
            [sys.executable, "-m", "deepseek_kb", *args, "--lang", lang],
            env={**os.environ, "COLUMNS": str(width)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout
    result = run(*args, "--lang", lang, env={"COLUMNS": str(width)})
    assert result.code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def uncut(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """Each view rendered so wide that nothing wraps: the reference for what may be cut
    (rendered once per run, however many test workers share it)."""

    def make(folder: Path) -> None:
        folder.mkdir(parents=True)
        for view, args in VIEWS.items():
            for lang in LANGS:
                text = _render(args, lang, UNCUT)  # as bytes: no newline is translated
                (folder / f"{view}-{lang}.txt").write_bytes(text.encode("utf-8"))

    folder = made_once(tmp_path_factory, "golden-uncut", make)
    return {
        (view, lang): (folder / f"{view}-{lang}.txt").read_bytes().decode("utf-8")
        for view in VIEWS
        for lang in LANGS
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", VIEWS)
def test_view_reads_well_and_matches_its_golden_file(
    view: str, lang: str, width: int, uncut: dict[tuple[str, str], str]
) -> None:
    """No line too wide, nothing broken or cut, and the text as reviewed."""
    text = _render(VIEWS[view], lang, width)
    lines = text.splitlines()
    for line in lines:
        if cell_len(line) > width:  # only a URL or a path longer than the line, left whole
            assert " " not in line.strip(), f"{cell_len(line)} > {width}: {line!r}"
    for above, below in itertools.pairwise(lines):
        for end, start in BROKEN:
            broken = end.search(above.rstrip()) and start.match(below.lstrip())
            assert not broken, f"broken across lines: {above!r} / {below!r}"
    whole = uncut[(view, lang)]
    if view in CUT_TO_FIT:
        whole = text
    for address in set(URL.findall(whole)):
        assert address in text, f"URL not whole: {address}"
    assert text.count("…") == whole.count("…"), "something cut with …"
    words = {w for w in whole.split() if w.isascii() and len(w) <= WORD}
    cut = sorted(words - set(text.split()))
    assert not cut, f"words cut or lost: {cut[:10]}"
    golden = GOLDEN / view / f"{lang}-{width}.txt"
    if UPDATE or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{golden} was missing and has been written; review it and commit it")
    assert text == golden.read_text(encoding="utf-8"), f"differs from {golden}"
