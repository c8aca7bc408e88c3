"""`dskb models`: the list, the side-by-side comparison, one model in full."""

from __future__ import annotations

from typing import Annotated

import typer

from deepseek_kb import queries, render
from deepseek_kb.commands.common import (
    JsonOpt,
    LangOpt,
    complete_from,
    models_app,
    open_kb,
    set_lang,
)


@models_app.command(
    "list",
    epilog="Examples: dskb models · dskb models --compare · dskb models --compare V2 V3 Coder-V2",
)
def models_list(
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
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """List the models, or compare their specs side by side."""
    set_lang(lang)
    index = open_kb()
    models = queries.pick_models(
        index, names or [], main_only=compare and not names and not all_models
    )
    if json:
        render.write_json(models)
    elif chart:
        render.compare_chart(models)
    elif compare:
        render.compare_table(models)
    else:
        render.models_table(models)


@models_app.command(
    "show", epilog="Examples: dskb models show V3 · dskb models show 'deepseek coder v2' --lang zh"
)
def models_show(
    name: Annotated[
        str,
        typer.Argument(
            help="A model: V3, DeepSeek-V3, deepseek v3, Coder V2, an id.",
            autocompletion=complete_from("model"),
        ),
    ],
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Everything about one model: specs with sources, claims, errata, events and quotes."""
    set_lang(lang)
    index = open_kb()
    model = queries.one_model(index, name)
    if json:
        render.write_json(model)
        return
    render.model_detail(model, index.mentions(model["id"]))
