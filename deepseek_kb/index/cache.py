"""The derived, cached form of the KB that every query reads: one SQLite file per data folder set.

YAML stays the only source of truth. The index is rebuilt when any data file, the package's
code or version, or the index format changes, and whenever it is missing, truncated or
damaged. It is written to a temporary file and moved into place, so readers never see half an
index and several processes starting at once on an empty cache all succeed.

A change is seen from each file's size, modification and change times and inode; a file whose
times are too close to the build to tell (an edit within the same clock tick, a filesystem with
coarse timestamps) is also compared by content, until a run finds it unchanged long enough
after its times that any later edit must change them (a note beside the index says so, as
git settles its racily clean entries). Opening costs a few stat calls and one small query;
YAML and pydantic are imported only to rebuild.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from deepseek_kb import __version__
from deepseek_kb.analysis.text import family_words
from deepseek_kb.index.store import Index, file_state, note_checked, write_note
from deepseek_kb.index.tables import DIGESTED, FAMILY_WORDS, INDEX_FORMAT, SOURCE_INFO, digest
from deepseek_kb.paths import Layout, cache_dir
from deepseek_kb.progress import Note, Report, quiet, stderr_note
from deepseek_kb.told import source_info

_PACKAGE = Path(__file__).resolve().parent.parent
# The code the index's content depends on: everything but what only draws or parses options.
_NOT_INDEX_CODE = frozenset({"render", "commands", "data", "cli.py", "__main__.py", "export"})
# A file changed less than this before (or after) a build is compared by content as well.
RACY_SECONDS = 3
# Temporary files of builds that were killed are removed when they are this old.
STALE_TMP_SECONDS = 3600


def code_files() -> list[Path]:
    """Every module of the package the built index depends on, found by walking its folders."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(_PACKAGE):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if d not in _NOT_INDEX_CODE and not d.startswith("_"))
        found.extend(
            here / f for f in sorted(files) if f.endswith(".py") and f not in _NOT_INDEX_CODE
        )
    return found


def _data_paths(layout: Layout) -> list[Path]:
    return [f.path for f in layout.files] + list(layout.strays)


def fingerprint(layout: Layout) -> str:
    """What the index depends on: version, format, code files and every data file's stat."""
    parts: list[Any] = [__version__, INDEX_FORMAT, [str(f) for f in layout.folders]]
    for module in code_files():  # a source checkout's edits change the index without a release
        with contextlib.suppress(OSError):
            st = module.stat()
            parts.append((module.name, st.st_size, st.st_mtime_ns))
    for path in _data_paths(layout):
        try:
            st = path.stat()
            parts.append((str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
        except OSError:
            parts.append((str(path), None))
    return repr(parts)


def content_hash(path: Path) -> str | None:
    """A data file's length and CRC-32, or None when it cannot be read (an edit, not an attack,
    is what this detects)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return f"{len(data)}:{zlib.crc32(data):08x}"


def _racy(layout: Layout, started: float) -> list[tuple[str, str | None]]:
    """The data files changed too close to `started` for their times to prove anything."""
    racy: list[tuple[str, str | None]] = []
    for path in _data_paths(layout):
        try:
            st = path.stat()
        except OSError:
            continue
        if max(st.st_mtime, st.st_ctime) >= started - RACY_SECONDS:
            racy.append((str(path), content_hash(path)))
    return racy


def index_path(layout: Layout) -> Path:
    """The cache file for this set of data folders; DSKB_DATA_DIR gets its own."""
    key = zlib.crc32(repr([str(f.resolve()) for f in layout.folders]).encode())
    return cache_dir() / f"index-{key:08x}.sqlite"


def open_index(layout: Layout, report: Report = quiet, note: Note = stderr_note) -> Index:
    """The index for the data in use, rebuilt first if it is missing, stale or damaged; a
    build tells `report` how far it is, and `note` when it waits for another dskb."""
    key = fingerprint(layout)
    path = index_path(layout)
    opened = _open_existing(path, key)
    if opened is not None:
        return _index(*opened, layout, path, [], report)
    return _rebuild(layout, key, path, [], report, note=note)


def _index(
    conn: sqlite3.Connection,
    state: list[int] | None,
    layout: Layout,
    path: Path | None,
    warnings: list[str],
    report: Report,
) -> Index:
    def rebuild() -> sqlite3.Connection:
        """A damaged file is never trusted again: build a fresh one beside it."""
        return _rebuild(layout, fingerprint(layout), path, warnings, report, fresh=True).conn

    return Index(conn, layout, path, rebuild, warnings, state=state)


def _open_existing(path: Path, key: str) -> tuple[sqlite3.Connection, list[int] | None] | None:
    """The index file if it is current, with its state taken before it was opened (a file
    swapped in between is then checked as a changed one)."""
    if not path.is_file():
        return None
    state = file_state(path)
    conn = None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        fresh = meta.get("fingerprint") == key and _same_content(
            meta.get("racy", "[]"), path, state, key
        )
        (count,) = conn.execute("SELECT count(*) FROM records").fetchone()
        if not fresh or str(count) != meta.get("count"):
            conn.close()
            return None
        return conn, state
    except (sqlite3.DatabaseError, ValueError):
        if conn is not None:
            conn.close()
        return None


def _same_content(racy: str, path: Path, state: list[int] | None, key: str) -> bool:
    """Whether the files that were changed close to the build still hold what it read.

    Once they are found to hold it at a time well past their modification and change times
    (`key` holds those times), an edit can no longer keep them: the next edit changes the
    times, hence the fingerprint. A note beside the index (`_settled_note`) then spares later
    runs reading them whole (at 100,000 records, more than the lookup itself)."""
    files = json.loads(racy)
    if not files or _settled(path, state, key):
        return True
    started = time.time()
    old = all(_changed_before(Path(name), started - RACY_SECONDS) for name, _ in files)
    if not all(content_hash(Path(name)) == digest for name, digest in files):
        return False
    if old and state is not None:
        write_note(_settled_note(path), {"state": state, "key": key})
    return True


def _changed_before(path: Path, when: float) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return max(st.st_mtime, st.st_ctime) < when


def _settled_note(path: Path) -> Path:
    return path.with_name(f"{path.name}.settled")


def _settled(path: Path, state: list[int] | None, key: str) -> bool:
    """Whether a run found the racy files of this very index file unchanged, settled."""
    if state is None:
        return False
    try:
        note = json.loads(_settled_note(path).read_text(encoding="utf-8"))
        return bool(note["state"] == state and note["key"] == key)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _rebuild(
    layout: Layout,
    key: str,
    path: Path | None,
    warnings: list[str],
    report: Report,
    fresh: bool = False,
    note: Note = stderr_note,
) -> Index:
    """Build under a lock when the cache folder allows it; in memory when it does not, or
    when the lock's holder is stopped (Ctrl-Z) or gone.

    `fresh` builds even when the file on disk looks current (it was found damaged).
    """
    if path is None:
        return _in_memory(layout, key, warnings, report)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock(path, note):
            opened = None if fresh else _open_existing(path, key)
            if opened is not None:
                return _index(*opened, layout, path, warnings, report)
            _remove_stale_temporaries(path)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                _build(layout, key, str(tmp), report).close()
                tmp.replace(path)
                # the build read every table back for its checksum: checked as it stands
                if (state := file_state(path)) is not None:
                    note_checked(path, state, DIGESTED)
            finally:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        opened = _open_existing(path, key)
        if opened is not None:
            return _index(*opened, layout, path, warnings, report)
    except _Stuck as stuck:
        warnings.append(f"{stuck}; this run built the index in memory")
    except (OSError, sqlite3.OperationalError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        warnings.append(
            f"cannot write the index cache in {path.parent} ({reason}); "
            "working from memory, so every run rebuilds it"
        )
    return _in_memory(layout, key, warnings, report)


def _in_memory(layout: Layout, key: str, warnings: list[str], report: Report) -> Index:
    return _index(_build(layout, key, ":memory:", report), None, layout, None, warnings, report)


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files left by builds that were killed outright (SIGKILL, power loss)."""
    now = time.time()
    for leftover in path.parent.glob(f"{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_TMP_SECONDS:
                leftover.unlink()


# After this long waiting for the index lock, say so and look at the process holding it.
LOCK_NOTE_SECONDS = 3.0
# A holder that keeps the lock this long while running is given up on (a build of 100,000
# records takes about 20 s).
LOCK_GIVE_UP_SECONDS = 600.0
# The lock this process holds, if any: a process forked from it (a build worker) closes its
# copy at once, so the lock is never inherited and dies with the build that took it.
_held: list[int] = []


class _Stuck(Exception):
    """The index lock is held by a process that is stopped or gone (a build cannot finish)."""


def _close_inherited_lock() -> None:
    for fd in _held:
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited_lock)


@contextlib.contextmanager
def _lock(path: Path, note: Note = stderr_note) -> Iterator[None]:
    """An exclusive lock beside the index, so concurrent first runs build it once.

    The holder writes its pid into the lock file. A waiter says so after a few seconds and
    looks at the holder: one that is stopped (Ctrl-Z) or gone (the lock kept by something it
    left behind) is not waited for; the waiter builds in memory instead (`_Stuck`).
    """
    try:
        import fcntl
    except ImportError:  # Windows: builds may race, but os.replace keeps every result whole
        yield
        return
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, fcntl, note)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _held.append(fd)
        yield
    finally:
        if fd in _held:
            _held.remove(fd)
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
        os.close(fd)


def _acquire(fd: int, fcntl: Any, note: Note) -> None:
    started = time.monotonic()
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        waited = time.monotonic() - started
        if waited >= LOCK_NOTE_SECONDS:
            holder = _holder(fd)
            state = _state(holder) if holder else "running"
            who = f"dskb (pid {holder})" if holder else "another dskb"
            if state != "running":
                raise _Stuck(f"the {who} holding the index lock is {state}")
            if waited >= LOCK_GIVE_UP_SECONDS:
                raise _Stuck(f"the {who} has held the index lock for {waited:.0f} s")
            if not told:
                note(f"waiting for {who}, which is building the index …")
                told = True
        time.sleep(0.05)


def _holder(fd: int) -> int | None:
    """The pid the lock's holder wrote, if it has."""
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or 0) or None
    except (OSError, ValueError):
        return None


def _state(pid: int) -> str:
    """'running', 'stopped' (Ctrl-Z, SIGSTOP) or 'gone' (dead, or a zombie)."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return "gone"
    except OSError:  # no /proc: ask the kernel whether the pid is alive at all
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return "gone"
        except OSError:
            pass
        return "running"
    state = stat_line.rsplit(")", 1)[-1].split()[0]
    return {"T": "stopped", "t": "stopped", "Z": "gone", "X": "gone"}.get(state, "running")


def _sources(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Every source's tier and kind, kept so a lookup reads one value, not every source."""
    rows = conn.execute("SELECT json FROM records WHERE type = 'source' ORDER BY sort, ord")
    return source_info(json.loads(text) for (text,) in rows)


def _family(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """The words that name one person alone, kept so a question does not read every person."""
    rows = conn.execute(
        "SELECT id, json_extract(json, '$.name.en') FROM records WHERE type = 'person'"
        " ORDER BY sort, ord"
    )
    return family_words(rows)


def _build(layout: Layout, key: str, target: str, report: Report) -> sqlite3.Connection:
    from deepseek_kb.index.build import build

    started = time.time()
    conn = build(layout, key, target, report)
    racy = _racy(layout, started)
    with conn:
        conn.execute("INSERT INTO meta VALUES ('racy', ?)", (json.dumps(racy),))
        conn.execute("INSERT INTO meta VALUES (?, ?)", (SOURCE_INFO, json.dumps(_sources(conn))))
        conn.execute("INSERT INTO meta VALUES (?, ?)", (FAMILY_WORDS, json.dumps(_family(conn))))
        digests = {table: digest(conn, table) for table in DIGESTED}
        conn.execute("INSERT INTO meta VALUES ('digests', ?)", (json.dumps(digests),))
    return conn
