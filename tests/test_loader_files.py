"""Hostile input, round 3, data and names: one rule for data files, linear validation, merge
keys, control characters in names, paths told apart, every argument capped (issue 27)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deepseek_kb.errors import ExitCode

from .conftest import DATA, dskb, run

FACT = """\
- id: {id}
  category: company
  text: {{zh: 测试事实 {id}, en: test fact {id}}}
  sources: [{{source: article, line: 3}}]
"""


def _copy(tmp: Path) -> Path:
    target = tmp / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("schema"))
    return target


def _ids(data: Path, kind: str = "facts") -> set[str]:
    result = run("--data-dir", str(data), "validate", "--json")
    assert result.code == 0, result.stderr
    return {Path(f["file"]).name for f in json.loads(result.stdout)["files"] if kind in f["file"]}


# --- 10. a .yml file and a subfolder are data, at every level ----------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("where", ["facts/2026.yml", "facts/2024/part.yaml", "facts/a/b/c.yml"])
def test_yml_files_and_subfolders_of_a_kind_are_loaded(tmp_path: Path, where: str) -> None:
    """A record in facts/2026.yml or facts/2024/part.yaml is loaded, not silently dropped."""
    data = _copy(tmp_path)
    (data / where).parent.mkdir(parents=True, exist_ok=True)
    (data / where).write_text(FACT.format(id="extra-fact"), encoding="utf-8")
    result = run("--data-dir", str(data), "cite", "extra-fact", "--format", "json")
    assert result.code == 0, result.stderr
    assert Path(where).name in _ids(data)


@pytest.mark.slow
def test_validate_states_the_rule_for_data_files(tmp_path: Path) -> None:
    """validate says which files are data, in the table view and in JSON."""
    data = _copy(tmp_path)
    shown = run("--data-dir", str(data), "validate")
    assert ".yml" in shown.stdout and "hidden" in shown.stdout
    assert (
        "subfolders"
        in json.loads(run("--data-dir", str(data), "validate", "--json").stdout)["rule"]
    )


# --- 11. hidden and editor files are skipped in a kind's folder too ----------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", [".#2025.yaml", "._2025.yaml", ".2025.yaml.swp", "2025.yaml~", "#2025.yaml#"]
)
def test_hidden_and_editor_files_in_a_kind_folder_are_skipped(tmp_path: Path, name: str) -> None:
    """An editor's lock link, macOS's ._ file or a backup never stops every command."""
    data = _copy(tmp_path)
    (data / "facts").mkdir()
    (data / "facts" / "2025.yaml").write_text(FACT.format(id="kept-fact"), encoding="utf-8")
    junk = data / "facts" / name
    if name.startswith(".#"):
        junk.symlink_to("root@host.1234:1700000000")  # emacs: a dangling link
    else:
        junk.write_bytes(b"\x00\x05\x16\x07 AppleDouble" if name.startswith("._") else b"- {")
    result = run("--data-dir", str(data), "cite", "kept-fact", "--format", "json")
    assert result.code == 0, result.stderr
    assert _ids(data) >= {"2025.yaml"} and name not in _ids(data)


# --- 5. validation time grows with the data, not its square ------------------------------------


@pytest.mark.slow
def test_a_record_with_forty_thousand_unknown_keys_is_told_quickly(tmp_path: Path) -> None:
    """40,000 unknown keys: a bounded list of problems in seconds (it took 46 s)."""
    data = _copy(tmp_path)
    lines = ["- id: many-keys", "  name: {zh: 测试, en: test}"]
    lines += [f"  unknown{i}: {i}" for i in range(40_000)]
    with (data / "topics.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    started = time.monotonic()
    result = dskb("validate", "--data-dir", str(data), cache=tmp_path / "c")
    assert time.monotonic() - started < 20
    assert result.returncode == ExitCode.DATA
    assert "more problems" in result.stderr and result.stderr.count("\n") < 40


# --- 17. a YAML merge key does not set a key twice ----------------------------------------------


def test_a_merge_key_is_refused(tmp_path: Path) -> None:
    """`<<: {category: founder}` beside `category: company` is a located problem (exit 3)."""
    data = _copy(tmp_path)
    with (data / "facts.yaml").open("a", encoding="utf-8") as handle:
        handle.write(FACT.format(id="merged-fact") + "  <<: {category: founder}\n")
    result = run("--data-dir", str(data), "validate")
    assert result.code == ExitCode.DATA
    assert "merge" in result.stderr and "merged-fact" in result.stderr


# --- 15. names of files and folders never drive the terminal -----------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", [["sources", "--paths"], ["validate"], ["info"]])
def test_escape_sequences_in_folder_and_file_names_are_shown_as_escapes(
    tmp_path: Path, command: list[str]
) -> None:
    """A folder named with ESC[2J and a BEL, through a pipe: shown as \\x1b, never sent."""
    evil = tmp_path / "data\x1b[2J\x1b]0;owned\x07"
    shutil.copytree(DATA, evil, ignore=shutil.ignore_patterns("schema"))
    (evil / "facts").mkdir()
    (evil / "facts" / "x\x1b[31m.yaml").write_text(FACT.format(id="evil-fact"), encoding="utf-8")
    result = dskb(*command, env={"DSKB_DATA_DIR": str(evil)}, cache=tmp_path / "c")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    assert "\\x1b" in result.stdout


# --- 16. at 80 columns every file is told apart ------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "info"])
def test_at_80_columns_every_data_path_is_shown_whole(tmp_path: Path, command: str) -> None:
    """A long data path (an installed package's) is wrapped whole, never cut to one prefix."""
    deep = tmp_path / ("site-packages-" * 4) / "deepseek_kb" / "data"
    shutil.copytree(DATA, deep, ignore=shutil.ignore_patterns("schema"))
    env = {
        **os.environ,
        "COLUMNS": "80",
        "DSKB_DATA_DIR": str(deep),
        "XDG_CACHE_HOME": str(tmp_path / "c"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", command],
        env=env,
        cwd="/",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    cells = [line.split("│") for line in result.stdout.splitlines()]
    flat = "".join(c[2].strip() for c in cells if len(c) >= 4)
    assert "…" not in flat
    if command == "validate":
        for stem in ("events", "facts", "models", "quotes", "sources"):
            assert f"{'site-packages-' * 4}/deepseek_kb/data/{stem}.yaml" in flat, stem
    else:
        assert str(deep) in flat


# --- 8. every user argument is capped ------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--about", "x" * 120_000],
        ["cite", "deepseek-v3", "--field", "x" * 120_000],
        ["cite", "y" * 120_000],
    ],
)
def test_long_arguments_are_refused_before_any_work(args: list[str]) -> None:
    """A 120 kB --about or --field: exit 2 saying the cap, never fuzzy-matched or echoed."""
    started = time.monotonic()
    result = run(*args)
    assert result.code == ExitCode.USAGE, result.stderr
    assert "at most" in result.stderr and len(result.stderr) < 2000
    assert time.monotonic() - started < 10
