"""Values (values.py, schema/values.py): quantities validation refuses and every view renders."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepseek_kb.errors import ExitCode
from deepseek_kb.values import cites

from .conftest import copied_data, run

FEW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))


_BAD_NUMBERS = st.sampled_from([".inf", "-.inf", ".nan", "1.0e+400", "1.0e+300", "4" * 4400])


def _with_v3_params(tmp: Path, number: str, count: int = -1) -> Path:
    """A copy of the bundled data whose 671B (V3's total parameters) reads `number` instead."""
    data = copied_data(tmp)
    models = data / "models.yaml"
    text = models.read_text(encoding="utf-8")
    old, new = "{value: 671, unit: B params}", f"{{value: {number}, unit: B params}}"
    models.write_text(text.replace(old, new, count), encoding="utf-8")
    return data


@pytest.mark.slow
@FEW
@given(number=_BAD_NUMBERS)
def test_numbers_rendering_cannot_show_are_refused_by_validation(number: str) -> None:
    """Infinite, NaN, enormous or 4,400-digit quantities: exit 3 at file:line, never a crash."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = _with_v3_params(Path(tmp), number, count=1)
        for command in (["validate", "--data-dir", str(data)], ["models", "--compare"]):
            result = run(*command, env={"DSKB_DATA_DIR": str(data)})
            assert result.code == ExitCode.DATA, (number, result.stderr[-300:])
            assert "models.yaml:" in result.stderr


@pytest.mark.slow
@FEW
@given(value=st.one_of(st.just(0), st.floats(0, 1e14, allow_nan=False)))
def test_any_valid_quantity_renders_in_every_view(value: float) -> None:
    """Zero and any finite value below the cap draw in the table, the chart and the detail."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = _with_v3_params(Path(tmp), repr(value))
        env = {"DSKB_DATA_DIR": str(data)}
        for command in (
            ["models", "--compare"],
            ["models", "--compare", "--chart"],
            ["models", "show", "V3"],
        ):
            result = run(*command, env=env)
            assert result.code == 0, (value, command, result.stderr[-300:])


def test_citations_of_lines_that_follow_each_other_read_as_a_range() -> None:
    """article §团队情况 L98, L99, L100, L101 is one range; the lines of one place are said
    once, in order, after its name (L5,7–8); a page or another section is another place."""
    team = [{"source": "article", "section": "团队情况", "line": n} for n in (98, 99, 100, 101)]
    assert (
        cites([*team, {"source": "zhihu-luo-fuli"}]) == "article §团队情况 L98–101, zhihu-luo-fuli"
    )
    assert cites(team, "en") == "article §About the team L98–101"
    apart = [{"source": "article", "line": n} for n in (8, 5, 7, 5)]
    assert cites([*apart, {"source": "v3-paper", "page": 5}]) == "article L5,7–8, v3-paper p.5"
    other = {"source": "article", "section": "接入", "line": 6}
    assert cites([*apart, other]) == "article L5,7–8, article §接入 L6"
    pages = [{"source": "janus-pro-paper", "page": n} for n in (6, 5, 9)]
    assert cites(pages) == "janus-pro-paper p.5–6,9"


def test_money_under_a_million_is_written_whole() -> None:
    """$87,072 a day, not $87.072K; millions keep their M."""
    from deepseek_kb.values import format_quantity

    assert format_quantity({"value": 87072, "unit": "USD"}) == "$87,072"
    assert format_quantity({"value": 5576000, "unit": "USD"}) == "$5.576M"


def test_a_price_per_million_tokens_is_written_in_cents() -> None:
    """$1.10, as the price table gives it, not $1.1; a whole price and a finer one as they are."""
    from deepseek_kb.values import format_quantity

    assert format_quantity({"value": 1.1, "unit": "USD per M tokens"}) == "$1.10 per M tokens"
    assert format_quantity({"value": 1, "unit": "CNY per M tokens"}) == "¥1 per M tokens"
    assert format_quantity({"value": 0.014, "unit": "USD per M tokens"}) == "$0.014 per M tokens"
