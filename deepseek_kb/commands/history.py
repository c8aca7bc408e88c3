"""`dskb timeline`: the company and model history in date order."""

from functools import partial
from typing import Annotated

import typer

from deepseek_kb.commands.common import (
    FormatOpt,
    JsonOpt,
    LangOpt,
    TierOpt,
    app,
    session,
    value_option,
)
from deepseek_kb.errors import NotFoundError
from deepseek_kb.queries.history import timeline as find_events
from deepseek_kb.render import charts
from deepseek_kb.render import history as views
from deepseek_kb.render.output import Output


@app.command(
    epilog="Examples: dskb timeline · dskb timeline --since 2024 --type model-release · dskb timeline --about V3 --lang en"
)
def timeline(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        value_option("--since", "YYYY, YYYY-MM or YYYY-MM-DD: from this date on."),
    ] = None,
    until: Annotated[str | None, value_option("--until", "Up to this date (inclusive).")] = None,
    event_type: Annotated[
        str | None,
        value_option(
            "--type",
            "Only events of this type, by its id or the name shown "
            "(model-release, open-source, 开源发布, founding, …).",
            "event-type",
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
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Company and model history in date order, grouped by year."""
    run = session(ctx, lang, json, fmt=fmt)
    event_type = views.event_type_named(event_type) if event_type is not None else None
    events = find_events(run.index, since, until, event_type, about, tier)
    if chart:
        view = partial(charts.timeline_chart, events)
    else:
        view = partial(views.timeline, events, details=details)
    run.emit(Output(events, view, NotFoundError.of("nothing.events")))
