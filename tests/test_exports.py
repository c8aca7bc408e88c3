"""Formats people can use: per-command flat formats, uniform values, exports that datasette,
Excel and a reader accept, and destinations that are never destroyed."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from deepseek_kb.errors import ExitCode

from .conftest import run, with_index

LISTINGS = [
    ["models"],
    ["models", "--compare"],
    ["timeline"],
    ["quote", "创新"],
    ["search", "V3"],
    ["people"],
    ["sources"],
]


def _json_in(cell: str) -> bool:
    """Whether a cell holds a JSON object or array (what flat formats must never hold)."""
    text = cell.strip()
    if not text.startswith(("{", "[")):
        return False
    try:
        return isinstance(json.loads(text), dict | list)
    except ValueError:
        return False


@pytest.mark.parametrize("args", LISTINGS)
def test_jsonl_is_the_json_array_one_line_per_item(args: list[str]) -> None:
    """Each line is one JSON value, and together they are exactly the --json array."""
    lines = run(*args, "--format", "jsonl").stdout.splitlines()
    array = json.loads(run(*args, "--json").stdout)
    assert [json.loads(line) for line in lines] == array and lines


@pytest.mark.slow
@pytest.mark.parametrize("args", LISTINGS)
@pytest.mark.parametrize("lang", ["en", "zh", "both"])
def test_csv_is_flat_with_a_header_and_no_json_in_any_cell(args: list[str], lang: str) -> None:
    """One row per record, a header, text columns per language, never JSON in a cell."""
    result = run(*args, "--format", "csv", "--lang", lang)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert "id" in header and body and all(len(r) == len(header) for r in body)
    assert not [c for r in body for c in r if _json_in(c)]
    if lang == "both" and args[0] not in ("sources",):
        assert any(c.endswith("_zh") for c in header) and any(c.endswith("_en") for c in header)


@pytest.mark.parametrize("args", LISTINGS)
def test_markdown_is_a_table(args: list[str]) -> None:
    """A GFM table: a header row, a separator row, one row per record."""
    lines = run(*args, "--format", "markdown").stdout.splitlines()
    assert lines[0].startswith("| ") and set(lines[1]) <= set("|-")
    assert len(lines) == len(json.loads(run(*args, "--json").stdout)) + 2


def test_json_and_format_json_agree_and_disagreeing_flags_are_refused() -> None:
    """--json is --format json; asking for two formats at once is a usage error."""
    assert run("timeline", "--json").stdout == run("timeline", "--format", "json").stdout
    assert run("timeline", "--json", "--format", "csv").code == ExitCode.USAGE


def test_every_quantity_spec_has_one_unit_and_a_number_across_all_models() -> None:
    """For each spec, all models state it in the same unit, as a number."""
    units: dict[str, set[str]] = {}
    for model in json.loads(run("models", "--json").stdout):
        for field, spec in model["specs"].items():
            values = spec["value"] if isinstance(spec["value"], list) else [spec["value"]]
            for value in values:
                if isinstance(value, dict) and "unit" in value:
                    assert isinstance(value["value"], int | float), (model["id"], field)
                    units.setdefault(field, set()).add(value["unit"])
    assert units["context_length"] == {"tokens"} and units["total_params"] == {"B params"}
    assert all(len(found) == 1 for found in units.values()), units


def test_csv_lets_a_script_filter_models_by_context_without_unit_juggling() -> None:
    """Context length is a number of tokens in every row: >= 128000 is a plain comparison."""
    rows = list(csv.DictReader(io.StringIO(run("models", "--format", "csv").stdout)))
    long = {
        r["id"] for r in rows if r.get("context_length") and float(r["context_length"]) >= 128000
    }
    assert {"deepseek-v3", "deepseek-v2", "deepseek-r1"} <= long
    assert "deepseek-llm-67b" not in long


# --- export ---------------------------------------------------------------------------------------


def test_export_markdown_is_a_document_with_a_heading_per_model() -> None:
    """Title, contents, every model as a heading, links to sources, no JSON fragment."""
    text = run("export", "--format", "markdown").stdout
    models = json.loads(run("models", "--json").stdout)
    assert text.startswith("# ") and "## Contents" in text
    for model in models:
        assert f"### {model['name']['en']}" in text, model["id"]
    assert '{"zh"' not in text and "[{" not in text
    assert "](https://github.com/deepseek-ai/DeepSeek-V3/blob/" in text
    chinese = run("export", "--format", "markdown", "--lang", "zh").stdout
    assert "## 模型" in chinese and "## Models" not in chinese


def test_export_csv_is_flat_bilingual_with_citations_and_an_optional_bom(tmp_path: Path) -> None:
    """A file per kind with name_zh/name_en, a citations table with links; --bom for Excel."""
    folder = tmp_path / "csv"
    assert run("export", "--format", "csv", "-o", str(folder)).code == 0
    models = list(csv.DictReader((folder / "models.csv").open(encoding="utf-8")))
    assert {"name_zh", "name_en", "total_params", "total_params_unit"} <= set(models[0])
    for path in folder.glob("*.csv"):
        cells = [c for row in csv.reader(path.open(encoding="utf-8")) for c in row]
        assert not [c for c in cells if _json_in(c)], path.name
    cites = list(csv.DictReader((folder / "citations.csv").open(encoding="utf-8")))
    assert any(c["url"].endswith("#L47") for c in cites if c["source"] == "v3-readme")
    assert run("export", "--format", "csv", "-o", str(folder), "--bom").code == 0
    assert (folder / "models.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")


@pytest.mark.slow
def test_export_sqlite_is_flat_searchable_and_opens_in_datasette(tmp_path: Path) -> None:
    """Flat columns, citations with foreign keys, an FTS table that finds 护城河, datasette."""
    db = tmp_path / "kb.db"
    assert run("export", "--format", "sqlite", "-o", str(db)).code == 0
    conn = sqlite3.connect(db)
    (name_zh, name_en, params) = conn.execute(
        "SELECT name_zh, name_en, total_params FROM models WHERE id = 'deepseek-v3'"
    ).fetchone()
    assert (name_en, params) == ("DeepSeek-V3", 671) and name_zh
    found = {row[0] for row in conn.execute("SELECT id FROM search WHERE search MATCH '护城河'")}
    assert "moat" in found
    keys = conn.execute("PRAGMA foreign_key_list(citations)").fetchall()
    assert {k[2] for k in keys} == {"records", "sources"}
    assert json.loads((tmp_path / "kb.metadata.json").read_text(encoding="utf-8"))["databases"][
        "kb"
    ]
    inspected = subprocess.run(
        [sys.executable, "-m", "datasette", "inspect", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert inspected.returncode == 0, inspected.stderr[-500:]
    assert json.loads(inspected.stdout)["kb"]["tables"]["models"]["count"] > 30


@pytest.mark.slow
def test_export_yaml_round_trips_byte_for_byte(tmp_path: Path) -> None:
    """JSON -> data folder -> load with --data-dir -> JSON is the same, byte for byte."""
    first = run("export").stdout
    assert run("export", "--format", "yaml", "-o", str(tmp_path / "data")).code == 0
    second = run("export", env={"DSKB_DATA_DIR": str(tmp_path / "data")})
    assert second.code == 0 and second.stdout == first


# --- destinations ---------------------------------------------------------------------------------

FILE_FORMATS = ["json", "markdown", "html", "sqlite"]
FOLDER_FORMATS = ["csv", "yaml"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FILE_FORMATS + FOLDER_FORMATS)
def test_every_format_into_a_missing_folder_is_exit_4(tmp_path: Path, fmt: str) -> None:
    """A destination whose folder does not exist: a message and exit 4, never a traceback."""
    result = run("export", "--format", fmt, "-o", str(tmp_path / "nodir" / "kb.out"))
    assert result.code == ExitCode.IO and "does not exist" in result.stderr


@pytest.mark.parametrize("fmt", FILE_FORMATS + FOLDER_FORMATS)
def test_an_empty_output_path_is_exit_4(fmt: str) -> None:
    """-o '' is refused with a message."""
    result = run("export", "--format", fmt, "-o", "")
    assert result.code == ExitCode.IO and "empty" in result.stderr


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_a_folder_as_a_file_destination_is_exit_4(tmp_path: Path, fmt: str) -> None:
    """-o / (or any folder) for a one-file format is refused, nothing written."""
    result = run("export", "--format", fmt, "-o", str(tmp_path))
    assert result.code == ExitCode.IO and "is a folder" in result.stderr


def _node(path: Path, major: int, minor: int) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(major, minor))
    except (PermissionError, OSError):
        pytest.skip("cannot make private device nodes here")


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_a_full_disk_is_exit_4_for_text_formats(tmp_path: Path, fmt: str) -> None:
    """A private /dev/full as the destination: written through, fails, exit 4 with a message."""
    _node(tmp_path / "full", 1, 7)
    result = run("export", "--format", fmt, "-o", str(tmp_path / "full"))
    assert result.code == ExitCode.IO and "No space left" in result.stderr
    assert stat.S_ISCHR((tmp_path / "full").stat().st_mode)


def test_sqlite_never_replaces_a_device_or_a_pipe(tmp_path: Path) -> None:
    """A device node or a FIFO as the database path is refused and left exactly as it was."""
    _node(tmp_path / "null", 1, 3)
    os.mkfifo(tmp_path / "fifo")
    for name, check in (("null", stat.S_ISCHR), ("fifo", stat.S_ISFIFO)):
        result = run("export", "--format", "sqlite", "-o", str(tmp_path / name))
        assert result.code == ExitCode.IO, result.stderr
        assert check((tmp_path / name).lstat().st_mode), name


def test_a_text_export_to_a_null_device_is_written_through(tmp_path: Path) -> None:
    """-o a private /dev/null: written through like a shell redirect; the node stays a node."""
    _node(tmp_path / "null", 1, 3)
    assert run("export", "--format", "markdown", "-o", str(tmp_path / "null")).code == 0
    assert stat.S_ISCHR((tmp_path / "null").stat().st_mode)


@pytest.mark.parametrize("fmt", ["json", "sqlite"])
def test_a_symlink_destination_writes_its_target_and_stays_a_link(tmp_path: Path, fmt: str) -> None:
    """The file a link points to is written; the link is not replaced by a file."""
    target = tmp_path / "real.out"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.out"
    link.symlink_to(target)
    assert run("export", "--format", fmt, "-o", str(link)).code == 0
    assert link.is_symlink() and target.read_bytes() != b"old"


def test_a_read_only_folder_is_exit_4(tmp_path: Path) -> None:
    """Where the folder cannot be written: exit 4 for one-file and folder formats alike."""
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        for fmt in ("json", "sqlite", "csv"):
            out = folder / ("sub" if fmt == "csv" else "kb.out")
            assert run("export", "--format", fmt, "-o", str(out)).code == ExitCode.IO, fmt
    finally:
        folder.chmod(0o700)


@pytest.mark.slow
def test_two_sqlite_exports_to_one_file_at_once_both_succeed(
    tmp_path: Path, built_index: Path
) -> None:
    """Per-process temporary names: both exit 0 and the file is a whole database."""
    db = tmp_path / "kb.db"
    command = [sys.executable, "-m", "deepseek_kb", "export", "--format", "sqlite", "-o", str(db)]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with_index(built_index, tmp_path / "cache")
    subprocess.run([sys.executable, "-m", "deepseek_kb", "info"], env=env, capture_output=True)
    processes = [subprocess.Popen(command, env=env, stderr=subprocess.PIPE) for _ in range(3)]
    codes = [p.wait(timeout=120) for p in processes]
    assert codes == [0, 0, 0]
    assert sqlite3.connect(db).execute("SELECT count(*) FROM models").fetchone()[0] > 30
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    shutil.rmtree(tmp_path / "cache", ignore_errors=True)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "sqlite", "csv", "yaml"])
def test_a_refused_write_is_exit_4_for_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Where the system refuses the write (a read-only place, even for root): exit 4."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    run("info")  # the index is built before writes are refused
    monkeypatch.setattr(Path, "write_bytes", refuse)
    monkeypatch.setattr(Path, "replace", refuse)
    out = tmp_path / ("out" if fmt in ("csv", "yaml") else "kb.out")
    result = run("export", "--format", fmt, "-o", str(out))
    assert result.code == ExitCode.IO and "Permission denied" in result.stderr, result.stderr
