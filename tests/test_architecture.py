"""The package's shape holds: imports flow one way, modules stay small, commands only glue."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import imported, with_index

PACKAGE = Path(__file__).resolve().parent.parent / "deepseek_kb"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the package under `root` with the contracts in its pyproject.toml."""
    linter = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(linter), "--no-cache", str(root / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_imports_flow_down_the_layers() -> None:
    """The layers of docs/ARCHITECTURE.md, as import-linter contracts in pyproject.toml, hold:
    no package imports one above it and no module imports itself back through others."""
    result = _lint_imports(PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "planted", "broken"),
    [
        # the package-level cycle the analysis package removed: the index build reaching up
        ("index/build.py", "from deepseek_kb.search import rank", "deepseek_kb.search.rank"),
        # the bottom of the stack reaching the top, inside a function
        ("kinds.py", "def _late() -> None:\n    import deepseek_kb.render.terminal", "render"),
        # a cycle inside one package: score is imported by rank
        ("search/score.py", "from deepseek_kb.search import rank", ".score -> .rank"),
    ],
)
def test_the_contracts_fail_when_a_module_imports_upwards(
    tmp_path: Path, module: str, planted: str, broken: str
) -> None:
    """A copy of the package with one bad import breaks a contract, and the report names it."""
    root = tmp_path / "tree"
    shutil.copytree(PACKAGE, root / "deepseek_kb", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE.parent / "pyproject.toml", root / "pyproject.toml")
    target = root / "deepseek_kb" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{planted}\n", encoding="utf-8")
    result = _lint_imports(root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout and broken in result.stdout


def test_no_module_is_over_400_lines() -> None:
    """Each module does one job; a long one is a sign it does two."""
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, long


def test_no_function_is_over_complexity_15() -> None:
    """No function is more tangled than 15 as radon counts it (branches, loops, boolean
    operators and comprehensions): data gathering and drawing are separate steps."""
    from radon.complexity import cc_visit

    def blocks(found: list[Any]) -> Iterator[Any]:
        """Every function, method and class, and the functions nested in them."""
        for block in found:
            yield block
            yield from blocks(getattr(block, "closures", []))

    tangled = [
        f"{path.relative_to(PACKAGE)}:{block.lineno} {block.fullname} {block.complexity}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for block in blocks(cc_visit(path.read_text(encoding="utf-8")))
        if block.complexity > 15
    ]
    assert not tangled, tangled


def test_commands_do_not_branch_on_the_output_format() -> None:
    """The output format is switched in one place (render.output.emit), not in each command."""
    for path in (PACKAGE / "commands").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.If | ast.IfExp):
                names = {n.id for n in ast.walk(node.test) if isinstance(n, ast.Name)}
                assert not names & {"json", "fmt", "output_format"}, f"{path.name}:{node.lineno}"


def test_only_the_terminal_module_builds_a_console() -> None:
    """Consoles for stdout and stderr are made in render/terminal.py alone."""
    for path in PACKAGE.rglob("*.py"):
        if path.name == "terminal.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Console":
                raise AssertionError(f"{path}:{node.lineno} builds a Console")


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    """A run imports only its command's module, so the map must name every command."""
    from deepseek_kb import cli

    app = cli.load_commands()
    names = {
        c.name or getattr(c.callback, "__name__", "").replace("_", "-")
        for c in app.registered_commands
    }
    names |= {g.name for g in app.registered_groups if g.name}
    assert names == set(cli.COMMANDS)
    for word, module in cli.COMMANDS.items():
        source = (PACKAGE / "commands" / f"{module}.py").read_text(encoding="utf-8")
        assert f"def {word}(" in source or f"{word}_app" in source


@pytest.mark.slow
def test_the_lookup_path_never_imports_yaml_or_pydantic(tmp_path: Path, built_index: Path) -> None:
    """With a warm cache, lookups import neither the YAML parser nor pydantic."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    heavy = ("yaml", "pydantic", "pypinyin")
    with_index(built_index, tmp_path / "cache")
    imported(["info"], heavy, env)  # checks the copied index, as after a build
    for args in (["timeline"], ["quote", "创新"], ["models", "--compare"], ["search", "V3"]):
        assert imported(args, heavy, env) == [], args


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "module", "reads"),
    [
        (["search", "V3"], "answer", False),  # a model's name asks nothing
        (["search", "MLA"], "answer", True),  # a term's name asks its definition
        (["quote", "创新"], "question", False),  # quotes are ranked without topics
    ],
)
def test_a_name_alone_or_a_quote_is_searched_without_reading_a_question(
    tmp_path: Path, built_index: Path, args: list[str], module: str, reads: bool
) -> None:
    """`search V3` does without the answering modules and `quote 创新` without the
    question-reading ones; `search MLA` reads its question."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with_index(built_index, tmp_path / "cache")
    imported(["info"], ("deepseek_kb",), env)
    found = imported(args, ("deepseek_kb",), env)
    assert (f"deepseek_kb.search.{module}" in found) is reads, found
