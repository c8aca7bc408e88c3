"""The one passage of the sources that speaks of everything asked (then `weighed.py` looks
for the one that speaks of most of it, `quoted.py` for what a person named said).

"ProverBench 有多少道题", "V3-0324 temperature in the web app", "how many calls a day did
AliceMind get": the value is written in a sentence (a claim, a fact, a quote, a biography line, a
description), not kept in a field of its own. Each text of the thing asked about, of the records
about it and of the best hits is a passage; one answers when it holds every word the question
leaves unexplained (all but one in four Latin words, two in three pairs of Chinese characters)
and three in four of all its words (two at least; a question asking one word of a thing named,
"DeepSpec 里有哪些 draft model", is answered by the thing's own texts alone), and holds the kind
of value asked for (a number for "how many", a date for "when", a speaker for "who said"); of
several, the shortest. A record of where dskb looked and found nothing makes the answer "not
stated", with what it says.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from deepseek_kb.analysis.text import normalize
from deepseek_kb.index.store import Index
from deepseek_kb.rows import Row
from deepseek_kb.search.answered import Answer, NotStated
from deepseek_kb.search.claims import month_words
from deepseek_kb.search.hanzi import read_words
from deepseek_kb.search.holding import held_count, holds, holds_pair
from deepseek_kb.search.leftover import STOP_HAN, asked, content, leftover, unfilled, untyped
from deepseek_kb.search.named import Hit, has, names_of
from deepseek_kb.search.passage import LISTS, PLACE, TEXTS, Passage, answered_by, broad, looked
from deepseek_kb.search.question import CLEAR, Question, best_asked, yes_no

# How many of the best hits are read besides the thing and the records about it.
HITS = 5
# A passage must hold three in four of the question's words, and two at least when there are.
SHARE = 0.75
# A number, not a digit of a name (R1, Qwen2.5, V3).
_NUMBER = re.compile(r"(?<![A-Za-z\d.-])\d|[一二两三四五六七八九十百千万亿]")
# A year, not a decade ("born in the 1980s" tells no year of birth).
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?![\ds]|年代)")
# The word a Chinese question counts in: the character after 多少 or 几 (页, 家, 层, 张).
_MEASURED = re.compile(r"(?:多少|几)\s*([\u4e00-\u9fff])")


# How long something took, asked (how long did it take to train, 训了多少天): a passage says it
# in days.
_HOW_LONG = re.compile(
    r"\bhow long\b.*\b(?:take|took|takes|taken|last|lasted)\b|\bhow many days\b|多久|多少天|几天"
)


def passage_answer(
    index: Index, question: Question, hits: Sequence[Hit], field_words: tuple[str, ...] = ()
) -> Answer | NotStated | None:
    """The one passage that speaks of everything the question asks, as the answer; else none.
    `field_words`: the words the question asks a field by, when no value of it answers; the passage
    says one of them, and every word nothing else explains, not most of them."""
    words = asked(read_words(index, content(unfilled(untyped(question.rest)))))
    words += ["days"] if _HOW_LONG.search(question.norm) else []
    # One word, of a thing named, among its own texts, or asked yes or no ("is it profitable").
    least = 2 if broad(question) and not yes_no(question) else 1
    if len(words) < least or ("name" in question.cues and "quantity" in question.cues):
        return None
    speakers = speakers_of(question)
    best = _matched(index, question, hits, words, speakers, field_words)
    # A term's note, which tells more than its definition, answers only when no text does.
    best = [pair for pair in best if pair[1].field != "note"] or best
    if not best:
        return None
    top = max(score for score, _ in best)
    tied = [p for s, p in best if s == top]
    return answered_by(index, question, _first(question, tied, speakers is not None, words))


def _first(
    question: Question, tied: list[Passage], quotes_asked: bool, words: list[str]
) -> Passage:
    """Of passages saying as much, the one that answers (`_precedence`); what held at launch
    (刚发布时) is the earliest of them."""
    own, day = _term(question), _DAY.search(question.norm)
    at_first = "first" in question.cues
    return min(
        tied,
        key=lambda p: (
            str(p.record.get("date") or "9999") if at_first else "",
            _precedence(p, quotes_asked, own, day and day.group(), words),
        ),
    )


# A day the question gives ("on 2025-02-28"): what happened that day, before what mentions it.
_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _matched(
    index: Index,
    question: Question,
    hits: Sequence[Hit],
    words: list[str],
    speakers: frozenset[str] | None,
    field_words: tuple[str, ...],
) -> list[tuple[int, Passage]]:
    """Each passage that speaks of what is asked, with how many of the question's words it
    holds; one word asked is answered by the thing's own texts, not by its records' or the
    hits', unless asked yes or no."""
    needed = leftover(untyped(question.rest))
    tags = tags_of(index)
    asked_yes_no = yes_no(question)
    best: list[tuple[int, Passage]] = []
    for found in passages_of(index, question, hits, notes=True):
        matched = _weighed(question, found, words, needed, speakers, tags, field_words)
        if matched and (len(words) > 1 or found.order < PLACE or asked_yes_no):
            best.append((matched, found))
    return best


def _term(question: Question) -> bool:
    """Whether a term is asked about: its own definition comes before another's that says as
    much (what MLA is for is told in MLA's definition, though the KV cache's speaks of it)."""
    return question.subject is not None and question.subject[0] == "term"


def _precedence(
    found: Passage, quotes_asked: bool, own: bool, day: str | None, words: list[str]
) -> tuple[bool, bool, bool, bool, int, int, int]:
    """Of passages saying as much, one that states it before a record of finding nothing, a
    statement before someone's words unless their words are asked (a fact that DeepSeek has
    raised no money before a quote filed under the same topic), the thing's own words when
    `own`, what happened on the `day` asked before what mentions it, and the shortest, which says
    it most directly (a fact before the company's description); of those, one whose own words
    hold the question's before one filed under a topic named by them (没有 KPI before another
    quote on management)."""
    quoted = found.kind == "quote" and not quotes_asked
    other = own and found.order >= PLACE
    another_day = day is not None and found.record.get("date") != day
    return (
        looked(found.record),
        quoted,
        other,
        another_day,
        -held_count(words, " ".join(normalize(t) for t in _said(found))),
        len(str(found.text["en"])),
        found.order,
    )


def _weighed(
    question: Question,
    found: Passage,
    words: list[str],
    needed: list[str],
    speakers: frozenset[str] | None,
    tags: dict[str, list[str]],
    field_words: tuple[str, ...] = (),
) -> int:
    """How many of the question's words the passage holds, or the names of the topics its
    record is filed under (融资 of "没融过资"); 0 when it lacks what it must hold (the words
    nothing else explains, the kind of value asked, the thing's name)."""
    said = _said(found)
    text = spoken(found, tags)
    if not _explains(needed, text, bool(field_words)) or not fits(question, found, said, speakers):
        return 0
    if field_words and (found.kind == "quote" or not _says_any(field_words, text)):
        return 0  # a field's value is asked, which someone's words do not state
    if not (found.about or names_it(question, text)):
        return 0
    matched = held_count(words, text)
    return matched if matched >= min(2, len(words)) and matched >= SHARE * len(words) else 0


def _says_any(phrases: tuple[str, ...], text: str) -> bool:
    """Whether the passage holds every word of one of the phrases."""
    return any(all(holds(w, text) for w in phrase.split()) for phrase in phrases)


def _explains(needed: list[str], text: str, strict: bool = False) -> bool:
    """Whether the passage holds the words nothing else explains: all but one in four Latin
    words, two in three pairs of Chinese characters; all of them when `strict`."""
    latin = [w for w in needed if w.isascii()]
    han = [w for w in needed if not w.isascii()]
    missed = len(latin) - held_count(latin, text)
    lost = sum(n for w, n in Counter(han).items() if not holds_pair(w, text))
    if strict:
        return not missed and not lost
    return missed <= len(latin) // 4 and lost * 3 <= len(han)


def read_hits(index: Index, question: Question, hits: Sequence[Hit]) -> list[Hit]:
    """The hits a passage or a figure is looked for in: the best hits for the whole question,
    then those for what it says once the thing's name is out of it."""
    return [*hits[:HITS], *found_by_rest(index, question)]


def found_by_rest(index: Index, question: Question) -> list[Hit]:
    """The best hits for what the question says once the thing's name is out of it: the
    company's name matches everything and buries the record that answers. Nothing named but
    the company's name in a word (deepseek-reasoner), the words that say something, the
    company's name out of them ("deepseek-reasoner's chain of thought": reasoner chain thought)."""
    from deepseek_kb.search.rank import search

    if question.subject is None and "deepseek" in question.norm:
        said = " ".join(content(question.rest))
        if said != question.rest:
            return list(search(index, said, limit=HITS)) if said else []
    if question.rest == question.norm or not question.rest:
        return []
    return list(search(index, question.rest, limit=HITS))


def passages_of(
    index: Index, question: Question, hits: Sequence[Hit], notes: bool = False
) -> Iterator[Passage]:
    """The texts of the thing, of the records about it, then of the hits, each record once; a
    term's note too when `notes` (it tells more of what the term is: DSA's 2048 key-value
    tokens for each query token)."""
    records: list[tuple[str, Row]] = []
    kind = None
    if question.subject is not None:
        # A thing named: what it says and what its own records say; a hit only where it names
        # the thing (another model's HumanEval score is not V3's). The company or a topic is
        # what every record is about: any hit speaks of it.
        kind, subject = question.subject
        records.append((kind, subject))
        records.extend((f.kind, f.row) for f in index.mentions(subject["id"]))
    about = len(records)
    records.extend((h.type, h.record) for h in hits)
    wide = broad(question)
    seen: set[str] = set()
    for place, (kind, record) in enumerate(records):
        if record["id"] in seen or kind == "source":
            continue
        seen.add(record["id"])
        for field, text, sources in _texts(record, notes):
            order = place * PLACE + len(seen)
            yield Passage(record, kind, field, text, sources, order, wide or place < about)


def names_it(question: Question, text: str) -> bool:
    """Whether a passage found among the hits names the thing asked about (a fact on "V3/R1"
    that is filed under the company)."""
    if question.subject is None:
        return True
    names = {normalize(n) for n in names_of(question.subject[1])}
    return any(len(n) >= 2 and has(text, n, also_joins=".-") for n in names)


def _texts(record: Row, notes: bool) -> Iterator[tuple[str, Row, list[Row]]]:
    sources = record.get("sources", [])
    for key in TEXTS:
        if isinstance(record.get(key), dict):
            yield key, record[key], sources
    for key in LISTS:
        for number, item in enumerate(record.get(key, [])):
            yield f"{key}[{number}]", item, sources
    for number, claim in enumerate(record.get("claims", [])):
        yield f"claims[{number}]", claim["text"], claim["sources"]
    # A term's note tells more of what it is; a code record's says in words what its code does.
    told = "definition" in record or record.get("code")
    if notes and told and isinstance(record.get("note"), dict):
        yield "note", record["note"], sources


def tags_of(index: Index) -> dict[str, list[str]]:
    """Every topic's names and aliases, by its id."""
    tags: dict[str, list[str]] = {}
    for name in index.names("topic"):
        tags.setdefault(name.id, []).append(name.name)
    return tags


def spoken(found: Passage, tags: dict[str, list[str]]) -> str:
    """What a passage speaks of, normalised: its words in both languages, the title of its
    record or the question a quote answers, and the names of the topics its record is filed
    under (融资 of "没融过资")."""
    named = [n for topic in found.record.get("topics", []) for n in tags.get(topic, [])]
    return " ".join(
        normalize(t) for t in [*_said(found), *named, *month_words(found.record.get("date"))]
    )


def _said(found: Passage) -> list[str]:
    """The passage in both languages, with the title of the record it is in."""
    texts = [str(found.text["zh"]), str(found.text["en"])]
    for key in ("title", "context"):
        told = found.record.get(key)
        if isinstance(told, dict):
            texts += [str(told["zh"]), str(told["en"])]
    return texts


def speakers_of(question: Question) -> frozenset[str] | None:
    """Whose words the question asks for ("what did X say"): the people it names (none: anyone's
    words); None when it does not ask what someone said."""
    if best_asked(question.rest, question.cues, ("said",))[1] < CLEAR:
        return None
    return people_named(question)


def people_named(question: Question) -> frozenset[str]:
    """The people the question names, the one it is about first among them."""
    people = {i for k, i, _ in question.also_named if k == "person"}
    if question.subject is not None and question.subject[0] == "person":
        people.add(question.subject[1]["id"])
    return frozenset(people)


def fits(
    question: Question, found: Passage, said: list[str], speakers: frozenset[str] | None
) -> bool:
    """Whether the passage holds the kind of value asked for: what someone said is a quote of
    theirs, not a line about them."""
    if speakers is not None:
        return found.kind == "quote" and (not speakers or found.record.get("speaker") in speakers)
    if "name" in question.cues:  # who said it, or who a line of their life says did it
        return found.kind in ("quote", "person", "fact")
    if "date" in question.cues:
        return found.kind == "event" or bool(_YEAR.search(" ".join(said)))
    if "quantity" in question.cues:
        zh = str(found.text["zh"])
        units = _MEASURED.findall(question.norm)  # 多少页 is counted in 页: "53 页论文"
        held = all(u in zh for u in units if u not in STOP_HAN)
        return held and bool(_NUMBER.search(zh + str(found.text["en"])))
    return True
