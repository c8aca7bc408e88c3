"""Click's own words in Chinese: its usage errors ("No such option", "Missing argument") and
the words of a help page that Click and Typer write themselves ("Usage:", "default: …"), by
their English text, which is the key Click and Typer look their messages up by (gettext);
`commands/usage.py` routes that lookup here while a run parses its arguments.
"""

from __future__ import annotations

from deepseek_kb.messages import Text, in_lang

# Click's usage errors by their English text (Click's gettext message ids), for `--lang zh`.
# Click fills in the `{…}` fields itself, so each translation keeps the same ones.
CLICK: dict[str, str] = {
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Did you mean {possibility}?": "是不是 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是其中之一：{possibilities}？）",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "Invalid value: {message}": "无效的值：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是 {choices} 之一。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数值（{number_type}）。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    # The words of a help page that Click and Typer write themselves.
    "Usage:": "用法:",  # a colon as Click's own headings have it (选项:)
    "Show this message and exit.": "显示本帮助并退出。",
    "default: {default}": "默认: {default}",
    "required": "必需",
    "env var: {var}": "环境变量: {var}",
}

# Click's messages that frame another (the "Error:" label, the "Try … for help." line), and the
# words of a help page: with `--lang both` they stay English, as the help does
# (`commands.groups`), around a message given in both languages.
CLICK_FRAMES = frozenset(
    {
        "Error: {message}",
        "Try '{command} {option}' for help.",
        "Usage:",
        "Show this message and exit.",
        "default: {default}",
        "required",
        "env var: {var}",
    }
)


def click_text(msgid: str, lang: str) -> str:
    """One of Click's messages (its English text) for a reader of `lang`; as it is if the
    catalogue does not know it."""
    zh = CLICK.get(msgid)
    if zh is None or lang == "en" or (lang == "both" and msgid in CLICK_FRAMES):
        return msgid
    return in_lang(Text(msgid, zh), lang)
