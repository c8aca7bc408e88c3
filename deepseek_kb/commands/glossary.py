"""`dskb explain`: what a term means (MLA, MoE, GRPO …), cited; alone, the whole glossary."""

from functools import partial
from typing import Annotated

import typer

from deepseek_kb.commands.common import (
    FormatOpt,
    JsonOpt,
    LangOpt,
    TierOpt,
    app,
    complete_from,
    session,
    told_nothing,
)
from deepseek_kb.queries.common import names_for, one
from deepseek_kb.queries.glossary import terms_in_order
from deepseek_kb.render import glossary as views
from deepseek_kb.render.output import Output


@app.command(
    epilog="Examples: dskb explain MLA · dskb explain 多头潜在注意力 --lang zh · dskb explain"
)
def explain(
    ctx: typer.Context,
    term: Annotated[
        str | None,
        typer.Argument(
            help="A term or its abbreviation: MLA, MoE, MTP, GRPO, FP8, DualPipe, 蒸馏. "
            "Leave out to list the glossary.",
            autocompletion=complete_from("term"),
        ),
    ] = None,
    tier: TierOpt = None,
    json: JsonOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """What a technical term means, from DeepSeek's papers and READMEs, with the models that
    introduced and use it; with no term, the whole glossary."""
    run = session(ctx, lang, json, one=term is not None, fmt=fmt)
    if term is None:
        terms = terms_in_order(run.index, tier)
        nothing = told_nothing(tier, "noun.terms")
        run.emit(Output(terms, partial(views.glossary, terms), nothing))
        return
    found = one(run.index, term, "term", tier)
    names = names_for(run.index, [found])
    run.emit(Output(found, partial(views.term_detail, found, names)))
