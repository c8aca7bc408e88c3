"""A version typed after a name: "DeepEP V2" is a version the KB holds no record of, "DeepSeek
Coder v1" is DeepSeek Coder itself, and a version a thing's own name lacks stays asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.rows import Row

_VERSION = re.compile(r"[ -]?v\d+(?:\.\d+)*\b")


# The first version is the thing whose name has none: DeepSeek Coder v1 is DeepSeek Coder.
_FIRST = ("v1", "v1.0")


def later_version(norm: str, named: Sequence[tuple[str, str, str]]) -> bool:
    """Whether a name with no version of its own is followed by one that no longer name found
    takes in (DeepEP V3, DeepSeek V9)."""
    names = [n for n, _, _ in named]
    for name in names:
        after = _version_after(norm, name)
        if after is None or after.group().strip(" -") in _FIRST:
            continue
        typed = norm[after.start() - len(name) : after.end()].strip()
        if not any(typed in other for other in names):
            return True
    return False


def later_edition(norm: str, named: Sequence[tuple[str, str, str]]) -> bool:
    """Whether an ordinal past the first stands before the name of something that happened once
    (an event, a topic: "DeepSeek's second Open-Source Week", 第二届开源周): an edition the KB
    has no record of. A day of it is another thing ("the second day of Open-Source Week"), and a
    word of one name is said of others ("its second compute cluster")."""
    for name, _, kind in named:
        at = norm.find(name)
        one_word = " " not in name.replace("-", " ") if name.isascii() else len(name) < 3
        if kind not in ("event", "topic") or at < 0 or one_word or any(c.isdigit() for c in name):
            continue
        if _EDITION.search(norm[:at]) and not _DAY.match(norm, at + len(name)):
            return True
    return False


_EDITION = re.compile(
    r"(?:\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th)|第\s*[二三四五2-5]\s*[届次])\s*$"
)
_DAY = re.compile(r"\s*(?:day\b|天|日)")


def _version_after(norm: str, name: str) -> re.Match[str] | None:
    """The version typed right after a name that has none of its own ("DeepEP V2")."""
    at = norm.find(name)
    if at < 0 or any(ch.isdigit() for ch in name):
        return None
    return _VERSION.match(norm, at + len(name))


def version_kept(rest: str, name: str, record: Row) -> str:
    """A version the thing's own name lacks stays asked ("DeepEP V2" names DeepEP; when V2
    came out is another date than DeepEP's)."""
    own = normalize(str(record.get("name", {}).get("en", "")))
    versions = [v.strip(" -") for v in _VERSION.findall(name)]
    kept = [v for v in versions if v not in own.replace("-", " ").split() and v not in _FIRST]
    return " ".join([*kept, rest]) if kept else rest


def first_version_dropped(norm: str, rest: str, name: str) -> str:
    """ "deepseek coder v1", "DeepEP V1": the first version of a thing whose name has none is
    the thing itself; the version asks nothing more."""
    after = _version_after(norm, name)
    version = after.group().strip(" -") if after is not None else ""
    if version not in _FIRST:
        return rest
    return " ".join(rest.replace(version, " ", 1).split())


# "the original DeepSeek Coder": the first of its line, when that is the very name typed.
_ORIGINAL = re.compile(r"\boriginal\s+$")


def original_dropped(norm: str, rest: str, name: str, own_name: bool) -> str:
    """ "the original DeepSeek Coder" is DeepSeek Coder: "original" asks nothing more when the
    name typed is the thing's own; "the original Janus" is no Janus-Pro, and stays asked."""
    at = norm.find(name)
    if not own_name or at < 0 or not _ORIGINAL.search(norm[:at]):
        return rest
    return " ".join(rest.replace("original", " ", 1).split())
