"""One flat schema per kind: the same columns for every record, dates pandas parses, named prices."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from deepseek_kb.kinds import BY_NAME, QUANTITY_SPECS, SPECS
from deepseek_kb.render.flat import table
from deepseek_kb.render.flat_schema import CASES, FIELDS, NESTED, SIZED_SPECS

from .conftest import run

# What every record of the export has beyond its data file's fields (told.py adds them).
TOLD = {"provenance", "status"}


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict[str, Any]]]:
    """The whole KB as the JSON export gives it."""
    exported: dict[str, list[dict[str, Any]]] = json.loads(run("export").stdout)
    return exported


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CSV export, once."""
    out = tmp_path_factory.mktemp("csv") / "kb"
    assert run("export", "--format", "csv", "-o", str(out)).code == 0
    return out


def test_the_flat_schema_names_every_field_of_every_kind() -> None:
    """FIELDS lists each pydantic model's fields (nested detail aside), nothing else."""
    from deepseek_kb.schema import RECORD_TYPES

    for kind, model in RECORD_TYPES.items():
        fields = set(model.model_fields) - {"sources"} - NESTED
        named = {name for name, _ in FIELDS[kind]} - TOLD
        assert named == fields - TOLD, kind


@pytest.mark.parametrize("kind", list(FIELDS))
def test_every_record_of_a_kind_has_the_same_columns(data: dict[str, Any], kind: str) -> None:
    """Each record alone gives exactly the columns of its whole table, in every language."""
    for lang in ("both", "en", "zh"):
        whole = table(data[kind], lang, ("id",), kind).columns
        for record in data[kind]:
            assert table([record], lang, ("id",), kind).columns == whole, (kind, record["id"])


def test_csv_files_have_one_header_and_text_columns_in_pairs(folder: Path) -> None:
    """Each kind's file: every row as long as its header; every _zh column has its _en."""
    for kind in FIELDS:
        rows = list(csv.reader((folder / f"{BY_NAME[kind].stem}.csv").open(encoding="utf-8")))
        header = rows[0]
        assert all(len(row) == len(header) for row in rows[1:]), kind
        pairs = {c.removesuffix("_zh") for c in header if c.endswith("_zh")}
        assert pairs == {c.removesuffix("_en") for c in header if c.endswith("_en")}, kind
        assert not [c for c in header if f"{c}_zh" in header], kind  # never both forms


def test_pandas_parses_every_date_column(folder: Path) -> None:
    """Every column with a _precision beside it parses as dates, none lost (NaT only if empty)."""
    pd = pytest.importorskip("pandas")
    checked = 0
    for path in folder.glob("*.csv"):
        header = pd.read_csv(path, nrows=0).columns
        dates = [c for c in header if f"{c}_precision" in header]
        frame = pd.read_csv(
            path, parse_dates=dates, dtype={c: str for c in header if c not in dates}
        )
        raw = pd.read_csv(path, dtype=str)
        for column in dates:
            assert str(frame[column].dtype).startswith("datetime64"), (path.name, column)
            assert frame[column].isna().sum() == raw[column].isna().sum(), (path.name, column)
            assert set(raw[column + "_precision"].dropna()) <= {"day", "month", "year"}
            checked += 1
    assert checked >= 8


def test_a_month_is_written_as_its_first_day_with_its_precision(data: dict[str, Any]) -> None:
    """An event dated 2023-05 reads 2023-05-01 and month; a day stays itself and says day."""
    rows = table(data["event"], "en", ("id",), "event")
    at = {c: i for i, c in enumerate(rows.columns)}
    for event, row in zip(data["event"], rows.rows, strict=True):
        date = event["date"]
        assert row[at["date"]] == date + "-01-01"[len(date) - 4 :]
        assert row[at["date_precision"]] == {4: "year", 7: "month", 10: "day"}[len(date)]


def test_quantity_specs_are_declared_as_the_data_holds_them(data: dict[str, Any]) -> None:
    """A spec is a quantity in every model or in none; several values only where sizes or named
    cases have their columns."""
    for model in data["model"]:
        for field, spec in model["specs"].items():
            values = spec["value"] if isinstance(spec["value"], list) else [spec["value"]]
            quantity = all(isinstance(v, dict) and "unit" in v for v in values)
            assert quantity == (field in QUANTITY_SPECS), (model["id"], field)
            if len(values) > 1:
                cased = all(v.get("case") in CASES.get(field, ()) for v in values)
                assert field in SIZED_SPECS or cased, (model["id"], field)
    assert {s.field for s in SPECS} >= QUANTITY_SPECS


def test_r1_prices_have_named_columns(folder: Path) -> None:
    """R1's input price on a cache hit and a cache miss, and its output price, each a number."""
    models = {r["id"]: r for r in csv.DictReader((folder / "models.csv").open(encoding="utf-8"))}
    r1 = models["deepseek-r1"]
    assert (r1["api_price_input_cache_hit"], r1["api_price_input_cache_miss"]) == ("0.14", "0.55")
    assert r1["api_price_output"] == "2.19" and r1["api_price_input_unit"] == "USD per M tokens"
    assert models["deepseek-coder"]["total_params_sizes"] == "1; 5.7; 6.7; 33"


def test_licences_and_other_texts_have_both_languages_for_every_model(folder: Path) -> None:
    """license_model_zh/_en exist for every model; a plain name fills both."""
    models = list(csv.DictReader((folder / "models.csv").open(encoding="utf-8")))
    assert "license_model" not in models[0] and "attention" not in models[0]
    named = [m for m in models if m["license_model_en"]]
    assert named and all(m["license_model_zh"] for m in named)


def test_quotes_name_their_speaker_and_keep_the_id(folder: Path) -> None:
    """quotes.csv: the speaker's id and name in both languages."""
    quotes = list(csv.DictReader((folder / "quotes.csv").open(encoding="utf-8")))
    moat = next(q for q in quotes if q["speaker_id"] == "liang-wenfeng")
    assert moat["speaker_en"] == "Liang Wenfeng" and moat["speaker_zh"] == "梁文锋"


def test_a_search_hit_keeps_its_kind_apart_from_an_event_type() -> None:
    """record_kind says event; type stays the event's own type (publication, model-release …)."""
    rows = list(csv.DictReader(io.StringIO(run("search", "V3", "-f", "csv", "-n", "50").stdout)))
    events = [r for r in rows if r["record_kind"] == "event"]
    assert events and all(r["type"] and r["type"] != "event" for r in events)
    assert {r["record_kind"] for r in rows} >= {"model", "event"}


def test_listings_take_a_bom_for_excel(capsys: pytest.CaptureFixture[str]) -> None:
    """Settings with bom: a listing's CSV starts with a byte-order mark; without it, none."""
    from deepseek_kb.render.output import Output, OutputFormat, emit
    from deepseek_kb.render.terminal import Terminal
    from deepseek_kb.settings import Settings

    rows = [{"id": "a", "name": {"zh": "甲", "en": "A"}, "aliases": [], "sources": []}]
    for bom in (False, True):
        emit(Terminal(Settings(bom=bom)), Output(rows, lambda lang, width: []), OutputFormat.csv)
        text = capsys.readouterr().out
        assert text.startswith("\ufeffid,") == bom and "name" in text


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_csv_listing_starts_with_a_byte_order_mark_when_asked(where: str) -> None:
    """`dskb --bom timeline -f csv` and `dskb timeline -f csv --bom`: Excel reads the UTF-8."""
    args = ["timeline", "-f", "csv"]
    args = ["--bom", *args] if where == "before" else [*args, "--bom"]
    marked = run(*args)
    assert marked.code == 0 and marked.stdout.startswith("\ufeffid,")
    plain = run("timeline", "-f", "csv")
    assert plain.code == 0 and plain.stdout.startswith("id,")
