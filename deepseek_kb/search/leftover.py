"""What a question leaves unexplained: the words that are not the thing's name, not a phrase
asking for a field, not a cue and not a function word. An answer must account for them (in its
label or its value), or there is no answer: "GPU hours per trillion tokens" is not answered by
GPU hours alone."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from deepseek_kb.analysis.text import normalize, ordinals, stem, taken_out
from deepseek_kb.asking import CUES
from deepseek_kb.search.alike import alike, han_words
from deepseek_kb.search.named import has
from deepseek_kb.search.question import unasked

# Words that ask nothing of their own: function words, generic verbs, the company's name.
_STOP_WORDS = (
    "the a an of in on at to for by with is are was were be been being does do did done has "
    "have had it its it's this that these those what which who whom whose when where why how "
    "much many there their they them than then as and or but from into about per vs versus "
    "ds deepseek deepseek's deepseeks s me tell give show know i you your our we us please "
    "number total exactly officially official really actually ever use used uses using get "
    "got make made run runs trained train training model models version new latest one first "
    "can could would should will say says said according any all some other same like such "
    "so up out there's what's whats who's type kind len value amount count info details "
    "detail exact approx roughly around api figure stated drop dropped under behind take took "
    "takes taken repo repository repositories look looks looking need needs needed just go "
    "goes going went he she him her his hers ever still also very work works worked working "
    "might may must shall accept accepts accepted sit sits sat far push pushed every if "
    "ended eventually finally ultimately again am ok okay thing things stuff abt btw open "
    "whether doesn't don't didn't isn't aren't wasn't won't smth sth something inside over living "
    "let lets cover covers covered come comes came real himself herself themselves i.e e.g "
    # too, a tag question's right, late in the month, "is it true that", a name asked: nothing more
    "too late mid right gets getting true name they're we're you're it'll even "
    "article article's interview my mine i'm im i've i'd besides ones overall now each supposed "
    # as 处理 and 家族 say nothing in Chinese: processes, family
    "process processes processed family outside external"
)
STOP = frozenset(_STOP_WORDS.split())
STOP_HAN = frozenset(
    "的了吗呢是在有和与及用个多少什么哪几谁年月日天时候怎样如何为啥一这那它其被把给对从到也都就又还要会能可以过出来去上下中请问呀吧啊么数量编号型类值些建做得着很"
)


def leftover(rest: str) -> list[str]:
    """The words of the question that nothing matched (not the thing's name, not a phrase that
    asks for a field, not a cue, not a function word): Latin words, and pairs of Chinese
    characters. An answer must account for them, or there is none."""
    rest = _THIS.sub(" ", _UNIT_ASKED.sub(" ", unasked(rest)))
    return [piece for piece in content(unfilled(rest)) if piece not in _SOFT_HAN]


def unfilled(rest: str) -> str:
    """The words without those that qualify what is asked (一共, 现在), taken out whole, not in
    pairs with their neighbours (一共训练: 共训; 里现在有: 里现)."""
    for filler in _FILLERS:
        rest = rest.replace(filler, " ")
    return rest


def beside(rest: str, phrases: Sequence[str]) -> list[str]:
    """The words of the question besides the phrases given (those that ask for one field),
    a phrase that asks for another field among them: 预训练 beside "GPU hours"."""
    return [piece for piece in content(taken_out(rest, phrases)) if piece not in _SOFT_HAN]


_FINE_TUNE = re.compile(r"\bfine[- ]tun")
# "kick off", "sign off": the verb says it, "off" is no word of its own (off-peak is).
_OFF = re.compile(r"\b(kick|kicked|kicks|set|sets|sign|signs|signed|take|takes|took)\s+off\b")
# "written for Hopper", "designed for inference": what it is for, the verb says nothing more.
_MADE_FOR = re.compile(r"\b(?:written|designed|built|made|developed)\s+(?=for\b)")
# "get its hands on": to get, said as an idiom.
_HANDS_ON = re.compile(r"\b(?:its|their|his|her|my|our|your)\s+hands\s+on\b")
# "tech firms", "tech giants": the noun says it, "tech" is no word of its own (大厂 are big firms).
_TECH = re.compile(r"\btech\s+(?=(?:firm|company|companies|giant|player)s?\b)")
# The thing asked about, named again by what it is ("幻方这家基金", "V3 这个模型", "这家 quant
# fund"): no more asked.
_THIS = re.compile(r"[这那该][家个款位所只种](?:[\u4e00-\u9fff]{2}|\s*[a-z]+(?: [a-z]+)?)")
# The unit a value is asked in ("以 trillion 为单位", "in trillions"): how to read it, not more.
_UNIT_ASKED = re.compile(r"(?:以\s*)?\b[a-z]+\s*为单位|\bin (?:trillions|billions|millions)\b")


def untyped(rest: str) -> str:
    """The question without the noun that says what kind of thing its answer is: "which
    journal", "哪本期刊", "what chip". A passage that answers names the journal (Nature), it need
    not say the word journal."""
    return _TYPED_ZH.sub("哪", _TYPED_EN.sub(r"\1", rest))


# "which journal", "哪本期刊", "哪些组件", "which small language model", "which GPU generation",
# "用的是什么数据库引擎" (a noun that ends the question): the question word and the noun after it.
_TYPED_EN = re.compile(
    r"\b(which|what)\s+(?:(?:small|tiny|big|large)\s+)?(?:language model|[a-z]+)"
    r"(?:\s+(?:generation|family|series|brand)\b)?"
)
_TYPED_ZH = re.compile(
    r"哪[本个家款种所位篇部项只门些][\u4e00-\u9fff]{2}|哪一[代种个款][\u4e00-\u9fff]{0,2}"
    r"|什么[\u4e00-\u9fff]{2,4}(?=[?？,，。]|$)"
)


def asked(words: list[str]) -> list[str]:
    """The words that say something, less those that only qualify it (专门, 里面, 应该): what a
    passage answering must speak of."""
    return [word for word in words if word not in _SOFT_HAN or word in _NAMING]


def content(rest: str) -> list[str]:
    """The words that say something (not a cue, not a function word), the words that ask for a
    field included: what a passage answering the question must speak of."""
    rest = _FINE_TUNE.sub("finetun", ordinals(rest))  # one word, however it is typed
    rest = _HANDS_ON.sub("", _MADE_FOR.sub("", _TECH.sub("", _OFF.sub(r"\1", rest))))
    rest = _SAID_AS.sub(" ", _A_NOT_A.sub(r" \1", rest))
    for words in CUES.values():
        for word in words:
            if has(rest, word):
                rest = rest.replace(word, " ")
    pieces: list[str] = []
    for word in rest.replace("-", " ").replace("?", " ").replace("？", " ").split():
        pieces.extend(_latin_words(word))
        pieces.extend(_han_pairs(word))
    return pieces


def _latin_words(word: str) -> Iterator[str]:
    for latin in _LATIN.findall(word):
        latin = _POSSESSIVE.sub("", latin.strip("'."))  # deepseek-reasoner's: the reasoner
        if hours := _HOURS.fullmatch(latin):  # "24h" is 24 hours, as the sources write it
            yield from (hours[1], "hours")
        elif (len(latin) >= 2 or latin.isdigit()) and latin not in STOP:
            yield latin


_POSSESSIVE = re.compile(r"'s$")
# A number of hours written short: 24h, 24hr, 48hrs.
_HOURS = re.compile(r"(\d+)h(?:rs?)?")


def _han_pairs(word: str) -> Iterator[str]:
    """Pairs of Chinese characters, function characters left out; a word of the alike groups
    that pairs would break (英伟达, 编码器: 编 is a function character) whole."""
    word = _CALLED_BY.sub(r"被\1", word)
    for whole in _whole_words():
        if whole in word:
            yield whole
            word = word.replace(whole, " ")
    word = _verb_joined(word)
    han = "".join(
        ch if ch.isalnum() and not ch.isascii() and ch not in STOP_HAN else " " for ch in word
    )
    for run in han.split():
        if len(run) >= 2 and any(_is_word_char(ch) for ch in run):
            yield from (run[i : i + 2] for i in range(len(run) - 1))
        elif run in _SINGLE:  # 钱 of 要钱吗: a word of one character, between function words
            yield run


# A word asked as itself and its negation (贵不贵, 开不开源): the word, asked yes or no, a word
# of its own (创新贵不贵: 创新, 贵).
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])\s*[不没]\s*\1")
# What a page shows or writes, rather than what else (显示 685B 而不是 671B): how the values the
# question gives are set side by side (as "says" is a function word in English), not what is asked.
_SAID_AS = re.compile(r"而不是|而非|显示|写着|标着")
# Called so by someone (被人叫做, 被媒体称为): what it is called, whoever calls it.
_CALLED_BY = re.compile(r"被[\u4e00-\u9fff]{1,2}?(叫做|叫作|称为|称作)")


def _verb_joined(word: str) -> str:
    """A verb of two characters with 过 or 了 between them, each alone among function words
    (融过资吗, 毕过业), as the word it is: 融资, 毕业."""
    said = [not ch.isascii() and ch.isalnum() and ch not in STOP_HAN for ch in word]
    dropped = {
        at
        for at in range(1, len(word) - 1)
        if word[at] in "过了"
        and said[at - 1]
        and said[at + 1]
        and not (at > 1 and said[at - 2])
        and not (at + 2 < len(word) and said[at + 2])
    }
    return "".join(ch for at, ch in enumerate(word) if at not in dropped)


# The words of one character that say something on their own.
_SINGLE = frozenset("钱贵")


@cache
def _whole_words() -> tuple[str, ...]:
    """The Chinese words of the alike groups that pairs of characters would not keep whole:
    three characters or more (a word of two with a function character, 出生, stays unread:
    reading it whole was tried, and answered "born in the 1980s" for a date of birth)."""
    return tuple(w for w in han_words() if len(w) > 2)


_LATIN = re.compile(r"[a-z0-9][a-z0-9.']*")


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _number_in(number: str, said: str) -> bool:
    """A number as a whole token: day 3 is not in "3FS", "2023" nor "3.66"."""
    start = said.find(number)
    while start != -1:
        before = said[max(start - 2, 0) : start]
        after = said[start + len(number) : start + len(number) + 2]
        decimal = (after[:1] == "." and after[1:].isdigit()) or (
            before[-1:] == "." and before[:1].isdigit()
        )
        if not (before[-1:].isalnum() or after[:1].isalnum() or decimal):
            return True
        start = said.find(number, start + 1)
    return False


# Pairs of Chinese characters that say nothing an answer must account for.
_SOFT_WORDS = (
    "训练 练出 模型 语言 言模 公司 完整 一共 总共 使用 需要 大概 正式 版本 官方 目前 现在 主要 具体"
    # what the English stop words say: actually, really, work, run, process
    " 真正 实际 到底 究竟 干活 处理 应该"
    # the first of its line (初代 Coder is DeepSeek Coder, the name says which), an old version
    " 初代 老版"
    # "那部分参数": the part of a whole the field asked is
    " 部分"
    # "这件事", "VL2 家族里": the thing asked about, named again
    " 件事 家族 族里"
    # "自己的产品": the asker's own; "最看重什么": what matters, asked of what they said
    " 自己 看重"
    # "我想拿它的输出": the asker and what they want to do, as "we", "I want" in English
    " 我们 咱们 你们 我想 想拿 想用 想问 想知 知道"
    # "ds 内部", "他们那边": inside the thing asked about, at theirs
    " 内部 那边"
    # "2024 年底调用 API": when in the year, and calling what is asked of
    " 年底 年初 年中 调用"
    # "专门给 Hopper 做的": made for it, specially or not
    " 专门"
    # "janus pro 1b 里面那个语言模型": the part asked about is inside the thing, as "inside"
    " 里面"
    # "加了个什么东西", "动了的地方是什么": what, as "what thing", "what place"
    " 东西 地方"
)
_SOFT_HAN = frozenset(_SOFT_WORDS.split())
# Of those, the ones that name what is spoken of (training, a model, the company), which a
# passage speaking of it says as much as any other word.
_NAMING = frozenset(
    ["训练", "练出", "模型", "语言", "言模", "公司", "版本", "家族", "族里", "件事"]
)
# Of those, the ones that qualify what is asked (in all, officially, roughly), taken out whole.
_FILLER_WORDS = (
    "一共 总共 完整 大概 大约 全程 正式 官方 目前 现在 主要 具体 真正 实际 到底 究竟 前前后后 前后 一般 "
    "年底 年初 年中 调用 文章 需要 整体"
)
_FILLERS = _FILLER_WORDS.split()


def _latin_said(word: str, said: str) -> bool:
    """A number as a whole number, a word by its stem or a word that stands for it."""
    return _number_in(word, said) if word.isdigit() else _said_alike(word, said)


def _said_alike(word: str, said: str) -> bool:
    """A Latin word, or one that stands for it, by its stem's first five letters."""
    return any(stem(a)[:5] in said for a in alike(word))


def covered(
    pieces: Sequence[str], texts: Sequence[str], names: Sequence[str] = (), strict: bool = False
) -> bool:
    """Whether what a candidate says (its label, its value) accounts for the leftover words: every
    Latin word (its stem, by its first five letters: burning ~ burned) and half the pairs of
    Chinese characters, with every pair holding a numeral (`_han_said`) and every pair of a name
    of another thing the question names (闭源 in "梁文锋对闭源是什么态度" is what he is asked
    about, not a word to pass over)."""
    if not pieces:
        return True
    said = " ".join(normalize(t) for t in texts)
    if _name_left_out(pieces, said, names):
        return False
    if not all(_latin_said(p, said) for p in pieces if p.isascii()):
        return False
    return _han_said([p for p in pieces if not p.isascii() and p not in _SOFT_HAN], said, strict)


def _han_said(han: list[str], said: str, strict: bool) -> bool:
    """Whether the text says half the pairs of Chinese characters (all when `strict`), and
    every pair holding a numeral, which says which one: 萤火三号 is no 萤火二号."""
    missed = [p for p in han if not any(a in said for a in alike(p))]
    if any(_NUMERALS & set(p) for p in missed):
        return False
    return not missed if strict else len(missed) <= 1 or len(missed) * 2 <= len(han)


# Chinese numerals, which a pair of characters is never passed over for.
_NUMERALS = frozenset("一二两三四五六七八九十")


def _name_left_out(pieces: Sequence[str], said: str, names: Sequence[str]) -> bool:
    """Whether a pair of Chinese characters of another thing's name is not said."""
    return any(p in name and p not in said for p in pieces if not p.isascii() for name in names)
