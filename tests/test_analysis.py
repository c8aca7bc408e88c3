"""analysis/: the index build's fast cuts give what the plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from deepseek_kb.analysis.fields import NAME, RELATED, analyse, prepare
from deepseek_kb.analysis.text import normalize, split_tokens

_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Han at the edges of each block, Latin words, numbers with units, hyphens, spaces.
_ALPHABET = "创新深度求索一\u3400\u4dbf\u9fff\uf900\ufaffab-z 9.%-ＡéX"


def _pieces(norm: str) -> list[str]:
    """The definition: every Han run's overlapping two-character pieces, a lone character as
    itself, in order."""
    return [
        run[i : i + 2] if len(run) > 1 else run
        for run in _HAN_RUN.findall(norm)
        for i in range(max(1, len(run) - 1))
    ]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=30))
def test_han_pieces_are_the_overlapping_pairs_of_every_run(text: str) -> None:
    norm = normalize(text)
    assert split_tokens(norm)[1] == _pieces(norm)


def test_pieces_of_runs_of_every_length() -> None:
    assert split_tokens("创")[1] == ["创"]
    assert split_tokens("创新 a 深度求索 b 一")[1] == ["创新", "深度", "度求", "求索", "一"]
    assert split_tokens("hard-core 671b")[0] == ["hard", "core", "671b", "671", "hardcore"]


def test_known_names_prepare_as_if_read_afresh() -> None:
    """A name analysed once for the whole build gives each record the same fields and tokens."""
    fields = [
        ("name.zh", "深度求索", NAME),
        ("speaker", "Liang Wenfeng 梁文锋", RELATED),
        ("text", "V3 发布 hard-core 93.3%", RELATED),
    ]
    known = {text: analyse(text) for _, text, _ in fields[:2]}
    assert prepare(fields, known) == prepare(fields)
