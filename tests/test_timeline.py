"""`dskb timeline` (queries/history.py, render/history.py): dates, types by their shown names,
the chart."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepseek_kb.errors import ExitCode

from .conftest import run, stdout_at


@pytest.mark.parametrize("typed", ["open-source", "open source", "Open-Source", "开源发布"])
def test_timeline_type_by_its_shown_name(typed: str) -> None:
    """--type takes the name a row shows, in either language, as well as the id."""
    by_id = run("timeline", "--type", "software-release", "--json").stdout
    assert json.loads(by_id)
    assert run("timeline", "--type", typed, "--json").stdout == by_id


def test_timeline_type_badge_is_never_split_at_80() -> None:
    """At 80 columns `open source` stays on one line."""
    lines = stdout_at(80, "timeline", "--lang", "en").splitlines()
    for above, below in itertools.pairwise(lines):
        assert not (above.endswith("open") and below.strip().startswith("source")), above


def test_timeline_chart_axis_fits_the_events_shown() -> None:
    """--since 2025: the axis starts at 2025, and titles are not cut short at 100 columns."""
    out = stdout_at(100, "timeline", "--chart", "--since", "2025", "--lang", "en")
    assert "2012" not in out and "2024" not in out and "2025" in out
    assert "DeepSeek-R1 paper published in Nature" in out


FEW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))


@FEW
@given(digits=st.text(alphabet=st.characters(categories=["Nd"]), min_size=4, max_size=4))
def test_since_takes_only_ascii_digits(digits: str) -> None:
    """Any four digits that are not all ASCII (or year 0) are a usage error, never a mismatch."""
    result = run("timeline", "--since", digits)
    if digits.isascii() and int(digits) > 0:
        assert result.code in (ExitCode.OK, ExitCode.NOT_FOUND)
    else:
        assert result.code == ExitCode.USAGE and "date" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--since", "2024-13"], ExitCode.USAGE),
        (["--since", "2024-02-30"], ExitCode.USAGE),
        (["--since", "2024-00"], ExitCode.USAGE),
        (["--since", "2025", "--until", "2024"], ExitCode.USAGE),
        (["--since", "2024-5", "--until", "2024-5"], ExitCode.OK),
    ],
)
def test_timeline_dates_are_real_ordered_and_may_omit_a_zero(args: list[str], code: int) -> None:
    """Impossible or reversed ranges exit 2; the article's own 2024-5 means 2024-05."""
    result = run("timeline", *args, "--json")
    assert result.code == code, result.stderr
    if code == ExitCode.OK:
        dates = [e["date"] for e in json.loads(result.stdout)]
        assert dates and all(d.startswith("2024-05") or d == "2024" for d in dates), dates
