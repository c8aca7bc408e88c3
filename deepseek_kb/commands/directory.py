"""`dskb people`, `dskb company`, `dskb sources`: who, what and where from."""

from __future__ import annotations

from typing import Annotated

import typer

from deepseek_kb import queries, render
from deepseek_kb.commands.common import (
    JsonOpt,
    LangOpt,
    app,
    complete_from,
    open_kb,
    set_lang,
)


@app.command(epilog="Examples: dskb people · dskb people 梁文锋 · dskb people karpathy --json")
def people(
    name: Annotated[
        str | None,
        typer.Argument(
            help="One person (name, alias or id); none lists everyone.",
            autocompletion=complete_from("person"),
            show_default=False,
        ),
    ] = None,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """The people the article names: the founder, researchers, commentators."""
    set_lang(lang)
    index = open_kb()
    if name is None:
        listing = index.records("person")
        if json:
            render.write_json(listing)
        else:
            render.people_table(listing, queries.quote_counts(index))
        return
    person = queries.one_person(index, name)
    if json:
        render.write_json(person)
        return
    said = [q for q in index.records("quote") if q["speaker"] == person["id"]]
    render.person_detail(
        person, queries.names_for(index, [person], said), said, index.mentions(person["id"])
    )


@app.command(epilog="Examples: dskb company · dskb company --lang zh · dskb company --json")
def company(json: JsonOpt = False, lang: LangOpt = None) -> None:
    """High-Flyer and DeepSeek: founding, compute, people, money and culture."""
    set_lang(lang)
    index = open_kb()
    sections = queries.company(index)
    if json:
        render.write_json({key: [r for _, r in rows] for key, _, rows in sections})
    else:
        render.company([(zh, en, rows) for _, (zh, en), rows in sections])


@app.command(epilog="Examples: dskb sources · dskb sources --paths · dskb sources --json")
def sources(
    paths: Annotated[
        bool, typer.Option("--paths", help="Show the data folders and files in use instead.")
    ] = False,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Where the facts come from: the article, its links, DeepSeek's official files."""
    set_lang(lang)
    index = open_kb()
    if paths:
        rows = queries.data_files(index)
        if json:
            render.write_json(
                [{"layer": layer, "file": path, "records": n} for layer, path, n in rows]
            )
        else:
            render.paths_table(rows)
        return
    listing = index.records("source")
    if json:
        render.write_json(listing)
    else:
        render.sources_table(listing)
