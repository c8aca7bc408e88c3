"""`dskb export -f timelinejs`: valid against a schema written from Knight Lab's format page,
every event credited, the timeline's filters honoured, and TimelineJS itself (its npm package,
in headless Chromium) draws it without an error."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import FIXTURES, run

SCHEMA = json.loads((FIXTURES / "timelinejs.schema.json").read_text(encoding="utf-8"))
RENDER = FIXTURES / "timelinejs" / "render.mjs"
CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
PACKAGES = ("@knight-lab/timelinejs@3", "playwright-core@1")


def _export(*args: str) -> dict[str, Any]:
    result = run("export", "-f", "timelinejs", *args)
    assert result.code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_the_export_is_valid_timelinejs_and_every_event_is_credited(lang: str) -> None:
    """Valid against the schema; one slide per event, each ending in a credit naming a source."""
    data = _export("--lang", lang)
    jsonschema.validate(data, SCHEMA)
    events = json.loads(run("timeline", "--json").stdout)
    assert [s["unique_id"] for s in data["events"]] == [e["id"] for e in events]
    for slide in data["events"]:
        assert '<p class="dskb-credit">' in slide["text"]["text"], slide["unique_id"]
        assert "DeepSeek" in slide["text"]["text"] or "github.com" in slide["text"]["text"]


def test_dates_keep_their_precision_and_credits_link_their_sources() -> None:
    """A year-only event has only a year; a dated one its day; an official source is linked."""
    slides = {s["unique_id"]: s for s in _export("--lang", "en")["events"]}
    assert slides["deepseek-llm-release"]["start_date"] == {"year": 2024}
    assert slides["deepseek-company-spun-off"]["start_date"] == {"year": 2023, "month": 5}
    assert slides["r1-release"]["start_date"] == {"year": 2025, "month": 1, "day": 20}
    assert (
        'href="https://github.com/deepseek-ai/DeepSeek-R1/' in slides["r1-release"]["text"]["text"]
    )
    assert slides["r1-release"]["group"] == "Model releases"


def test_eras_are_the_model_generations_in_the_language_asked() -> None:
    """Eras for DeepSeek LLM, V2 and V3, from one generation's first release to the next."""
    eras = _export("--lang", "zh")["eras"]
    assert [e["text"]["headline"] for e in eras] == [
        "DeepSeek LLM 时代",
        "DeepSeek-V2 时代",
        "DeepSeek-V3 时代",
    ]
    assert eras[1]["start_date"] == {"year": 2024, "month": 5, "day": 6}
    assert eras[1]["end_date"] == eras[2]["start_date"] == {"year": 2024, "month": 12, "day": 26}


@pytest.mark.parametrize(
    "options",
    [
        ("--since", "2025", "--until", "2025-06"),
        ("--type", "model-release"),
        ("--from", "official", "--since", "2024-12"),
    ],
)
def test_the_timelines_filters_are_honoured(options: tuple[str, ...]) -> None:
    """--since, --until, --type and --from select the events `dskb timeline` would show."""
    data = _export(*options)
    events = json.loads(run("timeline", *options, "--json").stdout)
    assert [s["unique_id"] for s in data["events"]] == [e["id"] for e in events]
    assert 0 < len(events) < len(json.loads(run("timeline", "--json").stdout))


def test_the_event_filters_belong_to_timelinejs_and_bad_dates_are_usage_errors() -> None:
    """--since with another format, or a date that is no date: a message and exit 2."""
    assert run("export", "-f", "json", "--since", "2024").code == 2
    result = run("export", "-f", "timelinejs", "--since", "May")
    assert result.code == 2 and "not a date" in result.stderr


def test_the_export_is_written_to_a_file(tmp_path: Path) -> None:
    """-o writes the same document to a file."""
    target = tmp_path / "timeline.json"
    assert run("export", "-f", "timelinejs", "-o", str(target), "--lang", "en").code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == _export("--lang", "en")


# --- TimelineJS itself, in a browser ------------------------------------------------------


@pytest.fixture(scope="module")
def timelinejs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """TimelineJS and playwright-core from the npm registry, in a folder of their own."""
    if not (shutil.which("npm") and shutil.which("node")):
        pytest.skip("npm or node is missing: TimelineJS cannot be installed")
    if CHROMIUM is None:
        pytest.skip("no Chromium: TimelineJS cannot be rendered")
    folder = tmp_path_factory.mktemp("timelinejs")
    install = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", *PACKAGES],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if install.returncode != 0:
        pytest.skip(f"npm could not install TimelineJS: {install.stderr[-300:]}")
    return folder / "node_modules"


PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>dskb</title>
<link rel="stylesheet" href="dist/css/timeline.css"><script src="dist/js/timeline.js"></script>
</head><body style="margin:0"><div id="timeline" style="width:100%;height:760px"></div><script>
fetch("timeline.json").then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline("timeline", data, {
    script_path: new URL("dist/js/", location.href).toString(),
    language: "LANGUAGE", hash_bookmark: false, font: null });
});
</script></body></html>
"""


@pytest.fixture
def served(tmp_path: Path, timelinejs: Path) -> Iterator[tuple[str, Path]]:
    """A folder with TimelineJS's files and a page, served on 127.0.0.1."""
    shutil.copytree(timelinejs / "@knight-lab" / "timelinejs" / "dist", tmp_path / "dist")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "language"), [("zh", "zh-cn"), ("en", "en")])
def test_timelinejs_renders_the_export_without_errors(
    served: tuple[str, Path], timelinejs: Path, lang: str, language: str
) -> None:
    """Headless Chromium opens TimelineJS with the export: no console or page error, no failed
    request, a slide per event plus the title, every credit shown, the eras drawn."""
    address, folder = served
    data = _export("--lang", lang)
    (folder / "timeline.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / "index.html").write_text(PAGE.replace("LANGUAGE", language), encoding="utf-8")
    shot = folder / f"timeline-{lang}.png"
    env = {**os.environ, "TLJS_MODULES": str(timelinejs), "CHROMIUM": str(CHROMIUM)}
    result = subprocess.run(
        ["node", str(RENDER), f"{address}/index.html", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["console_errors"] == [] and seen["page_errors"] == []
    assert seen["failed_requests"] == []
    assert seen["slides"] == len(data["events"]) + 1
    assert seen["markers"] == len(data["events"]) == seen["credits"]
    assert seen["eras"] == len(data["eras"])
    assert seen["headline"].casefold() == data["title"]["text"]["headline"].casefold()
    assert seen["after_next"] and shot.stat().st_size > 10_000
