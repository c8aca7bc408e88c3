"""`dskb timeline`: the company and model history in date order."""

from __future__ import annotations

from typing import Annotated

import typer

from deepseek_kb import queries, render
from deepseek_kb.commands.common import (
    JsonOpt,
    LangOpt,
    app,
    not_found,
    open_kb,
    set_lang,
    value_option,
)


@app.command(
    epilog="Examples: dskb timeline · dskb timeline --since 2024 --type model-release · dskb timeline --about V3 --lang en"
)
def timeline(
    since: Annotated[
        str | None,
        value_option("--since", "From this date on: YYYY, YYYY-MM or YYYY-MM-DD."),
    ] = None,
    until: Annotated[str | None, value_option("--until", "Up to this date (inclusive).")] = None,
    event_type: Annotated[
        str | None,
        value_option(
            "--type", "Only events of this type (model-release, founding, …).", "event-type"
        ),
    ] = None,
    about: Annotated[
        str | None,
        value_option("--about", "Only events about this model, person or organisation.", "entity"),
    ] = None,
    details: Annotated[
        bool, typer.Option("--details", "-d", help="Show each event's description too.")
    ] = False,
    chart: Annotated[bool, typer.Option("--chart", help="Draw the events on a time axis.")] = False,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Company and model history in date order, grouped by year."""
    set_lang(lang)
    index = open_kb()
    events = queries.timeline(index, since, until, event_type, about)
    if not events:
        not_found(json, "no events match", "widen --since/--until, or drop --type/--about")
    if json:
        render.write_json(events)
    elif chart:
        render.timeline_chart(events)
    else:
        render.timeline(events, details)
