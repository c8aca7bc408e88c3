"""The derived, cached form of the KB that every query reads: one SQLite file per data folder set.

YAML stays the only source of truth. The index is rebuilt when any data file, the package
version or the index format changes, and whenever it is missing, truncated or corrupt. It is
written to a temporary file and moved into place, so readers never see half an index and several
processes starting at once on an empty cache all succeed. Opening it costs a few stat calls and
one small query; YAML and pydantic are imported only to rebuild.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from deepseek_kb import __version__
from deepseek_kb.index.store import Index
from deepseek_kb.index.tables import INDEX_FORMAT
from deepseek_kb.paths import Layout, cache_dir

_PACKAGE = Path(__file__).resolve().parent.parent
# The code the index's content depends on: everything but what only draws or parses options.
_NOT_INDEX_CODE = frozenset({"render", "commands", "data", "cli.py", "__main__.py", "export.py"})


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


def fingerprint(layout: Layout) -> str:
    """What the index depends on: the package version, the index format and every data file."""
    parts: list[Any] = [__version__, INDEX_FORMAT, [str(f) for f in layout.folders]]
    for module in code_files():  # a source checkout's edits change the index without a release
        with contextlib.suppress(OSError):
            st = module.stat()
            parts.append((module.name, st.st_size, st.st_mtime_ns))
    for path in [f.path for f in layout.files] + list(layout.strays):
        try:
            st = path.stat()
            parts.append((str(path), st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            parts.append((str(path), None))
    return repr(parts)


def index_path(layout: Layout) -> Path:
    """The cache file for this set of data folders; DSKB_DATA_DIR gets its own."""
    key = zlib.crc32(repr([str(f.resolve()) for f in layout.folders]).encode())
    return cache_dir() / f"index-{key:08x}.sqlite"


def open_index(layout: Layout) -> Index:
    """The index for the data in use, rebuilt first if it is missing, stale or damaged."""
    key = fingerprint(layout)
    path = index_path(layout)
    conn = _open_existing(path, key)
    if conn is not None:
        return _index(conn, layout, path, [])
    return _rebuild(layout, key, path, [])


def _index(
    conn: sqlite3.Connection, layout: Layout, path: Path | None, warnings: list[str]
) -> Index:
    def rebuild() -> sqlite3.Connection:
        return _rebuild(layout, fingerprint(layout), path, warnings).conn

    return Index(conn, layout, path, rebuild, warnings)


def _open_existing(path: Path, key: str) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    conn = None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("fingerprint") != key:
            conn.close()
            return None
        (count,) = conn.execute("SELECT count(*) FROM records").fetchone()
        if str(count) != meta.get("count"):
            conn.close()
            return None
        return conn
    except (sqlite3.DatabaseError, ValueError):
        if conn is not None:
            conn.close()
        return None


def _rebuild(layout: Layout, key: str, path: Path | None, warnings: list[str]) -> Index:
    """Build under a lock when the cache folder allows it; in memory when it does not."""
    if path is None:
        return _index(_build(layout, key, ":memory:"), layout, None, warnings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock(path):
            conn = _open_existing(path, key)
            if conn is not None:
                return _index(conn, layout, path, warnings)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                _build(layout, key, str(tmp)).close()
                tmp.replace(path)
            finally:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        conn = _open_existing(path, key)
        if conn is not None:
            return _index(conn, layout, path, warnings)
    except (OSError, sqlite3.OperationalError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        warnings.append(
            f"cannot write the index cache in {path.parent} ({reason}); "
            "working from memory, so every run rebuilds it"
        )
    return _index(_build(layout, key, ":memory:"), layout, None, warnings)


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    """An exclusive lock beside the index, so concurrent first runs build it once."""
    try:
        import fcntl
    except ImportError:  # Windows: builds may race, but os.replace keeps every result whole
        yield
        return
    with path.with_name(path.name + ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(layout: Layout, key: str, target: str) -> sqlite3.Connection:
    from deepseek_kb.index.build import build

    return build(layout, key, target)
