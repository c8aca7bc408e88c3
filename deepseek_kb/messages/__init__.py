"""The message catalogue: what dskb tells a person (errors, hints, "nothing found", progress
stages) in both languages, keyed by id. Click's own words (usage errors, a help page's) are
`messages.click`; the help in Chinese is `messages.help`, imported only to print help.

The layers below the terminal raise errors and report progress by id (`DskbError.of`,
`progress.Stage`); their words in both languages are looked up here. A message with a hint
keeps it under its own id plus `.hint`.
"""

from __future__ import annotations

from deepseek_kb.messages.files import FILES
from deepseek_kb.messages.problems import PROBLEMS
from deepseek_kb.messages.text import Text

__all__ = ["MESSAGES", "Text", "in_lang", "say", "texts"]


MESSAGES: dict[str, Text] = {
    # How the terminal labels what it prints on stderr.
    "label.error": Text("error: ", "错误："),
    "label.hint": Text("hint: ", "提示："),
    "label.note": Text("note: ", "说明："),
    "label.did_you_mean": Text("; did you mean: {names}?", "；是不是：{names}？"),
    # The stages long work reports (progress.Stage), as the progress bar names them.
    "stage.reading": Text("reading the data", "读取数据"),
    "stage.indexing": Text("indexing for search", "建立搜索索引"),
    "stage.pinyin": Text("pinyin readings", "生成拼音读音"),
    "stage.collecting": Text("collecting records", "汇集记录"),
    "stage.writing": Text("writing the export", "写出导出文件"),
    # The edge: signals and output that cannot be written.
    "run.interrupted": Text("interrupted", "已中断"),
    "run.terminated": Text("terminated", "已终止"),
    "run.cannot_write": Text("cannot write the output: {reason}", "无法写出输出：{reason}"),
    "run.pager_failed": Text(
        "cannot run the pager {command!r} ({reason}); printing instead",
        "无法运行分页程序 {command!r}（{reason}）；直接输出",
    ),
    # Data and usage.
    "data.problems": Text("the data has {count} {noun}", "数据有 {count} 个问题"),
    "data.problems.hint": Text(
        "fix the files named above, then run `dskb validate` to check them",
        "修改上面列出的文件，再用 `dskb validate` 检查",
    ),
    "data.unreadable": Text(
        "cannot read data file {name}: {reason}", "无法读取数据文件 {name}：{reason}"
    ),
    "data.not_a_file": Text(
        "data file {name} is not a regular file ({kind})", "数据文件 {name} 不是普通文件（{kind}）"
    ),
    "data.not_a_file.hint": Text(
        "a data folder holds YAML files and folders of them only",
        "数据文件夹里只能有 YAML 文件和放 YAML 文件的文件夹",
    ),
    "usage.two_formats": Text(
        "--json and --format {fmt} ask for two formats", "--json 与 --format {fmt} 要求了两种格式"
    ),
    "usage.two_formats.hint": Text("give one", "只给一个"),
    "usage.not_a_command": Text("{words!r} is not a command", "没有命令 {words!r}"),
    "usage.not_a_command.hint": Text("`dskb help` lists the commands", "`dskb help` 列出所有命令"),
    "usage.mcp_missing": Text(
        "dskb mcp needs the MCP Python SDK, which is not installed",
        "dskb mcp 需要 MCP Python SDK，但它没有安装",
    ),
    "usage.mcp_missing.hint": Text("pip install 'dskb[mcp]'", "pip install 'dskb[mcp]'"),
    "usage.claim_twice": Text(
        "give the claim once: as TEXT or with --claim", "请只给一次要核对的说法：TEXT 或 --claim"
    ),
    "usage.claim_twice.hint": Text(
        "dskb verify 'V3 cost $6M to train'", "dskb verify 'V3 cost $6M to train'"
    ),
    "usage.claim_missing": Text("give a claim to verify", "请给出要核对的说法"),
    "usage.claim_missing.hint": Text(
        "dskb verify 'V3 cost $6M to train'", "dskb verify 'V3 cost $6M to train'"
    ),
    "usage.cite_both": Text(
        "give a QUERY or --all, not both", "请给出 QUERY 或 --all，不要两个都给"
    ),
    "usage.cite_both.hint": Text(
        "dskb cite deepseek-v3 · dskb cite --all --format bibtex > refs.bib",
        "dskb cite deepseek-v3 · dskb cite --all --format bibtex > refs.bib",
    ),
    "usage.cite_none": Text("give a QUERY to cite, or --all", "请给出要引用的 QUERY，或用 --all"),
    "usage.cite_none.hint": Text(
        "dskb cite deepseek-v3 · dskb cite --all --format bibtex > refs.bib",
        "dskb cite deepseek-v3 · dskb cite --all --format bibtex > refs.bib",
    ),
    "usage.empty": Text("the {what} is empty", "{what_zh}是空的"),
    "usage.too_long": Text(
        "the {what} is {length:,} characters long; dskb reads at most {most:,}",
        "{what_zh}有 {length:,} 个字符；dskb 最多读 {most:,} 个",
    ),
    "usage.too_long.hint": Text(
        "give the key words, a name or a number", "请给出关键词、名字或数字"
    ),
    "usage.not_a_date": Text("{option} {value!r} is not a date", "{option} {value!r} 不是日期"),
    "usage.not_a_date.hint": Text(
        "write YYYY, YYYY-MM or YYYY-MM-DD", "请写成 YYYY、YYYY-MM 或 YYYY-MM-DD"
    ),
    "usage.not_a_real_date": Text(
        "{option} {value!r} is not a real date", "{option} {value!r} 不是真实存在的日期"
    ),
    "usage.since_after_until": Text(
        "--since {since} is after --until {until}", "--since {since} 晚于 --until {until}"
    ),
    "usage.since_after_until.hint": Text(
        "swap them, or drop one of them", "交换两者，或去掉其中一个"
    ),
    "usage.not_an_event_type": Text(
        "--type {value!r} is not an event type", "--type {value!r} 不是事件类型"
    ),
    "usage.not_a_record_type": Text(
        "--type {value!r} is not a record type", "--type {value!r} 不是记录类型"
    ),
    "usage.needs_output": Text(
        "--format {fmt} writes a folder or a database and needs --output",
        "--format {fmt} 写出的是文件夹或数据库，需要 --output",
    ),
    "usage.needs_output.hint": Text(
        "csv and yaml write a folder (-o kb-csv/), sqlite a database (-o kb.db)",
        "csv 和 yaml 写出文件夹（-o kb-csv/），sqlite 写出数据库（-o kb.db）",
    ),
    "usage.events_for_timelinejs": Text(
        "--since, --until and --type select events for --format timelinejs",
        "--since、--until 和 --type 只用于 --format timelinejs，选出其中的事件",
    ),
    "usage.events_for_timelinejs.hint": Text(
        "dskb export -f timelinejs --since 2024 -o timeline.json",
        "dskb export -f timelinejs --since 2024 -o timeline.json",
    ),
    "usage.one_of": Text("one of: {choices}", "可选：{choices}"),
    # What was typed, as an error names it, and what to give when it is empty.
    "noun.query": Text("query", "查询"),
    "noun.name": Text("name", "名字"),
    "noun.kind_name": Text("{kind} name", "{kind_zh}名字"),
    "noun.record": Text("record", "记录"),
    "noun.record_id": Text("record id", "记录 id"),
    "noun.source_id": Text("source id", "来源 id"),
    "noun.field": Text("field", "字段"),
    "noun.claim": Text("claim", "说法"),
    # What a listing holds, and what --from leaves nothing of (`shown.of`, `nothing.told`).
    "noun.quotes": Text("quotes", "引语"),
    "noun.hits": Text("hits", "结果"),
    "noun.people": Text("people", "人物"),
    "noun.the_company": Text("the company", "公司记录"),
    "noun.sources": Text("sources", "来源"),
    "noun.terms": Text("terms", "术语"),
    "noun.projects": Text("projects", "项目"),
    "noun.models": Text("models", "模型"),
    # Who a tier (--from) is, in a message: "the article … says nothing about …".
    "teller.article": Text("the article (and the pages it cites) says", "文章（及其引用的网页）"),
    "teller.official": Text("DeepSeek's own files say", "DeepSeek 的官方文件"),
    "give.record_id": Text("give a record id; search gives them", "请给出记录 id；搜索会给出"),
    "give.source_id": Text(
        "give a source id; `dskb sources` lists them", "请给出来源 id；`dskb sources` 列出全部"
    ),
    "give.field": Text("give a field, e.g. training_cost", "请给出字段，例如 training_cost"),
    "give.claim": Text(
        "give a quote or a claim, in quotes", "请给出一句引语或一个说法，放在引号里"
    ),
    "give.record_or_question": Text(
        "give a record id, a name or a question", "请给出记录 id、名字或一个问题"
    ),
    "give.record_or_name": Text("give a record id or a name", "请给出记录 id 或名字"),
    "give.words": Text("give some words", "请给出一些词"),
    "give.words_or_none": Text(
        "give some words, or none to list all quotes", "请给出一些词，或不给词以列出全部引语"
    ),
    "give.words_name_number": Text(
        "give some words, a name or a number", "请给出一些词、名字或数字"
    ),
    "give.name": Text("give a {kind}'s name", "请给出{kind_zh}的名字"),
    "give.entity": Text(
        "give a model's, person's or organisation's name", "请给出模型、人物或机构的名字"
    ),
    # Nothing found.
    "nothing.events": Text("no events match", "没有符合条件的事件"),
    "nothing.events.hint": Text(
        "widen --since/--until, or drop --type/--about",
        "放宽 --since/--until，或去掉 --type/--about",
    ),
    "nothing.quotes": Text("no quote matches", "没有符合条件的引语"),
    "nothing.quotes_for": Text("no quote matches {query}", "没有与 {query} 匹配的引语"),
    "nothing.quotes.hint": Text(
        "try a shorter query, or drop --speaker/--topic",
        "换个说法、用另一种语言，或去掉 --speaker/--topic",
    ),
    "nothing.search": Text("nothing matches {query}", "没有与 {query} 匹配的记录"),
    "nothing.fewer_words": Text(
        "try fewer words, or the key name or number alone", "少用几个词，或只给关键的名字或数字"
    ),
    "nothing.other_spelling": Text(
        "try a shorter query, another spelling, or the other language (中文 / English)",
        "换个短一些的说法、别的写法，或另一种语言（中文 / English）",
    ),
    "nothing.fewer_words.quotes": Text(
        "try fewer words, or the key name or number alone; `dskb quote` alone lists every "
        "quote by topic",
        "少用几个词，或只给关键的名字或数字；只用 `dskb quote` 可按主题列出全部引语",
    ),
    "nothing.other_spelling.quotes": Text(
        "try a shorter query, another spelling, or the other language (中文 / English); "
        "`dskb quote` alone lists every quote by topic",
        "换个短一些的说法、别的写法，或另一种语言（中文 / English）；只用 `dskb quote` "
        "可按主题列出全部引语",
    ),
    "nothing.told": Text("{teller} nothing of {what}", "{teller_zh}没有提到任何{what_zh}"),
    "nothing.told_about": Text("{teller} nothing about {id}", "{teller_zh}没有提到 {id}"),
    "nothing.told.hint": Text(
        "leave out --from to see everything the knowledge base holds",
        "去掉 --from 可看到知识库的全部内容",
    ),
    "nothing.called": Text("no {what} called {name!r}", "没有叫 {name!r} 的{what_zh}"),
    "nothing.called.hint": Text("`dskb {command}` lists them all", "`dskb {command}` 列出全部"),
    "nothing.entity": Text(
        "nothing called {name!r} among models, people and organisations",
        "模型、人物和机构中都没有叫 {name!r} 的",
    ),
    "nothing.entity.hint": Text(
        "`dskb models`, `dskb people` and `dskb company` list the names",
        "`dskb models`、`dskb people` 和 `dskb company` 列出所有名字",
    ),
    "nothing.not_covered": Text(
        "the official files read hold no record of {name!r}: {text}",
        "所读官方文件对 {name!r} 没有记录：{text_zh}",
    ),
    "nothing.not_covered.hint": Text(
        "`dskb cite {id}` shows what was read; `dskb sources official-2025`",
        "`dskb cite {id}` 列出读过的文件；`dskb sources official-2025`",
    ),
    "nothing.source": Text("no source called {name!r}", "没有叫 {name!r} 的来源"),
    "nothing.source.hint": Text("`dskb sources` lists them all", "`dskb sources` 列出全部来源"),
    "nothing.field": Text(
        "{name} has no field {field!r} with sources", "{name_zh} 没有带来源的字段 {field!r}"
    ),
    "nothing.field.hint": Text(
        "a spec name such as total_params, training_cost, context_length",
        "规格名，例如 total_params、training_cost、context_length",
    ),
    "nothing.not_one": Text("{query!r} does not name one record", "{query!r} 没有指向唯一一条记录"),
    "nothing.not_one.hint": Text(
        "give a record id (`dskb search` shows them), more words, or a question",
        "请给出记录 id（`dskb search` 会显示）、更多的词，或一个问题",
    ),
    "nothing.data_file": Text("no data file called {name!r}", "没有叫 {name!r} 的数据文件"),
    "nothing.record_id": Text("no record has the id {id!r}", "没有 id 为 {id!r} 的记录"),
    "nothing.record_id.hint": Text("search gives the ids", "搜索会给出 id"),
    # A citation that cannot be written safely as BibTeX or RIS.
    "bibliography.control_character": Text(
        "refusing to write a citation value with a control character: {value!r}",
        "拒绝写出含控制字符的引用值：{value!r}",
    ),
    "bibliography.control_character.hint": Text(
        "fix the record's text in its data file", "请在数据文件中修改该记录的文字"
    ),
    "bibliography.unbalanced": Text(
        "refusing to write an unbalanced BibTeX value: {value!r}",
        "拒绝写出括号不配对的 BibTeX 值：{value!r}",
    ),
    "bibliography.unsafe": Text(
        "refusing to write an unsafe BibTeX value: {value!r}",
        "拒绝写出不安全的 BibTeX 值：{value!r}",
    ),
    "bibliography.bad_key": Text(
        "refusing to write a BibTeX entry with the key {key!r}",
        "拒绝写出键为 {key!r} 的 BibTeX 条目",
    ),
    # Data folders, and where a file or folder may be written (exit 4): messages/files.py.
    **FILES,
    # What is wrong with the data (errors.Problem, exit 3): messages/problems.py.
    **PROBLEMS,
    # A listing that stops short.
    # search/answered.py: an answer's other values, and a field the sources do not state
    "answer.also_stated": Text("Also stated: ", "另有记载："),
    "answer.not_stated": Text(
        "{whose} · {what}: not stated in the sources dskb has read",
        "{whose} · {what}：dskb 所读的来源中没有写明",
    ),
    "shown.of": Text(
        "showing {shown} of {total} {what}; --limit N shows more",
        "只显示了 {total} 条{what_zh}中的 {shown} 条；--limit N 可显示更多",
    ),
}


def texts(key: str, /, **fields: object) -> Text:
    """The message `key` in both languages, its fields filled in.

    A field `name_zh` fills `{name_zh}` in the Chinese; where a message wants one and the
    caller gives only `name`, `name` stands in for it. A field given as a `Text` (words said
    in both languages) is its English in the English and its Chinese in the Chinese."""
    text = MESSAGES.get(key) or _words()[key]
    if not any(isinstance(value, Text) for value in fields.values()):
        return Text(text.en.format(**fields), text.zh.format_map(_Fallback(fields)))
    en = {name: value.en if isinstance(value, Text) else value for name, value in fields.items()}
    zh = {name: value.zh if isinstance(value, Text) else value for name, value in fields.items()}
    return Text(text.en.format(**en), text.zh.format_map(_Fallback(zh)))


def _words() -> dict[str, Text]:
    """The words the views print (`messages.words`), loaded when a view first says one."""
    from deepseek_kb.messages.words import WORDS

    return WORDS


def say(key: str, lang: str, /, **fields: object) -> str:
    """The message `key` as a reader of `lang` (zh, en, both) reads it."""
    return in_lang(texts(key, **fields), lang)


def in_lang(text: Text, lang: str) -> str:
    """One message for a reader of `lang`: Chinese, English, or both ("中文 / English")."""
    if lang == "zh":
        return text.zh
    if lang == "both" and text.zh != text.en:
        return f"{text.zh} / {text.en}"
    return text.en


class _Fallback(dict[str, object]):
    """Fields for a Chinese message: `{what_zh}` falls back to `{what}` when not given."""

    def __missing__(self, key: str) -> object:
        if key.endswith("_zh"):
            return self[key.removesuffix("_zh")]
        raise KeyError(key)
