"""The index cache (index/cache.py): every table checked, a lock that notices a stopped or dead
holder, workers that die with their build, edits and damage seen, a stopped, full or unwritable
build that leaves nothing behind, many processes on one empty cache."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepseek_kb.errors import ExitCode
from deepseek_kb.progress import Report

from .conftest import alive, copied_data, dskb, run, with_index


def _index_file(cache: Path) -> Path:
    return next((cache / "dskb").glob("index-*.sqlite"))


def _snapshot(index: Path, table: str) -> list[tuple[object, ...]]:
    """Everything a table holds (the full-text index: its storage)."""
    conn = sqlite3.connect(index)
    try:
        name = "fts_data" if table == "fts" else table
        rows = conn.execute(f"SELECT * FROM {name} WHERE {_NOT_DIGESTS[table]}").fetchall()
        return sorted(rows, key=repr)
    finally:
        conn.close()


def _flip_a_bit_of_a_block(conn: sqlite3.Connection) -> None:
    rowid, block = conn.execute(
        "SELECT id, block FROM fts_data ORDER BY length(block) DESC"
    ).fetchone()
    changed = bytearray(block)
    changed[len(changed) // 2] ^= 0x01
    conn.execute("UPDATE fts_data SET block = ? WHERE id = ?", (bytes(changed), rowid))


# --- 9. every table of the index is covered by its checksums -----------------------------------

CHANGES = {
    "names": "UPDATE names SET id = 'deepseek-v2' WHERE id = 'deepseek-v3' AND name = 'DeepSeek-V3'",
    "records": "UPDATE records SET type = 'person' WHERE id = 'deepseek-v3'",
    "vocab": "UPDATE vocab SET df = df + 7 WHERE term = (SELECT min(term) FROM vocab)",
    "pinyin": "UPDATE pinyin SET word = '深' WHERE rowid = (SELECT min(rowid) FROM pinyin)",
    "docs": "UPDATE docs SET crc = crc + 1 WHERE rowid = (SELECT min(rowid) FROM docs)",
    "meta": "UPDATE meta SET value = value || ' ' WHERE key = 'version'",
    "fts": "",
}


# The checksums (and the racy files, which a later build may see differently) live in meta.
_NOT_DIGESTS = dict.fromkeys(CHANGES, "1") | {"meta": "key NOT IN ('digests', 'racy')"}


@pytest.mark.slow
@pytest.mark.parametrize("table", list(CHANGES))
def test_one_change_to_any_table_is_caught_and_rebuilt(
    tmp_path: Path, table: str, built_index: Path
) -> None:
    """A flipped bit in names (deepseek-v3 → deepseek-v2) or any other table: same answers,
    and the next run finds the table as it was built."""
    cache = tmp_path / "c"
    with_index(built_index, cache)
    runs = [
        ["models", "show", "V3", "--json"],
        ["search", "V3", "--json"],
        ["search", "hu cheng he"],
    ]
    expected = [dskb(*args, cache=cache).stdout for args in runs]
    index = _index_file(cache)
    before = _snapshot(index, table)
    conn = sqlite3.connect(index)
    with conn:
        if table == "fts":
            _flip_a_bit_of_a_block(conn)
        else:
            assert conn.execute(CHANGES[table]).rowcount == 1
    conn.close()
    assert _snapshot(index, table) != before
    assert [dskb(*args, cache=cache).stdout for args in runs] == expected
    dskb("info", cache=cache)
    assert _snapshot(_index_file(cache), table) == before


@pytest.mark.slow
def test_the_sources_tiers_kept_in_meta_are_checked_like_any_table(
    tmp_path: Path, built_index: Path
) -> None:
    """Statuses follow from every source's tier and kind, which the build keeps in meta for
    lookups to read at once: told wrongly there, the damage is caught and rebuilt."""
    cache = tmp_path / "c"
    with_index(built_index, cache)
    args = ["models", "show", "V3", "--json"]
    expected = dskb(*args, cache=cache).stdout
    assert '"status": "stated"' in expected
    index = _index_file(cache)
    conn = sqlite3.connect(index)
    with conn:
        (text,) = conn.execute("SELECT value FROM meta WHERE key = 'sources'").fetchone()
        info = json.loads(text)
        assert {tuple(v) for v in info.values()} >= {("official", "paper"), ("article", "article")}
        every_one_the_article = {key: ["article", "article"] for key in info}
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'sources'", (json.dumps(every_one_the_article),)
        )
    conn.close()
    assert dskb(*args, cache=cache).stdout == expected
    with sqlite3.connect(_index_file(cache)) as conn:
        assert (
            json.loads(conn.execute("SELECT value FROM meta WHERE key = 'sources'").fetchone()[0])
            == info
        )


# --- 6. a stopped first build does not make every other dskb wait forever ----------------------


def _held(lock: Path) -> bool:
    """Whether someone holds the index lock (tried without waiting)."""
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


@pytest.mark.slow
def test_a_build_stopped_with_ctrl_z_holding_the_lock_is_not_waited_for(
    tmp_path: Path, synthetic: Callable[..., Path]
) -> None:
    """Ctrl-Z on a first build: another dskb says so after a few seconds and answers."""
    folder = synthetic(6000)
    cache = tmp_path / "c"
    env = {**os.environ, "DSKB_DATA_DIR": str(folder), "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "deepseek_kb", "search", "DeepSeek"]
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 60
        stopped = False
        while time.time() < deadline and not stopped:
            locks = list((cache / "dskb").glob("*.lock")) if (cache / "dskb").is_dir() else []
            if locks:
                first.send_signal(signal.SIGSTOP)
                stopped = _held(locks[0])
                if not stopped:
                    first.send_signal(signal.SIGCONT)
            time.sleep(0.01)
        assert stopped, "the first build never held the lock"
        started = time.monotonic()
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=90)
        assert second.returncode == 0, second.stderr
        assert "stopped" in second.stderr and time.monotonic() - started < 60
    finally:
        first.send_signal(signal.SIGCONT)
        first.kill()
        first.wait()


# --- 18. workers never outlive the build that started them, nor hold its lock ------------------


# A build killed outright while its workers are busy on large chunks, as a timeout kills it.
# It takes the real index lock and the real worker pool, and says, just before it dies, which
# workers it has and whether any of them holds the index lock file open.
_KILLED_BUILD = """
import json, multiprocessing, os, signal, sqlite3, sys, time
from pathlib import Path
from deepseek_kb.index import build, cache
lock = Path(sys.argv[1])
rows = sqlite3.connect(sys.argv[1]).execute("SELECT rowid, type, json FROM records").fetchall()
def chunks():
    yield rows * 30
    yield rows * 30
    time.sleep(0.5)
    pids = [p.pid for p in multiprocessing.active_children()]
    held = [
        pid for pid in pids for fd in os.listdir(f"/proc/{pid}/fd")
        if os.path.realpath(f"/proc/{pid}/fd/{fd}").endswith(".lock")
    ]
    Path(sys.argv[2]).write_text(json.dumps({"workers": pids, "holding the lock": held}))
    os.kill(os.getpid(), signal.SIGKILL)
    yield []
with cache._lock(lock):
    for _ in build._prepare_all(chunks(), {}, 2):
        pass
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_die_with_a_build_killed_outright_and_never_hold_its_lock(
    tmp_path: Path, built_index: Path
) -> None:
    """SIGKILL to the build alone while its workers are busy: they end within a second or
    two, not when their work is done, and none of them ever held the index lock."""
    index = with_index(built_index, tmp_path / "c")  # its records are the workers' work
    said = tmp_path / "said.json"
    with (tmp_path / "stderr").open("w") as stderr:  # a file: a pipe would wait for the workers
        killed = subprocess.run(
            [sys.executable, "-c", _KILLED_BUILD, str(index), str(said)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            timeout=120,
        )
    assert killed.returncode == -signal.SIGKILL, (tmp_path / "stderr").read_text()
    told = json.loads(said.read_text())
    workers = told["workers"]
    assert len(workers) == 2
    deadline = time.time() + 2
    while time.time() < deadline and any(alive(w) for w in workers):
        time.sleep(0.05)
    survivors = [w for w in workers if alive(w)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "a worker outlived its build"
    assert not told["holding the lock"], "a worker inherited the index lock"
    assert not _held(index.with_name(index.name + ".lock"))


# --- a file is read again only when it changes, and an edit is always seen ----------------------


@pytest.mark.slow
def test_a_file_checked_once_is_not_read_whole_again_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 records a table's checksum costs more than the lookup: the build notes the
    file it wrote as checked, later runs read no table whole, and any write to the file (a
    new mtime and ctime, even at the same size) brings every check back."""
    from deepseek_kb.index import cache, store, tables
    from deepseek_kb.paths import bundled_data_dir, discover

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    layout = discover((bundled_data_dir(),), bundled=True)
    read_whole: list[str] = []

    def counted(conn: sqlite3.Connection, table: str) -> int:
        read_whole.append(table)
        return real(conn, table)

    real = tables.digest
    monkeypatch.setattr(store, "digest", counted)

    def lookup() -> list[str]:
        read_whole.clear()
        index = cache.open_index(layout)
        assert index.get("deepseek-v3") is not None and index.names()
        index.conn.close()
        return sorted(set(read_whole))

    assert lookup() == []  # the build wrote and checked it
    assert lookup() == []
    path = _index_file(tmp_path / "c")
    os.utime(path)  # a write that changes nothing but the file's times
    assert {"records", "names"} <= set(lookup())
    assert lookup() == []  # checked again, as it now stands


FEW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.slow
def test_a_same_size_edit_with_its_time_restored_is_seen(tmp_path: Path) -> None:
    """rsync --inplace -t: same size, same mtime, new text; the next run answers from it."""
    data = copied_data(tmp_path)
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
    data = copied_data(tmp_path)
    env, cache = {"DSKB_DATA_DIR": str(data)}, tmp_path / "c"
    assert dskb("timeline", env=env, cache=cache).returncode == 0
    events = data / "events.yaml"
    before = events.stat()
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("type: founding", "type: fownding", 1), encoding="utf-8")
    os.utime(events, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert dskb("timeline", env=env, cache=cache).returncode == ExitCode.DATA


@pytest.mark.slow
@FEW
@given(page=st.integers(min_value=2, max_value=400), seed=st.integers(0, 2**16))
def test_a_damaged_page_never_crashes_nor_changes_an_answer(
    built_index: Path, page: int, seed: int
) -> None:
    """Zero or scramble one page of a built index: the next runs answer exactly as before."""
    import random
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "c"
        with_index(built_index, cache)
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
def test_a_build_stopped_by_sigterm_leaves_no_temporary_file(
    tmp_path: Path, synthetic: Callable[..., Path]
) -> None:
    """kill -TERM during the first build: exit 143, a message, and no *.tmp left behind."""
    folder = synthetic(20000)
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


@pytest.mark.slow
def test_truncated_and_corrupt_index_are_rebuilt(tmp_path: Path, built_index: Path) -> None:
    """A damaged cache file is replaced and the answer is still right."""
    cache = tmp_path / "cache"
    with_index(built_index, cache)
    first = dskb("search", "V3", "--json", cache=cache)
    expected = [h["id"] for h in json.loads(first.stdout)]
    index = _index_file(cache)
    with index.open("r+b") as handle:
        handle.truncate(index.stat().st_size // 3)
    again = dskb("search", "V3", "--json", cache=cache)
    assert again.returncode == 0 and [h["id"] for h in json.loads(again.stdout)] == expected
    index.write_bytes(b"not a database at all" * 100)
    third = dskb("search", "V3", "--json", cache=cache)
    assert third.returncode == 0 and [h["id"] for h in json.loads(third.stdout)] == expected
    sqlite3.connect(index).execute("SELECT count(*) FROM records").fetchone()


@pytest.mark.slow
def test_unwritable_cache_still_answers(tmp_path: Path) -> None:
    """A cache folder that cannot be created: answers come from memory, with a note."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = dskb("search", "V3", "--json", env={"XDG_CACHE_HOME": str(blocker / "cache")})
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["id"] == "deepseek-v3"
    assert "cannot write the index cache" in result.stderr


@pytest.mark.slow
def test_full_disk_while_building_falls_back_to_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """If writing the index fails (disk full), the run still answers from memory."""
    import deepseek_kb.index.build as build

    real = build.build

    def full_disk(layout: object, key: str, target: str, report: Report) -> sqlite3.Connection:
        if target != ":memory:":
            raise sqlite3.OperationalError("database or disk is full")
        return real(layout, key, target, report)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "build", full_disk)
    result = run("search", "V3", "--json", env={"XDG_CACHE_HOME": str(tmp_path / "c")})
    assert result.code == 0
    assert json.loads(result.stdout)[0]["id"] == "deepseek-v3"
    assert "disk is full" in result.stderr


@pytest.mark.slow
def test_six_processes_on_an_empty_cache_all_succeed(tmp_path: Path) -> None:
    """Concurrent first runs share one build and all print the same answer."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "deepseek_kb", "search", "V3", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), [e for _, e in outputs]
    answers = {json.dumps([h["id"] for h in json.loads(out)]) for out, _ in outputs}
    assert len(answers) == 1
    assert len(list((tmp_path / "cache" / "dskb").glob("index-*.sqlite"))) == 1


@pytest.mark.slow
def test_a_data_change_is_seen_on_the_next_run(data_copy: Path, tmp_path: Path) -> None:
    """Editing a YAML file (even keeping its size) shows up at once."""
    env = {"DSKB_DATA_DIR": str(data_copy)}
    cache = tmp_path / "cache"
    before = dskb("search", "Liang Wenfeng", "--json", env=env, cache=cache)
    assert json.loads(before.stdout)[0]["id"] == "liang-wenfeng"
    people = data_copy / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8").replace("Liang Wenfeng}", "Liang Wenfenq}", 1),
        encoding="utf-8",
    )
    after = dskb("people", "liang-wenfeng", "--json", env=env, cache=cache)
    assert json.loads(after.stdout)["name"]["en"] == "Liang Wenfenq"


_WORKER_SIGNALS = """
import multiprocessing, os, signal
from deepseek_kb import cli
from deepseek_kb.index import build
signal.signal(signal.SIGTERM, cli._on_signal)  # the command's handler, as a real run has it
context = multiprocessing.get_context("fork")
with context.Pool(1, initializer=build._start_worker, initargs=({}, os.getpid())) as pool:
    pid = pool.apply(os.getpid)
    status = open(f"/proc/{pid}/status").read()
caught = int(status.split("SigCgt:")[1].split()[0], 16)
ignored = int(status.split("SigIgn:")[1].split()[0], 16)
print(bool(caught & 1 << signal.SIGTERM - 1), bool(ignored & 1 << signal.SIGINT - 1))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_build_worker_dies_on_the_pools_sigterm_and_leaves_ctrl_c_to_the_build() -> None:
    """The pool ends its workers with SIGTERM after every build: a worker that kept the
    command's handler could be caught holding a lock and hang the build. A worker catches no
    SIGTERM and ignores SIGINT."""
    done = subprocess.run(
        [sys.executable, "-c", _WORKER_SIGNALS], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]


@pytest.mark.slow
def test_files_changed_close_to_the_build_are_read_until_settled_then_edits_still_seen(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files changed just before a build are compared by content on every run while an edit
    could still keep their times; once a run finds them unchanged long after those times, the
    next runs read none of them, and an edit that restores the mtime is still seen (its ctime
    changes)."""
    from deepseek_kb.index import cache
    from deepseek_kb.paths import discover

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    hashed: list[str] = []

    def counted(path: Path) -> str | None:
        hashed.append(path.name)
        return real(path)

    real = cache.content_hash
    monkeypatch.setattr(cache, "content_hash", counted)
    monkeypatch.setattr(cache, "RACY_SECONDS", 3600)  # every file is too new to tell

    def opened() -> list[str]:
        hashed.clear()
        index = cache.open_index(discover((data_copy,)))
        topics = json.dumps([t["name"] for t in index.records("topic")])
        index.conn.close()
        return [*sorted(set(hashed)), topics]

    *built, _ = opened()
    assert "topics.yaml" in built  # the build noted every file as racy
    assert "topics.yaml" in opened()  # read again: an edit could still keep its times
    assert "topics.yaml" in opened()
    monkeypatch.setattr(cache, "RACY_SECONDS", 0)  # now long past the files' times
    assert "topics.yaml" in opened()  # read once more, found unchanged: settled
    assert opened()[:-1] == []
    topics = data_copy / "topics.yaml"
    before = topics.stat()
    text = topics.read_text(encoding="utf-8")
    topics.write_text(text.replace("Innovation", "Inxovation"), encoding="utf-8")
    os.utime(topics, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "Inxovation" in opened()[-1]
