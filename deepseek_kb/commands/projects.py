"""`dskb projects`: DeepSeek's open-source software, listed or one in full."""

from functools import partial
from typing import Annotated

import typer

from deepseek_kb.commands.common import (
    FormatOpt,
    JsonOpt,
    LangOpt,
    TierOpt,
    complete_from,
    projects_app,
    session,
    told_nothing,
)
from deepseek_kb.queries.common import one
from deepseek_kb.queries.projects import projects_in_order
from deepseek_kb.queries.provenance import told_found
from deepseek_kb.render import projects as views
from deepseek_kb.render.output import Output


@projects_app.command("list", epilog="Examples: dskb projects · dskb projects -f csv")
def projects_list(
    ctx: typer.Context,
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Every open-source repository: what it is, first release, licence, the models using it."""
    run = session(ctx, lang, json, fmt=fmt)
    listing = projects_in_order(run.index, tier)
    nothing = told_nothing(tier, "noun.projects")
    run.emit(Output(listing, partial(views.projects_table, listing), nothing))


@projects_app.command(
    "show", epilog="Examples: dskb projects show FlashMLA · dskb projects show 3FS --lang zh"
)
def projects_show(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="A project: FlashMLA, DeepEP, 3FS, an id.",
            autocompletion=complete_from("project"),
        ),
    ],
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """One project in full: what it is for, its release and licence, events and models."""
    run = session(ctx, lang, json, one=True, fmt=fmt)
    project = one(run.index, name, "project", tier)
    mentions = told_found(run.index, run.index.mentions(project["id"]), tier)
    run.emit(Output(project, partial(views.project_detail, project, mentions)))
