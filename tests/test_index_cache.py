"""Hostile input, round 3, the index and the terminal: every table checked, a lock that notices
a stopped or dead holder, workers that die with their build, a pager that keeps the terminal
on Ctrl-C (issue 27, items 6, 7, 9, 18)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from .conftest import dskb


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
def test_one_change_to_any_table_is_caught_and_rebuilt(tmp_path: Path, table: str) -> None:
    """A flipped bit in names (deepseek-v3 → deepseek-v2) or any other table: same answers,
    and the next run finds the table as it was built."""
    cache = tmp_path / "c"
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


def _big(tmp: Path, records: int) -> Path:
    from benchmarks.synthetic_kb import generate

    folder = tmp / "big"
    generate(folder, records)
    return folder


@pytest.mark.slow
def test_a_build_stopped_with_ctrl_z_holding_the_lock_is_not_waited_for(tmp_path: Path) -> None:
    """Ctrl-Z on a first build: another dskb says so after a few seconds and answers."""
    folder = _big(tmp_path, 6000)
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


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[-1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


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
def test_workers_die_with_a_build_killed_outright_and_never_hold_its_lock(tmp_path: Path) -> None:
    """SIGKILL to the build alone while its workers are busy: they end within a second or
    two, not when their work is done, and none of them ever held the index lock."""
    cache = tmp_path / "c"
    dskb("info", cache=cache)
    index = _index_file(cache)
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
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    survivors = [w for w in workers if _alive(w)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "a worker outlived its build"
    assert not told["holding the lock"], "a worker inherited the index lock"
    assert not _held(index.with_name(index.name + ".lock"))


# --- 7. Ctrl-C in the pager gives the terminal back ---------------------------------------------


def _drain(fd: int, seconds: float) -> bytes:
    out, end = b"", time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("less") is None, reason="needs less")
def test_ctrl_c_while_the_pager_is_open_waits_for_the_pager() -> None:
    """Ctrl-C goes to less, not to dskb: dskb waits until q, exits 0, and less is gone."""
    fresh = {
        k: v for k, v in os.environ.items() if k not in ("LESS", "PAGER", "DSKB_PAGER", "NO_COLOR")
    }
    fresh.update({"TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"})
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe(
                sys.executable,
                [sys.executable, "-m", "deepseek_kb", "timeline", "--lang", "both"],
                fresh,
            )
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        shown = _drain(fd, 8)
        assert shown, "nothing was shown"
        pagers = _children_named(pid, "less")
        os.write(fd, b"\x03")
        _drain(fd, 2)
        waiting = os.waitpid(pid, os.WNOHANG) == (0, 0)
        os.write(fd, b"q")
        _drain(fd, 5)
    finally:
        done, status = os.waitpid(pid, os.WNOHANG)
        if not done:
            os.kill(pid, signal.SIGKILL)
            done, status = os.waitpid(pid, 0)
        os.close(fd)
    assert pagers, "less was not started"
    assert waiting, "dskb left after Ctrl-C with the pager still open"
    assert os.waitstatus_to_exitcode(status) == 0
    assert not [p for p in pagers if _alive(p)]


def _children_named(pid: int, name: str) -> list[int]:
    """Descendants of `pid` whose command is `name` (less runs under a shell)."""
    found, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            todo.append(child)
            try:
                if Path(f"/proc/{child}/comm").read_text().strip() == name:
                    found.append(child)
            except OSError:
                continue
    return found


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
