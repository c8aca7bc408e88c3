"""`dskb models`: the list, the side-by-side comparison, one model in full."""

from functools import partial
from typing import TYPE_CHECKING, Annotated, cast

import typer

from deepseek_kb.commands.common import (
    FormatOpt,
    JsonOpt,
    LangOpt,
    TierOpt,
    complete_from,
    models_app,
    session,
    told_nothing,
)
from deepseek_kb.queries.common import one
from deepseek_kb.queries.models import introductions, models_to_show
from deepseek_kb.queries.provenance import told_found
from deepseek_kb.render import charts
from deepseek_kb.render import models as views
from deepseek_kb.render.compare import compare_table, long_table
from deepseek_kb.render.output import Output

if TYPE_CHECKING:
    from deepseek_kb.rows import ModelRow


@models_app.command(
    "list",
    epilog="Examples: dskb models · dskb models --compare · dskb models --compare V2 V3 Coder-V2",
)
def models_list(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Models to show or compare (V3, deepseek v3, Coder V2, an id).",
            show_default=False,
            autocompletion=complete_from("model"),
        ),
    ] = None,
    compare: Annotated[bool, typer.Option("--compare", help="Side-by-side spec table.")] = False,
    chart: Annotated[
        bool, typer.Option("--chart", help="Draw bars: parameters, training tokens, cost.")
    ] = False,
    all_models: Annotated[
        bool, typer.Option("--all", help="Compare every model and variant, not only the main ones.")
    ] = False,
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """List the models, or compare their specs side by side."""
    run = session(ctx, lang, json, fmt=fmt)
    main_only = compare and not names and not all_models
    models = models_to_show(run.index, names or [], main_only=main_only, tier=tier)
    if chart:
        view = partial(charts.compare_chart, models)
    elif compare and all_models and not names:
        view = partial(long_table, models)
    elif compare:
        view = partial(compare_table, models)
    else:
        view = partial(views.models_table, models, introduces=introductions(run.index))
    run.emit(Output(models, view, told_nothing(tier, "noun.models")))


@models_app.command(
    "show", epilog="Examples: dskb models show V3 · dskb models show 'deepseek coder v2' --lang zh"
)
def models_show(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="A model: V3, DeepSeek-V3, deepseek v3, Coder V2, an id.",
            autocompletion=complete_from("model"),
        ),
    ],
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Everything about one model: specs with sources, claims, errata, events and quotes."""
    run = session(ctx, lang, json, one=True, fmt=fmt)
    model = cast("ModelRow", one(run.index, name, "model", tier))
    mentions = told_found(run.index, run.index.mentions(model["id"]), tier)
    run.emit(Output(model, partial(views.model_detail, model, mentions)))
