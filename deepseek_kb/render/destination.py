"""Writing an export where it was asked for, without ever weakening what stands there.

A file is built whole in a private temporary file beside it (mode 0600 while it is written),
given the old file's permission bits, owner and group, and renamed over it: a reader sees the
old file or the new one, two exports at once both succeed (one wins), and a failure of any kind
(a full disk, Ctrl-C, SQLite's own errors) leaves the old file as it was and no temporary or
journal file. Refused with exit 4 and the reason, before anything is written:

- a file the user may not write, or that has no write permission bit at all (0444), even for
  root: dskb does not overrule a write protection;
- a file with other hard links: renaming would split them (the other names would keep the old
  content), so dskb asks for a file of one name instead;
- a file whose owner or group dskb cannot keep (another user's file in a folder one may write);
- a symlink that belongs to someone else in a sticky, world-writable folder such as /tmp: the
  kernel does not follow those (protected_symlinks), and resolving it here would sidestep that;
  other symlinks are followed, and the file they point to is written, the link stays;
- anything inside a data folder in use, a data folder itself, or a folder holding one;
- a database onto a device, pipe or socket (text formats are written through those, as a shell
  redirect would).

A folder export (csv, yaml) is written whole into a temporary folder beside the target, then
swapped with it: the old folder is renamed aside, the new one renamed into its place (the old
one back if that fails), and the old one removed. A folder holding anything an export would not
write there is refused, never emptied.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from deepseek_kb.errors import WriteError


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _followable(path: Path) -> None:
    """Refuse another user's symlink in a sticky world-writable folder, as the kernel would."""
    try:
        link = path.lstat()
        if not stat.S_ISLNK(link.st_mode):
            return
        where = path.parent.stat()
    except OSError:
        return
    shared = where.st_mode & stat.S_ISVTX and where.st_mode & stat.S_IWOTH
    if shared and link.st_uid not in (os.geteuid(), where.st_uid):
        raise WriteError.of("write.foreign_link", path=path, folder=path.parent)


def target(path: Path) -> Path:
    """Where writing `path` really goes: through symlinks, checked to be writable there."""
    if not str(path):
        raise WriteError.of("write.empty", "write.empty.database")
    _followable(path)
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise WriteError.of("write.is_folder", path=path)
    folder = real.parent
    if not folder.is_dir():
        raise WriteError.of("write.no_parent", path=path, folder=folder)
    return real


def keep_out(path: Path, data_folders: Iterable[Path]) -> None:
    """Refuse an output inside, onto, or holding a data folder in use (exit 4)."""
    if not str(path):
        return
    real = Path(os.path.realpath(path))
    for folder in data_folders:
        data = Path(os.path.realpath(folder))
        if real == data or data in real.parents:
            what = "write.data_in_use"
        elif real in data.parents:
            what = "write.holds_data_in_use"
        else:
            continue
        raise WriteError.of(what, "write.in_use.hint", path=path, folder=folder)


def _special(path: Path) -> str | None:
    """What `path` is when it exists and is not a regular file (a device, a pipe …)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def _replaceable(path: Path, real: Path) -> os.stat_result | None:
    """The existing file's status when it may be replaced, None when there is none yet."""
    try:
        old = real.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise WriteError.of("write.failed", path=path, reason=_reason(error)) from None
    if not old.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise WriteError.of("write.protected", path=path, mode=stat.filemode(old.st_mode))
    if old.st_nlink > 1:
        raise WriteError.of("write.hard_links", path=path, links=old.st_nlink)
    return old


def check_file(path: Path) -> None:
    """Raise now what writing `path` would be refused for, before anything else is written."""
    real = target(path)
    if not _special(real):
        _replaceable(path, real)


def _like(tmp: Path, path: Path, old: os.stat_result | None) -> None:
    """The new file with the old one's mode, owner and group (a new file: the umask's mode)."""
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)
        return
    mine = tmp.stat()
    if (mine.st_uid, mine.st_gid) != (old.st_uid, old.st_gid):
        try:
            os.chown(tmp, old.st_uid, old.st_gid)
        except OSError:
            raise WriteError.of("write.owner", path=path) from None
    tmp.chmod(stat.S_IMODE(old.st_mode))


def write_bytes(path: Path, data: bytes) -> None:
    """A file's new content, replacing it whole, or written through a device or pipe."""
    real = target(path)
    if _special(real):
        try:
            with real.open("wb") as handle:  # /dev/null, a pipe: written, never replaced
                handle.write(data)
        except OSError as error:
            raise WriteError.of("write.failed", path=path, reason=_reason(error)) from None
        return
    with replacing(path) as tmp:
        tmp.write_bytes(data)


def _remove(*paths: Path) -> None:
    for leftover in paths:
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A private temporary file beside `path` to build the new file in; it takes the old
    file's mode and owner and is renamed over it at the end (see the module's rules).

    Refuses (exit 4) where `path` is a device, a pipe or a socket: only a regular file (or a
    symlink to one, which is followed) is ever replaced.
    """
    real = target(path)
    kind = _special(real)
    if kind:
        raise WriteError.of("write.special", path=path, kind=kind)
    old = _replaceable(path, real)
    tmp = real.with_name(f".{real.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    journals = [tmp.with_name(tmp.name + end) for end in ("-journal", "-wal", "-shm")]
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        yield tmp
        _like(tmp, path, old)
        tmp.replace(real)
    except OSError as error:
        raise WriteError.of("write.failed", path=path, reason=_reason(error)) from None
    finally:
        _remove(tmp, *journals)


def _folder_target(path: Path, names: set[str]) -> tuple[Path, os.stat_result | None]:
    """The real folder to replace and its status; refused when it holds other things."""
    if not str(path):
        raise WriteError.of("write.empty", "write.empty.folder")
    _followable(path)
    real = Path(os.path.realpath(path))
    if real.exists() and not real.is_dir():
        raise WriteError.of("write.is_file", path=path)
    if not real.parent.is_dir():
        raise WriteError.of("write.no_parent", path=path, folder=real.parent)
    try:
        old = real.stat()
        held = sorted(p.name for p in real.iterdir())
    except FileNotFoundError:
        return real, None
    except OSError as error:
        raise WriteError.of("write.into_failed", path=path, reason=_reason(error)) from None
    foreign = [n for n in held if n not in names]
    if foreign:
        shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
        raise WriteError.of("write.foreign_files", path=path, names=shown)
    return real, old


def write_files(into: Path, files: dict[str, Callable[[], bytes]]) -> list[Path]:
    """Several files as one folder, swapped whole with what stood there; the paths written.
    A name may hold one folder level (`schema/models.schema.json`)."""
    real, old = _folder_target(into, {name.split("/")[0] for name in files})
    tag = f"{os.getpid()}.{secrets.token_hex(4)}"
    tmp = real.with_name(f".{real.name}.{tag}.tmp")
    aside = real.with_name(f".{real.name}.{tag}.old")
    try:
        tmp.mkdir(mode=0o700)
        for name, content in files.items():
            (tmp / name).parent.mkdir(mode=0o755, exist_ok=True)
            (tmp / name).write_bytes(content())
        if old is not None:
            tmp.chmod(stat.S_IMODE(old.st_mode))
            real.replace(aside)
            try:
                tmp.replace(real)
            except OSError:
                aside.replace(real)
                raise
        else:
            umask = os.umask(0)
            os.umask(umask)
            tmp.chmod(0o777 & ~umask)
            tmp.replace(real)
    except OSError as error:
        raise WriteError.of("write.into_failed", path=into, reason=_reason(error)) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(aside, ignore_errors=True)
    return [Path(into) / name for name in files]
