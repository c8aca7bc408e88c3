"""Settings resolved once per run from flags, then the environment, then defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from deepseek_kb.paths import data_folders

LANGS = ("zh", "en", "both")
COLORS = ("auto", "always", "never")


class Settings(NamedTuple):
    """How this run reads and draws: language, colour, paging and the data folders."""

    lang: str = "en"
    color: str = "auto"
    pager: bool | None = None
    data_dir: Path | None = None
    overlays: str = ""
    no_color: bool = False
    pager_command: str = "less"
    less: str | None = None
    warnings: tuple[str, ...] = ()
    bom: bool = False  # CSV listings start with a byte-order mark, for Excel

    @property
    def folders(self) -> tuple[Path, ...]:
        """The base data folder, then the overlays."""
        return data_folders(self.data_dir, self.overlays)

    @property
    def bundled(self) -> bool:
        """Whether the base folder is the data shipped with the package."""
        return self.data_dir is None

    def with_lang(self, lang: str | None) -> Settings:
        """The same settings in another language (a command's own --lang)."""
        return self if lang is None else self._replace(lang=lang)


def default_lang(environ: Mapping[str, str]) -> str:
    """DSKB_LANG if set, else Chinese for a zh* locale, else English."""
    chosen = environ.get("DSKB_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def resolve(
    lang: str | None = None,
    color: str = "auto",
    pager: bool | None = None,
    data_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
    bom: bool = False,
) -> Settings:
    """Flags first, then DSKB_LANG / the locale, NO_COLOR and DSKB_PATH, then the defaults."""
    env = os.environ if environ is None else environ
    warnings = []
    chosen = env.get("DSKB_LANG", "").strip()
    if chosen and chosen.lower() not in LANGS:
        warnings.append(f"DSKB_LANG={chosen!r} is not one of zh, en, both; using the locale")
    return Settings(
        lang=lang or default_lang(env),
        color=color,
        pager=pager,
        data_dir=data_dir,
        overlays=env.get("DSKB_PATH", ""),
        no_color=bool(env.get("NO_COLOR")),
        pager_command=_pager_command(env),
        less=env.get("LESS"),
        warnings=tuple(warnings),
        bom=bom,
    )


def _pager_command(env: Mapping[str, str]) -> str:
    """DSKB_PAGER, then PAGER, then less (more on Windows); empty or 'cat' means no pager."""
    for var in ("DSKB_PAGER", "PAGER"):
        if var in env:
            return env[var].strip()
    return "more" if os.name == "nt" else "less"
