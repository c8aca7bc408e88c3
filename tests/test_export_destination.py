"""Where exports are written (render/destination.py) and what they may hold: never lose a file,
never write the data in use, never inject a formula or markup."""

from __future__ import annotations

import copy
import csv
import io
import os
import resource
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepseek_kb.errors import ExitCode
from deepseek_kb.export.document import document

from .conftest import DATA, run, with_index

FEW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _leftovers(folder: Path) -> list[str]:
    """Temporary, journal or half-swapped files an export left behind."""
    return [p.name for p in folder.iterdir() if p.name.startswith(".") or "journal" in p.name]


# --- 1. a replaced file keeps its protection, mode and links ----------------------------------


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "sqlite"])
def test_a_write_protected_file_is_refused_and_left_alone(tmp_path: Path, fmt: str) -> None:
    """-o a 0444 file: exit 4 with the reason, the file unchanged (even for root)."""
    out = tmp_path / "kb.out"
    out.write_text("mine", encoding="utf-8")
    out.chmod(0o444)
    result = run("export", "--format", fmt, "-o", str(out))
    assert result.code == ExitCode.IO and "write-protected" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444 and not _leftovers(tmp_path)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o700])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    """A private file stays private: the new content has the old file's permission bits."""
    out = tmp_path / "kb.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(mode)
    assert run("export", "-o", str(out)).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode and out.read_text(encoding="utf-8") != "old"


def test_a_new_file_is_never_readable_by_others_while_it_is_written(tmp_path: Path) -> None:
    """The temporary file is created 0600; only the finished file takes the umask's mode."""
    from deepseek_kb.render.destination import replacing

    with replacing(tmp_path / "new.db") as tmp:
        assert stat.S_IMODE(tmp.stat().st_mode) == 0o600
        tmp.write_bytes(b"x")
    assert (tmp_path / "new.db").read_bytes() == b"x"


def test_a_hard_linked_file_is_refused_not_split(tmp_path: Path) -> None:
    """Renaming over one name of a linked file would leave the other with the old content."""
    out = tmp_path / "kb.json"
    out.write_text("old", encoding="utf-8")
    os.link(out, tmp_path / "other-name.json")
    result = run("export", "-o", str(out))
    assert result.code == ExitCode.IO and "hard links" in result.stderr
    assert out.stat().st_nlink == 2 and out.read_text(encoding="utf-8") == "old"


def test_another_users_symlink_in_a_shared_folder_is_not_followed(tmp_path: Path) -> None:
    """A sticky world-writable folder (/tmp's rule): a link owned by someone else is refused."""
    if os.geteuid() != 0:
        pytest.skip("making a link owned by another user needs root")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    link = shared / "kb.json"
    link.symlink_to(victim)
    os.lchown(link, 12345, 12345)
    result = run("export", "-o", str(link))
    assert result.code == ExitCode.IO and "not followed" in result.stderr
    assert victim.read_text(encoding="utf-8") == "precious"


# --- 2. sqlite: only the files named, no journal on failure ------------------------------------


def test_sqlite_never_touches_a_metadata_json_it_was_not_asked_for(tmp_path: Path) -> None:
    """A metadata.json (or a link of that name) beside the database is left as it was."""
    precious = tmp_path / "precious.txt"
    precious.write_text("keep", encoding="utf-8")
    (tmp_path / "metadata.json").symlink_to(precious)
    assert run("export", "--format", "sqlite", "-o", str(tmp_path / "kb.db")).code == 0
    assert precious.read_text(encoding="utf-8") == "keep"
    assert (tmp_path / "kb.metadata.json").is_file()


def _limited(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _export_with_a_small_disk(
    args: list[str], limit: int, cache: Path, index: Path
) -> subprocess.CompletedProcess[str]:
    """An export whose files may not grow past `limit` bytes (a full disk, for one process),
    its cache warm (a copy of the built `index`, checked by one run) before the limit applies."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    with_index(index, cache)
    subprocess.run([sys.executable, "-m", "deepseek_kb", "info"], env=env, capture_output=True)
    return subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "export", *args],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=lambda: _limited(limit),
        timeout=120,
    )


@pytest.mark.slow
def test_a_failed_sqlite_export_leaves_no_temporary_or_journal_file(
    tmp_path: Path, built_index: Path
) -> None:
    """The disk fills part-way through the database: exit 4, the old file kept, nothing else."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "kb.db").write_bytes(b"old database")
    result = _export_with_a_small_disk(
        ["--format", "sqlite", "-o", str(out / "kb.db")], 200_000, tmp_path / "c", built_index
    )
    assert result.returncode == ExitCode.IO, result.stderr
    assert (out / "kb.db").read_bytes() == b"old database"
    assert sorted(p.name for p in out.iterdir()) == ["kb.db"]


# --- 3. folder exports are all or nothing -------------------------------------------------------


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in a folder and its subfolders (the YAML export's schema/), by relative name."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "yaml"])
def test_a_folder_export_that_fails_part_way_leaves_the_old_export_whole(
    tmp_path: Path, fmt: str, built_index: Path
) -> None:
    """A full disk on one file: every old file as it was, no new file mixed in, no temporary."""
    out = tmp_path / "export"
    assert run("export", "--format", fmt, "-o", str(out)).code == 0
    before = _files(out)
    smallest = min(len(b) for b in before.values())
    largest = max(len(b) for b in before.values())
    limit = (smallest + largest) // 2  # some files fit, some do not
    for name in before:  # the next export differs, so a mix would show
        (out / name).write_bytes(before[name][: len(before[name]) // 2])
    damaged = _files(out)
    result = _export_with_a_small_disk(
        ["--format", fmt, "-o", str(out)], limit, tmp_path / "c", built_index
    )
    assert result.returncode == ExitCode.IO, result.stderr
    assert _files(out) == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "export"]


@pytest.mark.slow
def test_a_yaml_export_interrupted_part_way_still_validates(
    tmp_path: Path, built_index: Path
) -> None:
    """Ctrl-C while files are written: the previous export (of other data) is still whole and
    valid, never new sources beside old facts citing a source that is gone."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("schema"))
    with (data / "sources.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- id: extra-source\n  kind: article\n  title: {zh: 另一篇, en: another}\n")
        handle.write("  url: https://example.com/extra\n  sources: [{source: extra-source}]\n")
    with (data / "facts.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "- id: extra-fact\n  category: company\n  text: {zh: 事实, en: a fact}\n"
            "  sources: [{source: extra-source}]\n"
        )
    out = tmp_path / "export"
    first = run("--data-dir", str(data), "export", "--format", "yaml", "-o", str(out))
    assert first.code == 0, first.stderr
    assert run("validate", "--data-dir", str(out)).code == 0
    shutil.rmtree(data)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "c")}
    with_index(built_index, tmp_path / "c")  # the export is what is interrupted, not a build
    code = (
        "import sys, pathlib\n"
        "from deepseek_kb.cli import main\n"
        "calls = 0\n"
        "original = pathlib.Path.write_bytes\n"
        "def interrupted(self, data):\n"
        "    global calls\n"
        "    calls += 1\n"
        "    if calls == 4: raise KeyboardInterrupt\n"
        "    return original(self, data)\n"
        "pathlib.Path.write_bytes = interrupted\n"
        "sys.argv = ['dskb', 'export', '-f', 'yaml', '-o', sys.argv[1]]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)], env=env, capture_output=True, text=True
    )
    assert result.returncode == ExitCode.INTERRUPTED, result.stderr
    assert run("validate", "--data-dir", str(out)).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "export"]
    assert "extra-fact" in (out / "facts.yaml").read_text(encoding="utf-8")


def test_a_folder_holding_other_files_is_refused_not_emptied(tmp_path: Path) -> None:
    """A folder export never removes what it did not write."""
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep", encoding="utf-8")
    result = run("export", "--format", "csv", "-o", str(out))
    assert result.code == ExitCode.IO and "notes.txt" in result.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


# --- 4. the data in use is never written --------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["yaml", "csv", "json", "timelinejs"])
def test_an_export_over_the_overlay_in_use_is_refused(tmp_path: Path, fmt: str) -> None:
    """DSKB_PATH=ov dskb export -o ov (or a file in it): exit 4, the hand-written file intact;
    every format alike, as every one goes out through the one output switch."""
    overlay = tmp_path / "ov"
    overlay.mkdir()
    written = "# my notes\n[]\n"
    (overlay / "facts.yaml").write_text(written, encoding="utf-8")
    target = overlay / "facts.yaml" if fmt in ("json", "timelinejs") else overlay
    result = run("export", "-f", fmt, "-o", str(target), env={"DSKB_PATH": str(overlay)})
    assert result.code == ExitCode.IO and "in use" in result.stderr, result.stderr
    assert (overlay / "facts.yaml").read_text(encoding="utf-8") == written
    assert [p.name for p in overlay.iterdir()] == ["facts.yaml"]


@pytest.mark.slow
def test_an_export_into_the_data_dir_in_use_is_refused(tmp_path: Path) -> None:
    """--data-dir's folder is read, never written."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("schema"))
    result = run("--data-dir", str(data), "export", "-f", "yaml", "-o", str(data))
    assert result.code == ExitCode.IO and "in use" in result.stderr


# --- 12. CSV cells a spreadsheet would run ------------------------------------------------------

_FORMULA = st.sampled_from(["=", "+", "-", "@", "\t", "\r"])


@pytest.mark.slow
@FEW
@given(start=_FORMULA, rest=st.text(max_size=30))
def test_a_csv_text_cell_never_starts_a_formula(start: str, rest: str) -> None:
    """Any text starting with = + - @ tab or CR is written after a ' (the OWASP rule)."""
    from deepseek_kb.render.flat import FlatTable, to_csv

    text = start + rest
    written = to_csv(FlatTable(["id", "text", "n"], [["x", text, -3]]))
    row = list(csv.reader(io.StringIO(written, newline="")))[1]
    assert row[1] == "'" + text and row[2] == "-3"


def test_the_csv_export_of_the_bundled_data_has_no_formula_cell(tmp_path: Path) -> None:
    """The bundled data has quote cells starting with '-': none reaches a spreadsheet as one."""
    assert run("export", "--format", "csv", "-o", str(tmp_path / "csv")).code == 0
    neutralised = 0
    for table in (tmp_path / "csv").iterdir():
        rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (table.name, cell)
                if cell.startswith("-"):
                    float(cell)  # only a number may start with a minus
                neutralised += cell.startswith("'-")
    assert neutralised


# --- 13. Markdown: a text is a text -------------------------------------------------------------

_PIECES = [*"<>[]()!#*_`|~&\\-+=.:/ \n\t1aé深", "javascript:", "<img ", "<script>", "onerror="]
_HOSTILE = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


@pytest.fixture(scope="module")
def exported() -> dict[str, list[dict[str, Any]]]:
    """The bundled KB as the export collects it."""
    from deepseek_kb.export.run import collect
    from deepseek_kb.queries.common import index_for
    from deepseek_kb.settings import resolve

    return collect(index_for(resolve()))


def _render(markdown: str) -> list[Any]:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(markdown)


def _walk(tokens: list[Any]) -> list[Any]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(_walk(token.children or []))
    return out


@pytest.fixture(scope="module")
def baseline(exported: dict[str, list[dict[str, Any]]]) -> list[Any]:
    """The tokens of the English document of the unchanged data, rendered once."""
    return _walk(_render(document(exported, "en")))


@pytest.mark.slow
@FEW
@given(text=_HOSTILE, url=_HOSTILE)
def test_no_text_or_url_of_the_data_adds_markup_to_the_markdown(
    exported: dict[str, list[dict[str, Any]]], baseline: list[Any], text: str, url: str
) -> None:
    """Generated texts and URLs: no HTML, no new heading or list, links only to http(s)."""
    data = copy.deepcopy(exported)
    fact = next(f for f in data["fact"] if f["category"] not in ("commentary", "coverage"))
    fact["text"] = {"zh": text, "en": text}
    data["model"][0]["summary"] = {"zh": text, "en": text}
    data["source"][0]["url"] = "https://x.example/" + url
    data["fact"][0]["sources"][0]["url"] = url
    tokens = _walk(_render(document(data, "en")))
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
    for kind in ("heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open"):
        assert sum(t.type == kind for t in tokens) == sum(t.type == kind for t in baseline), kind
    for token in tokens:
        if token.type == "link_open":
            href = str(token.attrs["href"])
            assert href.startswith(("http://", "https://", "#")), href
    shown = " ".join(t.content for t in tokens if t.type == "text")
    assert " ".join(text.split()) in " ".join(shown.split())


def test_the_attacks_the_issue_names_are_shown_as_text(
    exported: dict[str, list[dict[str, Any]]],
) -> None:
    """<img onerror>, <script>, a ')' breaking out of a URL, a newline making a heading."""
    data = copy.deepcopy(exported)
    data["model"][0]["summary"] = {
        "zh": "x",
        "en": "<img src=x onerror=alert(1)> <script>alert(2)</script>\n# Owned",
    }
    data["source"][0]["url"] = "https://a.example/x) [click](javascript:alert(3)"
    markdown = document(data, "en")
    tokens = _walk(_render(markdown))
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == sum(
        t.type == "heading_open" for t in _walk(_render(document(exported, "en")))
    )
    assert not [t for t in tokens if t.type.startswith("html")]
    hrefs = [str(t.attrs["href"]) for t in tokens if t.type == "link_open"]
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs)
    assert "[click]" not in [t.content for t in tokens if t.type == "link_open"]
    assert len([h for h in hrefs if "a.example" in h]) == 1
    assert "&lt;script>" in markdown
