"""render/layout.py: where lines break, the same pieces whichever pattern cuts them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deepseek_kb.render import layout

# Pieces of text: Latin, digits, the citation marks (L345, p.12), every kind of space, marks
# views draw (†°), curly quotes, and Chinese, kana and their punctuation on either side of U+3040.
_TOKENS = [
    *"aLp.19 \u00a0\t\n“”‘’†°§[]（「『《〈，。、；：！？）」』》〉…一中文ぁアー",
    *"\u3040\u30ff\u3400\u9fff\uf900\ufaff\u303f\ufb00",
    " L345",
    " p.12",
    "v3-readme",
    " L",
    " p.",
    "671B",
]
_TEXT = st.lists(st.sampled_from(_TOKENS), max_size=16).map("".join)


def _cut(text: str) -> list[str]:
    return [m.group() for m in layout._segments().finditer(text)]


@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_text_is_cut_into_the_same_pieces_with_or_without_chinese(text: str) -> None:
    """Text without Chinese or kana is cut by a pattern that compiles in a fraction of the
    time; the pieces are the ones the full pattern cuts."""
    assert [m.group() for m in layout._pieces(text)] == _cut(text)


def test_latin_text_is_wrapped_without_compiling_the_chinese_pattern() -> None:
    """Quotes, hits and tables in English (curly quotes, status marks, no-break spaces) never
    pay for the Chinese ranges: a few milliseconds of every lookup."""
    layout._segments.cache_clear()
    text = "“It changed within a single generation.” — Liang Wenfeng · 2024-05-06† · v3-readme L345"
    assert layout.wrap_offsets(text, 30) == [28, 59]
    assert layout.widest_piece(text) == len("v3-readme L345")
    assert layout._segments.cache_info().currsize == 0
    assert layout.wrap_offsets("梁文锋说：“创新”。", 6)  # Chinese: the full pattern
    assert layout._segments.cache_info().currsize == 1
