"""Text normalisation and the word pieces the index stores and queries look up.

Shared by the index builder and the query path, so both sides cut text the same way: Latin
words lower-cased and lightly stemmed, numbers with their unit suffix (671b, 93.3%), and Han
text as overlapping two-character pieces (创新就是 -> 创新 新就 就是), which finds a Chinese word
inside a longer sentence without a word segmenter.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

_WORD = re.compile(r"\d+(?:\.\d+)?(?:%|[a-z]{1,2}(?![a-z0-9]))?|[a-z][a-z0-9]*")
_HAN_CLASS = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f]")

_STOPWORDS = """a an the of to in on at for by with and or is are was were be been do does did what
when where who whom which why how about from as that this it its into than then there their they
he she his her we our you your i me my not no can could would should will shall 的 了 是"""
STOPWORDS = frozenset(_STOPWORDS.split())


# The patterns below are compiled when first needed (a few tenths of a millisecond each, at
# the start of every lookup otherwise): most queries hold no accent, compound, Han run or 第.


@cache
def _latin_marks() -> re.Pattern[str]:
    # Accents on Latin letters (pinyin tone marks hù chéng hé, café), once decomposed.
    return re.compile(r"(?<=[A-Za-z])[\u0300-\u036f]+")


@cache
def _compound() -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9-])[a-z]+(?:-[a-z]+)+(?![a-z0-9-])")


def normalize(text: str) -> str:
    """NFKC (full-width ＡＢＣ１２３ read as ABC123), case-folded, accents on Latin letters
    dropped (pinyin tone marks), control characters and zero-width marks removed, spaces
    collapsed."""
    if not text.isascii():
        text = _latin_marks().sub("", unicodedata.normalize("NFKD", text))
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


def spaced(text: str) -> str:
    """The text with a space where a Latin letter and a Chinese character touch (对kpi啥态度:
    对 kpi 啥态度), so that a Latin word typed against Chinese is read as a word."""
    return _LATIN_HAN.sub(" ", text)


# Where a Latin letter and a Chinese character touch.
_LATIN_HAN = re.compile(r"(?<=[a-z])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[a-z])")


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


def has_han(text: str) -> bool:
    """Whether the text holds any Chinese character."""
    return any(map(_is_han, text))


@cache
def _han_runs() -> re.Pattern[str]:
    # Compiling a class of 30,000 Han code points costs milliseconds; only the index build,
    # which cuts long texts, needs it. Queries are short and are scanned character by character.
    return re.compile(_HAN_CLASS + "+")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A deliberately small English stemmer: plurals and -ed/-ing, nothing clever; a name with a
    number counted in the plural (A100s, H800s) is the name."""
    if len(word) <= 3 or not word.isalpha():
        return _counted_name(word)
    if word.endswith("able") and len(word) > 7:
        return word[:-4]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith("ed") and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "is")):
        return word[:-1]
    return word


def _counted_name(word: str) -> str:
    """A name with a number, counted in the plural (A100s): the name; any other word as it is."""
    counted = word[-2:-1].isdigit() and word.endswith("s") and word[:1].isalpha()
    return word[:-1] if counted else word


@cache
def _han_question() -> re.Pattern[str]:
    # Question words cut a Han run in two (萤火二号投入多少 -> 萤火二号投入): they say what is
    # asked, not what it is about, and a record's text seldom holds them.
    return re.compile(
        "什么时候|什么|多少|怎么样|怎么|哪些|哪个月|哪个|哪里|哪一年|哪一天|哪天|哪年|哪月|哪家|几月|"
        "几号|几个|为什么|是否|有没有|是不是|还是|或者|吗|呢"
    )


# Particles at either end of a piece of a question say nothing of what it is about
# (开源周是哪天预告的 -> 开源周, 预告).
_HAN_PARTICLES = "的了是在吗呢啊吧呀"

# A Han run longer than this is looked up in pieces of this length (a pasted paragraph).
MAX_HAN_TERM = 24


# 第一天 is day 1: a day counted in Chinese numerals, as the records write it (第 1 天).
_HAN_DIGITS = "一二三四五六七八九十"


@cache
def _ordinal() -> re.Pattern[str]:
    return re.compile(f"第([{_HAN_DIGITS}])天")


def ordinals(text: str) -> str:
    """Days counted in Chinese numerals written with digits: 第三天 -> 第 3 天."""
    if "第" not in text:
        return text
    return _ordinal().sub(lambda m: f"第 {_HAN_DIGITS.index(m.group(1)) + 1} 天", text)


def terms(text: str) -> list[str]:
    """The query's terms: Han runs (long ones in pieces), stemmed Latin words and numbers,
    stopwords dropped."""
    norm = ordinals(normalize(text))
    found: list[str] = []
    for run in _split_han(norm):
        if _is_han(run[0]):
            parts = (p.strip(_HAN_PARTICLES) for p in _han_question().split(run))
            candidates = [
                part[i : i + MAX_HAN_TERM]
                for part in parts
                if part and part not in STOPWORDS
                for i in range(0, len(part), MAX_HAN_TERM)
            ]
        else:
            candidates = [
                w if w[0].isdigit() else stem(w) for w in _WORD.findall(run) if w not in STOPWORDS
            ]
        found.extend(c for c in candidates if c not in found)
    return found


def _split_han(text: str) -> list[str]:
    """Text cut into alternating runs of Han and of everything else, in order."""
    runs: list[str] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or _is_han(text[i]) != _is_han(text[start]):
            runs.append(text[start:i])
            start = i
    return runs


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    """Every two-character piece of a text, for comparing Han terms with fields in one step."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def initials(name: str) -> set[str]:
    """A name's initials, of its words and of its hyphened parts: Multi-head Latent Attention
    is MLA, Multi-Head attention MHA, expert-parallel load balancer EPLB."""
    words, parts = name.casefold().split(), re.split(r"[\s-]+", name.casefold())
    return {"".join(w[0] for w in words if w), "".join(p[0] for p in parts if p)}


def longest_first(words: Iterable[str]) -> list[str]:
    """The words, the longest first and in alphabetical order among equals: the order in which
    phrases are taken out of a question never depends on how a set happens to be stored."""
    return sorted(words, key=lambda word: (-len(word), word))


def taken_out(rest: str, phrases: Iterable[str]) -> str:
    """The words without every phrase they hold, overlapping ones too: "code licensed under"
    holds "code licensed" and "licensed under", and leaves no "code" behind."""
    out = [False] * len(rest)
    for phrase in phrases:
        start = rest.find(phrase)
        while start != -1:
            out[start : start + len(phrase)] = [True] * len(phrase)
            start = rest.find(phrase, start + 1)
    return "".join(" " if gone else ch for ch, gone in zip(rest, out, strict=True))


def han_pieces(run: str) -> list[str]:
    """Overlapping two-character pieces of a Han run; a single character stays itself."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def split_tokens(norm: str) -> tuple[list[str], list[str]]:
    """The tokens of a normalised text: (Latin words and numbers, Han two-character pieces)."""
    words: list[str] = []
    for word in _WORD.findall(norm):
        if word[0].isdigit():
            words.append(word)
            bare = word.rstrip("%abcdefghijklmnopqrstuvwxyz")
            if bare != word:
                words.append(bare)
        else:
            words.append(stem(word))
    # A hyphenated compound is also found written as one word: hard-core -> hardcore.
    if "-" in norm:
        words.extend(stem(m.group().replace("-", "")) for m in _compound().finditer(norm))
    pieces: list[str] = []
    if not norm.isascii():
        for run in _han_runs().findall(norm):
            if len(run) == 1:
                pieces.append(run)
            else:  # its overlapping two-character pieces, joined in C
                pieces.extend(map(operator.add, run[:-1], run[1:]))
    return words, pieces


# The first run of letters or digits of a name.
_HEAD = re.compile(r"[^\W_]+")


def name_head(name: str) -> str:
    """What a query must hold for a name to be in it, whole or typed apart (at 100,000 records
    most names are not): its first word, case-folded; a Chinese character as itself; '' (in
    every query) for a name without letters or digits. The index keeps it beside each name."""
    head = _HEAD.search(name)
    if head is None:
        return ""
    word = head.group(0)
    if word.isascii():
        return word.casefold()
    first = word[0]  # a Chinese character reads as itself; anything else is read in full
    return first if "\u4e00" <= first <= "\u9fff" else normalize(word)


def family_words(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words of four letters or more in (id, English name) pairs that one id alone has,
    with that id: a person named by one word of their name ("Liang", "Karpathy")."""
    owners: dict[str, set[str]] = {}
    for person_id, name in names:
        for word in normalize(str(name)).split():
            if len(word) >= 4:
                owners.setdefault(word, set()).add(str(person_id))
    return [(word, next(iter(ids))) for word, ids in owners.items() if len(ids) == 1]


def query_tokens(term: str) -> list[str]:
    """The index tokens one query term must find."""
    return han_pieces(term) if has_han(term) else [term]


def fts_literal(token: str) -> str:
    """Quote a token for an FTS5 MATCH expression, whatever characters it holds."""
    return '"' + token.replace('"', '""') + '"'
