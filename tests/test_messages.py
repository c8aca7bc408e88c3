"""The message catalogue: every message in both languages, used by id, and Click's usage errors
and the progress stages worded through it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import click
import pytest

from deepseek_kb.messages import MESSAGES, say
from deepseek_kb.messages.click import CLICK
from deepseek_kb.messages.words import WORDS
from deepseek_kb.progress import Stage
from tests.conftest import run

PACKAGE = Path(__file__).parent.parent / "deepseek_kb"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_in_both_languages_with_its_fields() -> None:
    """No message lacks its Chinese or English, and the Chinese fills in no field the English
    lacks (`x_zh` stands for `x`; Chinese has no plural, so it may leave one out)."""
    for key, text in {**MESSAGES, **WORDS}.items():
        assert text.en.strip() and text.zh.strip(), key
        zh = {name.removesuffix("_zh") for name in _fields(text.zh)}
        assert zh <= _fields(text.en), key


def test_every_click_message_is_one_click_says_with_its_fields() -> None:
    """Each translated Click message is a message id Click's (or Typer's) own source uses (an
    upgrade that rewords one shows here), and the translation keeps its fields."""
    import typer.core

    source = "".join(
        (Path(click.__file__).parent / f"{name}.py").read_text(encoding="utf-8")
        for name in ("core", "decorators", "exceptions", "formatting", "parser", "types")
    ) + Path(typer.core.__file__).read_text(encoding="utf-8")
    for msgid, zh in CLICK.items():
        assert msgid in source, msgid
        assert _fields(zh) == _fields(msgid), msgid


def test_every_progress_stage_has_its_words() -> None:
    """A stage is an id: each has a message, so none can fall back to another language."""
    for stage in Stage:
        assert stage.value in MESSAGES
        assert say(stage, "zh") != say(stage, "en")


def _choices(args: list[ast.expr]) -> list[ast.expr]:
    """The arguments, an `a if c else b` standing for both."""
    out: list[ast.expr] = []
    for arg in args:
        out.extend(_choices([arg.body, arg.orelse]) if isinstance(arg, ast.IfExp) else [arg])
    return out


def _ids_used() -> list[tuple[str, str]]:
    """The message ids the package passes to the catalogue, as literal strings, and where."""
    used = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in (
                "of",
                "say",
                "texts",
                "checked_query",
                "word",
                "pair_of",
                "said",
                "_said",
                "_word",
                "_words",
            ):
                for arg in _choices(node.args):
                    if isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                        arg = arg.values[0]  # f"company.{section}": every id of that prefix
                    value = arg.value if isinstance(arg, ast.Constant) else None
                    if isinstance(value, str) and "." in value and " " not in value:
                        used.append((value, f"{path.name}:{node.lineno}"))
    return used


def test_every_message_id_the_code_names_is_in_the_catalogue() -> None:
    """A misspelt id fails here, not in front of a user."""
    used = _ids_used()
    assert len(used) > 30
    known = [*MESSAGES, *WORDS]
    missing = [
        (key, where)
        for key, where in used
        if key not in known and not (key.endswith(".") and any(k.startswith(key) for k in known))
    ]
    assert not missing


def test_every_word_of_the_views_is_said_somewhere() -> None:
    """The views' words (messages/words.py) hold no entry that no view says any more."""
    used = {key for key, _ in _ids_used()}
    prefixes = tuple(key for key in used if key.endswith("."))
    assert sorted(k for k in set(WORDS) - used if not k.startswith(prefixes)) == []
    assert not set(WORDS) & set(MESSAGES)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--lang", "zh", "search", "--bogus", "x"], "错误：没有选项 '--bogus'。"),
        (["search", "--lang=zh"], "错误：缺少参数 'QUERY'"),
        (["--lang", "zh", "serch"], "没有命令 'serch'。 是不是 'search'？"),
        (["quote", "--limit", "abc", "x", "--lang", "zh"], "'--limit' / '-n' 的值无效"),
        (["--lang", "zh", "--color", "sometimes", "info"], "不是 'auto', 'always', 'never' 之一"),
    ],
)
def test_usage_errors_are_in_chinese_under_lang_zh(args: list[str], said: str) -> None:
    """Click's own usage errors follow --lang zh, wherever --lang stands, with exit code 2."""
    result = run(*args)
    assert result.code == 2
    assert said in result.stderr
    assert "Error:" not in result.stderr and "查看帮助" in result.stderr


def test_usage_errors_follow_dskb_lang_and_stay_english_otherwise() -> None:
    """Without --lang, DSKB_LANG decides; in English nothing changes, and Click is left as it was."""
    assert "没有选项 '--bogus'" in run("search", "--bogus", "x", env={"DSKB_LANG": "zh"}).stderr
    english = run("search", "--bogus", "x")
    assert "Error: No such option '--bogus'." in english.stderr
    assert "No such option" in click.NoSuchOption("--x").message  # restored after the run


def test_both_languages_keep_clicks_frame_around_a_message_in_both() -> None:
    """--lang both: the message in both languages inside Click's English frame."""
    result = run("--lang", "both", "search", "--bogus", "x")
    assert "Error: 没有选项 '--bogus'。 / No such option '--bogus'." in result.stderr


def test_a_dskb_error_is_worded_from_the_catalogue() -> None:
    """An error raised by id reads in the reader's language, its hint too."""
    zh = run("--lang", "zh", "timeline", "--since", "2024-13")
    assert zh.code == 2
    assert "错误：--since '2024-13' 不是真实存在的日期" in zh.stderr
    en = run("timeline", "--since", "soon")
    assert "error: --since 'soon' is not a date" in en.stderr
    assert "hint: write YYYY, YYYY-MM or YYYY-MM-DD" in en.stderr


def _help_texts() -> set[str]:
    """Every help text of the app as `dskb --help` prints it (its English, spaces made one):
    command summaries and paragraphs, options' and arguments' help."""
    import inspect

    import typer.main

    from deepseek_kb.cli import app

    texts: set[str] = set()

    def walk(command: click.Command) -> None:
        helped = inspect.cleandoc(command.help or "").partition("\f")[0]
        texts.update(" ".join(p.split()) for p in helped.split("\n\n") if p.strip())
        helps = (getattr(p, "help", None) for p in command.params)
        texts.update(" ".join(h.split()) for h in helps if h)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return texts


def test_every_help_text_has_its_chinese_and_no_chinese_is_left_over() -> None:
    """A new command or option without its Chinese help fails here; so does a stale entry."""
    from deepseek_kb.commands.groups import SECTIONS
    from deepseek_kb.messages.help import HELP

    texts = _help_texts()
    headings = {"Arguments", "Options", "Commands", "Examples", *(t for t, _ in SECTIONS)}
    assert len(texts) > 60
    assert sorted((texts | headings) - set(HELP)) == []
    # Typer's completion options read "specified shell" while a shell is named or completed.
    unused = set(HELP) - texts - headings
    assert all("specified shell" in key for key in unused), unused


def test_help_is_in_chinese_under_lang_zh_and_english_by_default() -> None:
    """dskb --lang zh --help: Chinese headings, summaries and options; English otherwise."""
    zh = run("--lang", "zh", "--help", env={"COLUMNS": "100"})
    assert zh.code == 0
    for said in ("用法: dskb", "选项:", "记录:", "数据与工具:", "示例:", "显示本帮助并退出。"):
        assert said in zh.stdout, said
    assert "DeepSeek 的模型：列表、并排对比" in zh.stdout
    assert "Usage:" not in zh.stdout and "Options:" not in zh.stdout
    assert "Show this message" not in zh.stdout
    models = run("--lang", "zh", "models", "--help", env={"COLUMNS": "100"}).stdout
    assert "命令:" in models and "列出模型，或并排对比它们的规格。" in models
    show = run("models", "show", "--help", "--lang", "zh", env={"COLUMNS": "100"}).stdout
    assert "参数:" in show and "[必需]" in show
    english = run("--help", env={"COLUMNS": "100", "DSKB_LANG": "en"}).stdout
    assert "Usage: dskb" in english and "Options:" in english and "Records:" in english
    assert "用法" not in english and "显示版本" not in english


# Where Chinese may be written in the code, and why; everywhere else, the words people read
# are the catalogue's (messages/) or the registry's (kinds.py), by id.
CHINESE_MAY_STAND = {
    "messages/": "the catalogue itself",
    "kinds.py": "the registry: the words of each kind, source kind, field, spec, event type, status",
    "values.py": "values as Chinese writes them (万, 亿, 约, units) and the article's headings (data)",
    "analysis/text.py": "words search reads in a query (stop words, question words), never says",
    "render/terminal.py": "a probe of whether the terminal can print Chinese",
    "search/": "the lead's, being changed: its display words are still to move",
    "asking/": "the words a question asks for a field with (search reads them)",
}
_HAN = re.compile(r"[\u3400-\u9fff]")
_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def _chinese_literals(source: str) -> list[tuple[int, str]]:
    """The string literals of a module that are Chinese words (not a docstring, nor an English
    text quoting a Chinese example: help, examples, a description), with their lines."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        text = node.value
        english = _ENGLISH_WORD.findall(text)
        quoting = len(english) >= 4 and sum(map(len, english)) > len(_HAN.findall(text))
        if _HAN.search(text) and id(node) not in docstrings and not quoting:
            found.append((node.lineno, text))
    return found


def test_the_chinese_finder_finds_words_and_passes_english_with_examples() -> None:
    """The finder below: a label pair or an f-string's Chinese is found; help quoting 创新 is not."""
    source = '''
"""A docstring: 创新."""
label(lang, "人物", "People")
said = f"被 {count} 条记录引用："
help = "Words to look for (中文 or English); none lists every quote by topic."
epilog = "Examples: dskb quote 创新 · dskb quote moat --lang both"
'''
    assert [text for _, text in _chinese_literals(source)] == ["人物", "被 ", " 条记录引用："]


def test_no_module_outside_the_catalogue_and_the_registry_writes_chinese() -> None:
    """A view, command, query or export that grows a Chinese literal fails here: its words go in
    the catalogue (messages/) by id, a kind's or a field's in the registry (kinds.py)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where.startswith(tuple(CHINESE_MAY_STAND)):
            continue
        for line, text in _chinese_literals(path.read_text(encoding="utf-8")):
            found.append(f"{where}:{line}: {text!r}")
    assert found == []


def test_errors_once_written_inline_are_worded_from_the_catalogue() -> None:
    """An unknown data file's schema: the catalogue's message and hint, in Chinese under zh."""
    zh = run("--lang", "zh", "schema", "nosuch")
    assert zh.code == 2
    assert "错误：没有叫 'nosuch' 的数据文件" in zh.stderr and "提示：可选：" in zh.stderr
    en = run("schema", "nosuch")
    assert "error: no data file called 'nosuch'" in en.stderr and "one of: " in en.stderr
