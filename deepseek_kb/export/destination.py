"""Writing an export where it was asked for, without ever destroying what stands there.

A regular file is replaced atomically: written to a temporary file of this process beside it,
then renamed over it, so a reader sees the old file or the new one and two exports at once both
succeed (one wins). A symlink is followed: the file it points to is written, the link stays. A
device, pipe or socket is never renamed over: text formats are written through it, as a shell
redirect would; a database cannot be, and is refused. A folder that is not there, a path that
is a folder, an empty path, a read-only place and a full disk are each exit 4 with a message.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from deepseek_kb.errors import DskbError


class WriteError(DskbError):
    """An export could not be written (exit 4)."""


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def target(path: Path) -> Path:
    """Where writing `path` really goes: through symlinks, checked to be writable there."""
    if not str(path):
        raise WriteError("the output path is empty", hint="name a file, e.g. -o kb.db")
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise WriteError(f"{path} is a folder, not a file", hint="name a file inside it")
    folder = real.parent
    if not folder.is_dir():
        raise WriteError(
            f"cannot write {path}: the folder {folder} does not exist",
            hint="create the folder first, or write somewhere else",
        )
    return real


def _special(path: Path) -> str | None:
    """What `path` is when it exists and is not a regular file (a device, a pipe …)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def write_bytes(path: Path, data: bytes) -> None:
    """A file's new content, replacing it atomically, or written through a device or pipe."""
    real = target(path)
    if _special(real):
        try:
            with real.open("wb") as handle:  # /dev/null, a pipe: written, never replaced
                handle.write(data)
        except OSError as error:
            raise WriteError(f"cannot write {path}: {_reason(error)}") from None
        return
    with replacing(path) as tmp:
        tmp.write_bytes(data)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to build the new file in; renamed over it at the end.

    Refuses (exit 4) where `path` is a device, a pipe or a socket: only a regular file (or a
    symlink to one, which is followed) is ever replaced.
    """
    real = target(path)
    kind = _special(real)
    if kind:
        raise WriteError(f"{path} is {kind}; a database is written to a regular file only")
    tmp = real.with_name(f".{real.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        yield tmp
        tmp.replace(real)
    except OSError as error:
        raise WriteError(f"cannot write {path}: {_reason(error)}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def folder(path: Path) -> Path:
    """A folder to write several files into: made if its parent exists, refused otherwise."""
    if not str(path):
        raise WriteError("the output path is empty", hint="name a folder, e.g. -o kb-csv/")
    real = Path(os.path.realpath(path))
    if real.exists() and not real.is_dir():
        raise WriteError(f"{path} is a file, not a folder", hint="name a folder")
    if not real.parent.is_dir():
        raise WriteError(f"cannot write into {path}: the folder {real.parent} does not exist")
    try:
        real.mkdir(exist_ok=True)
    except OSError as error:
        raise WriteError(f"cannot create {path}: {_reason(error)}") from None
    return real


def write_files(into: Path, files: dict[str, Callable[[], bytes]]) -> list[Path]:
    """Several files into a folder, each replaced atomically; the paths written."""
    base = folder(into)
    written = []
    for name, content in files.items():
        write_bytes(base / name, content())
        written.append(base / name)
    return written
