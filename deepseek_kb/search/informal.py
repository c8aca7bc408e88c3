"""A question typed in a hurry, in the words it stands for: 啥 is 什么, "wat" is what, "hf"
Hugging Face, 词元 token; a value the question only guesses ("is it like 600-something B?") and
what it says it does not ask ("the final v3.2 (not exp)") are no words asked."""

from __future__ import annotations

import re

# How people type a word in a hurry, and the word they mean: 啥 is 什么, "wat" is what, "x = ?"
# is what x is, eli5 is explain, incl is including; "lol" and "like I'm five" ask nothing; the
# number of a paper (arxiv号多少) is which one, not how many.
_INFORMAL = {
    "词元": " token ",
    "啥": "什么",
    "号是多少": "号是什么",
    "号多少": "号是什么",
    "是个什么": "是什么",
}
_INFORMAL_LATIN = re.compile(
    r"\b(?:wat|wut|lol|lmao|haha|pls|plz|btw|tbh|eli5|incl|like (?:i'?m|i am) (?:5|five))\b\.?"
    r"|=\s*[?？]"
)
_MEANT = {"wat": "what", "wut": "what", "eli5": "explain", "incl": "including"}


def informal(norm: str) -> str:
    """The question in the words its informal spelling stands for, without the value it
    guesses ("is it like 600-something B?": the question asks it all the same)."""
    for typed, meant in _INFORMAL.items():
        norm = norm.replace(typed, meant)
    norm = _HF.sub(" hugging face ", _GUESSED.sub(" ", _guess_out(norm)))
    norm = _BILLION.sub(r"\1b", norm)
    return _INFORMAL_LATIN.sub(_meant, _NOT_THIS.sub(" ", norm))


def _guess_out(norm: str) -> str:
    """The question without the guess it ends with, yes or no, after asking what ("r1 的底座是
    哪个模型啊，直接拿 v3 训的吗", "what is r1 built on, is it v3?"): what is asked is what."""
    guess = _GUESS.search(norm)
    if guess is None or not _ASKS_WHAT.search(norm[: guess.start()]):
        return norm
    return norm[: guess.start()]


# A clause that ends a question by guessing its answer, yes or no: "…，直接拿 v3 训的吗",
# ", is it v3?".
_GUESS = re.compile(
    r"[,，;；?？]\s*(?:[^,，;；?？]*吗|(?:is|was|are|were) (?:it|they)\b[^,，;；?？]*)\s*[?？]?\s*$"
)
# A word that asks what, which, how many, who or when.
_ASKS_WHAT = re.compile(r"哪|什么|多少|几|谁|\b(?:what|which|how|who|when|where)\b")


# A value the question guesses, hedged: "600-something B", "1-point-something", "bf16 or
# something lower".
_GUESSED = re.compile(
    r"\b(?:is it\s+)?(?:like\s+)?\d[\d.,]*(?:[- ]point)?[- ]something(?:\s*[a-z]{1,2}\b)?"
    r"|\b[a-z0-9.]+\s+or something(?:\s+(?:lower|higher|smaller|bigger|larger|else|like that))?\b"
)


# A size spelt out: "the 7-billion-parameter DeepSeek LLM", "a 236 billion parameter model": 7b.
_BILLION = re.compile(r"\b(\d+(?:\.\d+)?)[- ]billion(?:[- ]param(?:eter)?s?)?\b")

# "hf" is Hugging Face, also typed against Chinese (hf上).
_HF = re.compile(r"(?<![a-z0-9])hf(?![a-z0-9])")


# "the final v3.2 (not exp)", "V3（不是 V3.1）", "the final V3.2, not the Exp one, …", "as
# opposed to its bigger sibling": what the question does not ask about (at its end, "not the
# theoretical one" is left for `negated` to read).
_NOT_THIS = re.compile(
    r"[(（]\s*(?:not\b|non\b|非|不是|而不是)[^)）]*[)）]"
    r"|,\s*not the [a-z0-9.\- ]+? (?:one|version|model)\s*(?=,)"
    r"|,?\s*\bas opposed to (?:its|the|their) [a-z0-9.\- ]+?(?=[,?]|$)"
)


def _meant(typed: re.Match[str]) -> str:
    word = typed.group().rstrip(".")
    return " what is " if word.startswith("=") else _MEANT.get(word, " ")
