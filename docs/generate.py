"""Regenerate what the README shows from the code itself: one command, `python docs/generate.py`.

- the command reference, from each command's `--help`, between the README's
  `<!-- reference:start -->` and `<!-- reference:end -->` markers;
- the screenshots in docs/img/*.svg, rendered by Rich from the real commands.

`python docs/generate.py --check` changes nothing and exits 1 if the README is stale (the test
suite runs the same check).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
IMAGES = ROOT / "docs" / "img"
START, END = "<!-- reference:start -->", "<!-- reference:end -->"
SCREENSHOTS = {
    "compare.svg": ["models", "--compare"],
    "quote.svg": ["quote", "护城河", "--lang", "both"],
    "timeline-chart.svg": ["timeline", "--chart"],
    "compare-chart.svg": ["models", "--compare", "--chart"],
}


def _plain_env() -> dict[str, str]:
    return {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "DSKB_LANG": "en", "LANG": "C.UTF-8"}


def command_paths() -> list[list[str]]:
    """Every command and subcommand, in the order the app registers them."""
    import typer.main

    from deepseek_kb.cli import app

    group = typer.main.get_command(app)
    paths: list[list[str]] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        paths.append([name])
        for sub in getattr(command, "commands", {}):
            paths.append([name, sub])
    return paths


def reference() -> str:
    """The README's command reference: each command's help, as printed."""
    from typer.testing import CliRunner

    from deepseek_kb.cli import app

    blocks = []
    for path in command_paths():
        result = CliRunner().invoke(app, [*path, "--help"], env=_plain_env())
        text = "\n".join(line.rstrip() for line in result.stdout.strip().splitlines())
        blocks.append(f"### `dskb {' '.join(path)}`\n\n```\n{text}\n```\n")
    return "\n".join(blocks)


def updated_readme() -> str:
    """README.md with a freshly generated reference section."""
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"README.md lacks the {START} … {END} markers")
    return pattern.sub(lambda _: f"{START}\n\n{reference()}\n{END}", text)


def screenshots() -> None:
    """Render each screenshot command into an SVG with a recording Rich console."""
    from unittest import mock

    from rich.console import Console
    from typer.testing import CliRunner

    from deepseek_kb.cli import app
    from deepseek_kb.render.terminal import Terminal

    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, args in SCREENSHOTS.items():
        # A height too: with TERM=dumb and no height, Rich reports an 80×25 terminal.
        console = Console(
            record=True, width=120, height=60, force_terminal=True, color_system="truecolor"
        )
        with mock.patch.object(Terminal, "console", console):
            CliRunner().invoke(app, args, env={"DSKB_LANG": "en", "COLUMNS": "120"})
        svg = console.export_svg(title=f"dskb {' '.join(args)}")
        (IMAGES / name).write_text(_wide_text_fixed(svg), encoding="utf-8")


def _wide_text_fixed(svg: str) -> str:
    """Rich sizes each SVG text span by its characters, not its cells, so a Chinese line is
    squeezed into half its width and drawn over itself: stretch each span to its cells."""
    import html

    from rich.cells import cell_len

    def fixed(match: re.Match[str]) -> str:
        length, content = float(match.group(2)), match.group(4)
        text = html.unescape(content)
        if not text or cell_len(text) == len(text):
            return match.group(0)
        cell = length / len(text)
        return f"{match.group(1)}{cell * cell_len(text):g}{match.group(3)}{content}</text>"

    return re.sub(r'(<text[^>]*textLength=")([\d.]+)("[^>]*>)([^<]*)</text>', fixed, svg)


def main() -> None:
    """Write the README reference and the screenshots, or check the README with --check."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if README.md is stale")
    args = parser.parse_args()
    os.environ.update(_plain_env())
    fresh = updated_readme()
    if args.check:
        if fresh != README.read_text(encoding="utf-8"):
            sys.exit("README.md command reference is stale: run `python docs/generate.py`")
        return
    README.write_text(fresh, encoding="utf-8")
    screenshots()
    print(f"wrote {README.name} and {len(SCREENSHOTS)} screenshots in {IMAGES}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
