"""The package's shape holds: imports flow one way, modules stay small, commands only glue."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "deepseek_kb"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every deepseek_kb module this file imports, at the top, in functions or for types."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                if submodule in modules:
                    found.add(submodule)
                elif node.module in modules:
                    found.add(node.module)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_cycle_among_the_packages_modules() -> None:
    """No module imports itself back through others, imports inside functions included."""
    modules = _modules()
    graph = {name: _imports(path, modules) - {name} for name, path in modules.items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_check_finds_a_planted_cycle() -> None:
    """The check above would fail on a real cycle (a -> b -> c -> a)."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_module_is_over_400_lines() -> None:
    """Each module does one job; a long one is a sign it does two."""
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, long


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
                assert path.name == "layout.py", f"{path}:{node.lineno} builds a Console"


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
