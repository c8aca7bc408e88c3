"""Where the data and the cache live; cheap enough for every start-up (no YAML, no pydantic)."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from deepseek_kb.errors import DskbError
from deepseek_kb.kinds import BY_STEM, NAMES


class DataFile(NamedTuple):
    """One YAML file of records, with the record type its name gives."""

    type: str
    path: Path
    layer: int

    @property
    def display(self) -> str:
        """The path as a person would type it: relative to the current folder when inside it."""
        return _relative(self.path, os.getcwd())  # noqa: PTH109 (a str: 8× cheaper than a Path)


@lru_cache(maxsize=4096)
def _relative(path: Path, cwd: str) -> str:
    """Asked for every record a build reads, so each file's answer is kept."""
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


class Layout(NamedTuple):
    """The data folders in use, lowest layer first, and the files found in them."""

    folders: tuple[Path, ...]
    files: tuple[DataFile, ...]
    strays: tuple[Path, ...]
    bundled: bool


def bundled_data_dir() -> Path:
    """The data shipped with the package: inside it when installed, beside it in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "data"
    return installed if installed.is_dir() else here.parent / "data"


def data_folders(data_dir: Path | None, overlays: str = "") -> tuple[Path, ...]:
    """The base data (`data_dir`, else the bundled data), then the overlay folders.

    `overlays` is DSKB_PATH's value: folders separated by the platform's path separator.
    """
    base = data_dir.expanduser() if data_dir is not None else bundled_data_dir()
    return (base, *(Path(p).expanduser() for p in overlays.split(os.pathsep) if p))


# The one rule for which files are data, at every level (`dskb validate` states it).
DATA_FILE_RULE = (
    "data files are NAME.yaml or NAME.yml (NAME: facts, models, …) and every .yaml or .yml "
    "file in a NAME/ folder and its subfolders; hidden files and folders (.name) and editor "
    "leftovers (name~, #name#) are skipped at every level"
)
_EXTENSIONS = (".yaml", ".yml")


def skipped(name: str) -> bool:
    """A hidden file or folder, or an editor's backup, lock or autosave file."""
    return (
        name.startswith(".") or name.endswith("~") or (name.startswith("#") and name.endswith("#"))
    )


def is_yaml(name: str) -> bool:
    """A YAML file's name by the rule: .yaml or .yml, not hidden, not an editor's file."""
    return name.endswith(_EXTENSIONS) and not skipped(name)


def discover(folders: tuple[Path, ...], bundled: bool = False) -> Layout:
    """List the record files of every data folder; a missing or unreadable folder is an error."""
    files: list[DataFile] = []
    strays: list[Path] = []
    for layer, folder in enumerate(folders):
        for entry in _entries(folder):
            name = entry.name
            if skipped(name):
                continue
            stem = name.rsplit(".", 1)[0] if is_yaml(name) else name
            if stem not in BY_STEM:
                if is_yaml(name):
                    strays.append(Path(entry.path))
            elif is_yaml(name):
                files.append(DataFile(BY_STEM[stem].name, Path(entry.path), layer))
            elif _is_dir(entry):
                files.extend(_folder_files(Path(entry.path), BY_STEM[stem].name, layer))
    # Each layer's files in the registry's order, so sources are read before what cites them.
    files.sort(key=lambda f: (f.layer, NAMES.index(f.type), str(f.path)))
    return Layout(tuple(folders), tuple(files), tuple(strays), bundled)


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        return sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        raise DskbError.of("folder.missing", folder=folder) from None
    except NotADirectoryError:
        raise DskbError.of("folder.is_file", folder=folder) from None
    except OSError as error:
        raise DskbError.of("folder.unreadable", folder=folder, reason=error.strerror) from None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A folder, following symlinks; a broken or looping link is not one (reading it says why)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _folder_files(folder: Path, record_type: str, layer: int, depth: int = 0) -> list[DataFile]:
    """Every YAML file in a kind's folder and its subfolders (by the rule), sorted by path."""
    found: list[DataFile] = []
    for entry in _entries(folder):
        if skipped(entry.name):
            continue
        if is_yaml(entry.name):
            found.append(DataFile(record_type, Path(entry.path), layer))
        elif depth < _MAX_DEPTH and _is_dir(entry):
            found.extend(_folder_files(Path(entry.path), record_type, layer, depth + 1))
    return found


# Subfolders deeper than this are not read (a symlink loop would otherwise never end).
_MAX_DEPTH = 8


def cache_dir() -> Path:
    """XDG_CACHE_HOME, then the platform's own cache folder."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "dskb"
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "dskb"
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / "dskb" / "Cache"
    return home / ".cache" / "dskb"
