"""One message in both languages: what every table of the catalogue holds."""

from __future__ import annotations

from typing import NamedTuple


class Text(NamedTuple):
    """One message in both languages; `{name}` fields are filled in when it is said."""

    en: str
    zh: str
