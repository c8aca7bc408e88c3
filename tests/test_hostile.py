"""Hostile input, round 2: every class of failure the second attack found, with generated inputs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepseek_kb.errors import ExitCode

from .conftest import DATA, dskb, run

FEW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))


def _copy(tmp: Path) -> Path:
    target = tmp / "data"
    if not target.exists():
        shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("schema"))
    return target


def _mknod(path: Path, major: int, minor: int) -> None:
    """A private device node (never the machine's own /dev files); skip where not allowed."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(major, minor))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make device nodes here")


# --- data files that are not files --------------------------------------------------------------


def test_a_fifo_as_a_data_file_is_refused_at_once(tmp_path: Path) -> None:
    """A named pipe under a data file's name is exit 4 with a message, never a hang."""
    data = _copy(tmp_path)
    (data / "topics.yaml").unlink()
    os.mkfifo(data / "topics.yaml")
    result = dskb("timeline", env={"DSKB_DATA_DIR": str(data)}, cache=tmp_path / "c")
    assert result.returncode == ExitCode.IO
    assert "topics.yaml is not a regular file (a named pipe)" in result.stderr


def test_a_data_file_linked_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    """A symlink to a private /dev/zero is refused before a byte is read (no memory blow-up)."""
    data = _copy(tmp_path)
    _mknod(tmp_path / "zero", 1, 5)
    (data / "topics.yaml").unlink()
    (data / "topics.yaml").symlink_to(tmp_path / "zero")
    result = dskb("timeline", env={"DSKB_DATA_DIR": str(data)}, cache=tmp_path / "c")
    assert result.returncode == ExitCode.IO
    assert "a character device" in result.stderr


def test_a_symlink_loop_named_like_a_data_file_is_a_message(tmp_path: Path) -> None:
    """A looping link is an unreadable file (exit 4), not an OSError from discovery."""
    data = _copy(tmp_path)
    (data / "people.yaml").unlink()
    (data / "people.yaml").symlink_to("people.yaml")
    result = dskb("timeline", env={"DSKB_DATA_DIR": str(data)}, cache=tmp_path / "c")
    assert result.returncode == ExitCode.IO and "Traceback" not in result.stderr
    assert "people.yaml" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("depth", [200, 1000, 5000])
def test_deeply_nested_json_is_a_located_data_problem(tmp_path: Path, depth: int) -> None:
    """A JSON array nested thousands deep is reported with its file and line (exit 3)."""
    data = _copy(tmp_path)
    (data / "topics.yaml").write_text("[" + "[" * depth + "]" * depth + "]\n", encoding="utf-8")
    result = run("validate", "--data-dir", str(data))
    assert result.code == ExitCode.DATA and "topics.yaml:1" in result.stderr


def test_one_broken_record_is_one_problem_not_a_cascade(tmp_path: Path) -> None:
    """A source with a bad kind is reported once, not again for each of its citations."""
    data = _copy(tmp_path)
    sources = data / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("  kind: article\n", "  kind: gossip\n", 1), encoding="utf-8")
    result = run("validate", "--data-dir", str(data))
    assert result.code == ExitCode.DATA
    assert "the data has 1 problem" in result.stderr, result.stderr[-500:]


# --- numbers, dates and text the data may not hold ----------------------------------------------

_BAD_NUMBERS = st.sampled_from([".inf", "-.inf", ".nan", "1.0e+400", "1.0e+300", "4" * 4400])


@pytest.mark.slow
@FEW
@given(number=_BAD_NUMBERS)
def test_numbers_rendering_cannot_show_are_refused_by_validation(number: str) -> None:
    """Infinite, NaN, enormous or 4,400-digit quantities: exit 3 at file:line, never a crash."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = _copy(Path(tmp))
        models = data / "models.yaml"
        text = models.read_text(encoding="utf-8")
        models.write_text(
            text.replace("{value: 671, unit: B params}", f"{{value: {number}, unit: B params}}", 1),
            encoding="utf-8",
        )
        for command in (["validate", "--data-dir", str(data)], ["models", "--compare"]):
            result = run(*command, env={"DSKB_DATA_DIR": str(data)})
            assert result.code == ExitCode.DATA, (number, result.stderr[-300:])
            assert "models.yaml:" in result.stderr


@pytest.mark.slow
@FEW
@given(value=st.one_of(st.just(0), st.floats(0, 1e14, allow_nan=False)))
def test_any_valid_quantity_renders_in_every_view(value: float) -> None:
    """Zero and any finite value below the cap draw in the table, the chart and the detail."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = _copy(Path(tmp))
        models = data / "models.yaml"
        text = models.read_text(encoding="utf-8")
        models.write_text(
            text.replace("{value: 671, unit: B params}", f"{{value: {value!r}, unit: B params}}"),
            encoding="utf-8",
        )
        env = {"DSKB_DATA_DIR": str(data)}
        for command in (
            ["models", "--compare"],
            ["models", "--compare", "--chart"],
            ["models", "show", "V3"],
        ):
            result = run(*command, env=env)
            assert result.code == 0, (value, command, result.stderr[-300:])


@pytest.mark.slow
@pytest.mark.parametrize("date", ["２０１９", "٢٠١٩", "2024-13", "2024-02-30", "2024-00"])
def test_dates_in_data_are_ascii_and_real(tmp_path: Path, date: str) -> None:
    """Full-width or Arabic-Indic digits and impossible dates are refused with file and line."""
    data = _copy(tmp_path)
    events = data / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("  date: 2023-04-11", f"  date: '{date}'", 1), encoding="utf-8")
    result = run("validate", "--data-dir", str(data))
    assert result.code == ExitCode.DATA and "events.yaml:" in result.stderr, date


@FEW
@given(digits=st.text(alphabet=st.characters(categories=["Nd"]), min_size=4, max_size=4))
def test_since_takes_only_ascii_digits(digits: str) -> None:
    """Any four digits that are not all ASCII (or year 0) are a usage error, never a mismatch."""
    result = run("timeline", "--since", digits)
    if digits.isascii() and int(digits) > 0:
        assert result.code in (ExitCode.OK, ExitCode.NOT_FOUND)
    else:
        assert result.code == ExitCode.USAGE and "date" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--since", "2024-13"], ExitCode.USAGE),
        (["--since", "2024-02-30"], ExitCode.USAGE),
        (["--since", "2024-00"], ExitCode.USAGE),
        (["--since", "2025", "--until", "2024"], ExitCode.USAGE),
        (["--since", "2024-5", "--until", "2024-5"], ExitCode.OK),
    ],
)
def test_timeline_dates_are_real_ordered_and_may_omit_a_zero(args: list[str], code: int) -> None:
    """Impossible or reversed ranges exit 2; the article's own 2024-5 means 2024-05."""
    result = run("timeline", *args, "--json")
    assert result.code == code, result.stderr
    if code == ExitCode.OK:
        dates = [e["date"] for e in json.loads(result.stdout)]
        assert dates and all(d.startswith("2024-05") or d == "2024" for d in dates), dates


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


# --- the index: same-size edits, damage, termination --------------------------------------------


@pytest.mark.slow
def test_a_same_size_edit_with_its_time_restored_is_seen(tmp_path: Path) -> None:
    """rsync --inplace -t: same size, same mtime, new text; the next run answers from it."""
    data = _copy(tmp_path)
    env, cache = {"DSKB_DATA_DIR": str(data)}, tmp_path / "c"
    assert dskb("search", "Shendu", env=env, cache=cache).returncode == 0
    topics = data / "topics.yaml"
    before = topics.stat()
    text = topics.read_text(encoding="utf-8")
    assert "Innovation" in text
    topics.write_text(text.replace("Innovation", "Inxovation"), encoding="utf-8")
    os.utime(topics, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert topics.stat().st_size == before.st_size
    result = dskb("search", "Inxovation", "--json", env=env, cache=cache)
    assert result.returncode == 0 and "innovation" in result.stdout


@pytest.mark.slow
def test_a_same_size_edit_that_breaks_the_data_is_not_served_from_the_old_index(
    tmp_path: Path,
) -> None:
    """The old answer is never served after the data went bad: every command exits 3."""
    data = _copy(tmp_path)
    env, cache = {"DSKB_DATA_DIR": str(data)}, tmp_path / "c"
    assert dskb("timeline", env=env, cache=cache).returncode == 0
    events = data / "events.yaml"
    before = events.stat()
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("type: founding", "type: fownding", 1), encoding="utf-8")
    os.utime(events, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert dskb("timeline", env=env, cache=cache).returncode == ExitCode.DATA


def _index_file(cache: Path) -> Path:
    (found,) = (cache / "dskb").glob("index-*.sqlite")
    return found


@pytest.mark.slow
@FEW
@given(page=st.integers(min_value=2, max_value=400), seed=st.integers(0, 2**16))
def test_a_damaged_page_never_crashes_nor_changes_an_answer(page: int, seed: int) -> None:
    """Zero or scramble one page of a built index: the next runs answer exactly as before."""
    import random
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "c"
        expected = dskb("search", "护城河", "--json", cache=cache)
        index = _index_file(cache)
        size = index.stat().st_size
        page_size = 4096
        offset = (page * page_size) % max(page_size, size - page_size)
        with index.open("r+b") as handle:
            handle.seek(offset)
            rng = random.Random(seed)
            handle.write(bytes(rng.randrange(256) if seed % 2 else 0 for _ in range(page_size)))
        for command in (["search", "护城河", "--json"], ["timeline", "--json"], ["info", "--json"]):
            result = dskb(*command, cache=cache)
            assert result.returncode == 0, result.stderr[-500:]
        again = dskb("search", "护城河", "--json", cache=cache)
        assert again.stdout == expected.stdout


@pytest.mark.slow
def test_a_build_stopped_by_sigterm_leaves_no_temporary_file(tmp_path: Path) -> None:
    """kill -TERM during the first build: exit 143, a message, and no *.tmp left behind."""
    from benchmarks.synthetic_kb import generate

    folder = tmp_path / "big"
    generate(folder, 20000)
    cache = tmp_path / "c"
    env = {**os.environ, "DSKB_DATA_DIR": str(folder), "XDG_CACHE_HOME": str(cache)}
    process = subprocess.Popen(
        [sys.executable, "-m", "deepseek_kb", "search", "x"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not list((cache / "dskb").glob("*.tmp")):
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == ExitCode.TERMINATED, err[-300:]
    assert b"terminated" in err and b"Traceback" not in err
    assert not list((cache / "dskb").glob("*.tmp"))


# --- streams: closed, full, ASCII-only, not UTF-8 ------------------------------------------------


def test_a_closed_stdout_is_exit_4_with_a_message() -> None:
    """`dskb --version >&-`: nothing can be written, so say so and exit 4."""
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "--version"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert result.returncode == ExitCode.IO and "standard output is closed" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["--help"], ["--show-completion", "bash"], ["timeline"], ["search", "V3", "--json"]]
)
def test_help_and_output_to_a_full_disk_are_exit_4(
    tmp_path: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A private /dev/full behind stdout: one message and exit 4, never an OSError."""
    # --show-completion bash takes the shell named, not one detected from the parent processes.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    _mknod(tmp_path / "full", 1, 7)
    with (tmp_path / "full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "deepseek_kb", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == ExitCode.IO, result.stderr
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr


def test_help_into_a_reader_that_quits_at_once_exits_0() -> None:
    """`dskb --help | head -c1` is a success."""
    result = subprocess.run(
        f"{sys.executable} -m deepseek_kb --help | head -c1",
        shell=True,
        capture_output=True,
        timeout=60,
        executable="/bin/bash",
        env={**os.environ, "PIPESTATUS_DUMMY": "1"},
    )
    status = subprocess.run(
        [
            "bash",
            "-c",
            f"{sys.executable} -m deepseek_kb --help | head -c1 >/dev/null; "
            "echo ${PIPESTATUS[0]}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and status.stdout.strip() == "0"


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args", [["--help"], ["timeline", "--help"], ["export"], ["export", "-f", "markdown"]]
)
def test_an_ascii_locale_never_raises_and_exports_lose_nothing(
    encoding: str, args: list[str]
) -> None:
    """Help is escaped, exports are written as UTF-8 bytes: every Chinese character survives."""
    result = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", *args],
        env={**os.environ, "PYTHONIOENCODING": encoding},
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    if args[0] == "export":
        assert "护城河".encode() in result.stdout or b"\\u62a4\\u57ce\\u6cb3" in result.stdout


def test_query_bytes_that_are_not_utf8_never_reach_sqlite_raw() -> None:
    """Invalid bytes are replaced; valid UTF-8 under LC_ALL=C is read as what it is."""
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "deepseek_kb",
            "search",
            b"\xff\xfe".decode("utf-8", "surrogateescape"),
        ],
        capture_output=True,
        timeout=60,
    )
    assert bad.returncode in (0, 1) and b"Traceback" not in bad.stderr
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    chinese = subprocess.run(
        [sys.executable, "-m", "deepseek_kb", "search", "创新", "--json"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert chinese.returncode == 0 and json.loads(chinese.stdout)


# --- one rule for "nothing found", names, settings ----------------------------------------------


@pytest.mark.parametrize(
    ("args", "empty"),
    [
        (["people", "nobody"], {}),
        (["models", "show", "V9"], {}),
        (["quote", "--topic", "x"], []),
        (["quote", "zzzqqq"], []),
        (["timeline", "--since", "2099"], []),
        (["search", "zzzqqq"], []),
    ],
)
def test_nothing_found_as_json_is_one_empty_value_and_exit_1(
    args: list[str], empty: object
) -> None:
    """Every way of finding nothing prints exactly one empty JSON value, a hint, and exits 1."""
    result = run(*args, "--json")
    assert result.code == ExitCode.NOT_FOUND
    assert json.loads(result.stdout) == empty
    assert result.stderr.startswith("error:")


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Wenfeng", "liang-wenfeng"),
        ("Liang", "liang-wenfeng"),
        ("Jack", "jack-clark"),
        ("Raschka", "sebastian-raschka"),
        ("Andrej", "andrej-karpathy"),
        ("文锋", "liang-wenfeng"),
    ],
)
def test_a_unique_part_of_a_name_resolves(name: str, person: str) -> None:
    """Part of one person's name (given name, family name) is that person."""
    result = run("people", name, "--json")
    assert result.code == 0 and json.loads(result.stdout)["id"] == person


def test_an_unknown_model_gets_the_nearest_names() -> None:
    """`models show V9` suggests V-models, best first."""
    result = run("models", "show", "V9")
    assert result.code == ExitCode.NOT_FOUND and "did you mean" in result.stderr
    assert "DeepSeek-V3" in result.stderr


def test_an_unknown_command_is_suggested_once() -> None:
    """`dskb compare` suggests `company` once, not twice."""
    result = dskb("compare", "V2", "V3")
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.count("Did you mean") == 1


def test_an_unknown_dskb_lang_is_warned_about_once() -> None:
    """DSKB_LANG=xx is not silently ignored."""
    result = run("people", "--json", env={"DSKB_LANG": "xx"})
    assert result.code == 0 and result.stderr.count("DSKB_LANG='xx'") == 1


def test_an_unreadable_data_dir_is_exit_4(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """DSKB_DATA_DIR that cannot be read is the same I/O error as an unreadable overlay."""

    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("deepseek_kb.paths.os.scandir", refuse)
    result = run("timeline", env={"DSKB_DATA_DIR": str(tmp_path)})
    assert result.code == ExitCode.IO and "Permission denied" in result.stderr
