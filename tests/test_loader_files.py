"""Reading the data files (loader/): one rule for which files are data, files that are not files
(a FIFO, a device, a loop), broken, nested, huge or unreadable data told by file and line,
control characters refused, merge keys, names shown as escapes, every argument capped."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from deepseek_kb.errors import ExitCode

from .conftest import DATA, copied_data, dskb, run

FACT = """\
- id: {id}
  category: company
  text: {{zh: 测试事实 {id}, en: test fact {id}}}
  sources: [{{source: article, line: 3}}]
"""


def _ids(data: Path, kind: str = "facts") -> set[str]:
    result = run("--data-dir", str(data), "validate", "--json")
    assert result.code == 0, result.stderr
    return {Path(f["file"]).name for f in json.loads(result.stdout)["files"] if kind in f["file"]}


# --- 10. a .yml file and a subfolder are data, at every level ----------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("where", ["facts/2026.yml", "facts/2024/part.yaml", "facts/a/b/c.yml"])
def test_yml_files_and_subfolders_of_a_kind_are_loaded(tmp_path: Path, where: str) -> None:
    """A record in facts/2026.yml or facts/2024/part.yaml is loaded, not silently dropped."""
    data = copied_data(tmp_path)
    (data / where).parent.mkdir(parents=True, exist_ok=True)
    (data / where).write_text(FACT.format(id="extra-fact"), encoding="utf-8")
    result = run("--data-dir", str(data), "cite", "extra-fact", "--format", "json")
    assert result.code == 0, result.stderr
    assert Path(where).name in _ids(data)


@pytest.mark.slow
def test_validate_states_the_rule_for_data_files(tmp_path: Path) -> None:
    """validate says which files are data, in the table view and in JSON."""
    data = copied_data(tmp_path)
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
    data = copied_data(tmp_path)
    (data / "facts").mkdir()
    (data / "facts" / "2025.yaml").write_text(FACT.format(id="kept-fact"), encoding="utf-8")
    junk = data / "facts" / name
    if name.startswith(".#"):
        junk.symlink_to("root@host.1234:1700000000")  # emacs: a dangling link
    else:
        junk.write_bytes(b"\x00\x05\x16\x07 AppleDouble" if name.startswith("._") else b"- {")
    result = run("--data-dir", str(data), "cite", "kept-fact", "--format", "json")
    assert result.code == 0, result.stderr
    ids = _ids(data)
    assert ids >= {"2025.yaml"} and name not in ids


# --- 5. validation time grows with the data, not its square ------------------------------------


@pytest.mark.slow
def test_a_record_with_forty_thousand_unknown_keys_is_told_quickly(tmp_path: Path) -> None:
    """40,000 unknown keys: a bounded list of problems in seconds (it took 46 s)."""
    data = copied_data(tmp_path)
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
    data = copied_data(tmp_path)
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


def _mknod(path: Path, major: int, minor: int) -> None:
    """A private device node (never the machine's own /dev files); skip where not allowed."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(major, minor))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make device nodes here")


def test_a_fifo_as_a_data_file_is_refused_at_once(tmp_path: Path) -> None:
    """A named pipe under a data file's name is exit 4 with a message, never a hang."""
    data = copied_data(tmp_path)
    (data / "topics.yaml").unlink()
    os.mkfifo(data / "topics.yaml")
    result = dskb("timeline", env={"DSKB_DATA_DIR": str(data)}, cache=tmp_path / "c")
    assert result.returncode == ExitCode.IO
    assert "topics.yaml is not a regular file (a named pipe)" in result.stderr


def test_a_data_file_linked_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    """A symlink to a private /dev/zero is refused before a byte is read (no memory blow-up)."""
    data = copied_data(tmp_path)
    _mknod(tmp_path / "zero", 1, 5)
    (data / "topics.yaml").unlink()
    (data / "topics.yaml").symlink_to(tmp_path / "zero")
    result = dskb("timeline", env={"DSKB_DATA_DIR": str(data)}, cache=tmp_path / "c")
    assert result.returncode == ExitCode.IO
    assert "a character device" in result.stderr


def test_a_symlink_loop_named_like_a_data_file_is_a_message(tmp_path: Path) -> None:
    """A looping link is an unreadable file (exit 4), not an OSError from discovery."""
    data = copied_data(tmp_path)
    (data / "people.yaml").unlink()
    (data / "people.yaml").symlink_to("people.yaml")
    result = dskb("timeline", env={"DSKB_DATA_DIR": str(data)}, cache=tmp_path / "c")
    assert result.returncode == ExitCode.IO and "Traceback" not in result.stderr
    assert "people.yaml" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("depth", [200, 1000, 5000])
def test_deeply_nested_json_is_a_located_data_problem(tmp_path: Path, depth: int) -> None:
    """A JSON array nested thousands deep is reported with its file and line (exit 3)."""
    data = copied_data(tmp_path)
    (data / "topics.yaml").write_text("[" + "[" * depth + "]" * depth + "]\n", encoding="utf-8")
    result = run("validate", "--data-dir", str(data))
    assert result.code == ExitCode.DATA and "topics.yaml:1" in result.stderr


def test_one_broken_record_is_one_problem_not_a_cascade(tmp_path: Path) -> None:
    """A source with a bad kind is reported once, not again for each of its citations."""
    data = copied_data(tmp_path)
    sources = data / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("  kind: article\n", "  kind: gossip\n", 1), encoding="utf-8")
    result = run("validate", "--data-dir", str(data))
    assert result.code == ExitCode.DATA
    assert "the data has 1 problem" in result.stderr, result.stderr[-500:]


@pytest.mark.slow
@pytest.mark.parametrize("date", ["２０１９", "٢٠١٩", "2024-13", "2024-02-30", "2024-00"])
def test_dates_in_data_are_ascii_and_real(tmp_path: Path, date: str) -> None:
    """Full-width or Arabic-Indic digits and impossible dates are refused with file and line."""
    data = copied_data(tmp_path)
    events = data / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("  date: 2023-04-11", f"  date: '{date}'", 1), encoding="utf-8")
    result = run("validate", "--data-dir", str(data))
    assert result.code == ExitCode.DATA and "events.yaml:" in result.stderr, date


@pytest.mark.slow
@pytest.mark.parametrize(
    "text", ["\x1b]0;owned\x07\x1b[2J\x1b[31mInnovation", "a\x9bb", "left\u202eright", "\x00"]
)
def test_control_characters_in_data_are_refused_and_never_printed(
    tmp_path: Path, text: str
) -> None:
    """An overlay that tries to drive the terminal fails validation (exit 3); nothing raw shows."""
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    escaped = json.dumps(text)
    (overlay / "topics.yaml").write_text(
        f"- id: innovation\n  name: {{zh: 创新, en: {escaped}}}\n  sources: [article]\n",
        encoding="utf-8",
    )
    for command in (["validate"], ["quote", "-n", "1"]):
        result = run(*command, env={"DSKB_PATH": str(overlay)})
        assert result.code == ExitCode.DATA
        assert not any(c in result.stderr + result.stdout for c in "\x1b\x07\x9b\u202e\x00")


def test_validate_shows_control_characters_of_keys_as_escapes(tmp_path: Path) -> None:
    """A key holding an escape sequence is named as \\x1b…, not echoed raw."""
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "topics.yaml").write_text(
        '- id: innovation\n  name: {zh: 创新, en: I}\n  "\\e[2Jx": 1\n  sources: [article]\n',
        encoding="utf-8",
    )
    result = run("validate", env={"DSKB_PATH": str(overlay)})
    assert result.code == ExitCode.DATA and "\\x1b[2Jx" in result.stderr
    assert "\x1b" not in result.stderr


def test_an_unreadable_data_dir_is_exit_4(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """DSKB_DATA_DIR that cannot be read is the same I/O error as an unreadable overlay."""

    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("deepseek_kb.paths.os.scandir", refuse)
    result = run("timeline", env={"DSKB_DATA_DIR": str(tmp_path)})
    assert result.code == ExitCode.IO and "Permission denied" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("command", [["timeline"], ["search", "V3"], ["models", "--compare"]])
def test_broken_data_stops_every_command_with_file_and_line(
    data_copy: Path, command: list[str]
) -> None:
    """A syntax error in one file: every command names file and line and exits 3."""
    quotes = data_copy / "quotes.yaml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("topics: [", "topics: ]", 1))
    result = run(*command, env={"DSKB_DATA_DIR": str(data_copy)})
    assert result.code == ExitCode.DATA
    assert "quotes.yaml:" in result.stderr and "YAML syntax error" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_a_file_of_several_megabytes_loads(synthetic: Callable[..., Path]) -> None:
    """Big files are fine as long as they are valid (here about 5 MB of quotes)."""
    folder = synthetic(20000, "yaml")
    sizes = [p.stat().st_size for p in folder.rglob("*.yaml")]
    assert max(sizes) > 1_000_000
    result = run("info", "--json", env={"DSKB_DATA_DIR": str(folder)})
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["records"]["quote"] == 6000


def test_a_file_over_the_size_limit_is_refused_with_a_way_out(data_copy: Path) -> None:
    """Past 16 MiB one file is refused, and the message says how to split it."""
    big = data_copy / "facts.yaml"
    with big.open("ab") as handle:
        handle.write(b"#" * (17 * 1024 * 1024) + b"\n")
    result = run("validate", "--data-dir", str(data_copy))
    assert result.code == ExitCode.DATA
    assert "facts.yaml: file is 17" in result.stderr and "split it" in result.stderr


def test_unreadable_data_folder_is_an_io_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed gives exit code 4 and its reason."""

    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("deepseek_kb.paths.os.scandir", refuse)
    result = run("timeline", env={"DSKB_DATA_DIR": str(tmp_path)})
    assert result.code == ExitCode.IO
    assert "cannot read data folder" in result.stderr and "Permission denied" in result.stderr
