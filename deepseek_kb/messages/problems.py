"""The catalogue's messages about the data's problems (`errors.Problem`, exit 3): what the loader,
the schema and `dskb validate` find wrong in a data file, in both languages, by id.

PyYAML's and pydantic's own words (a parser's "mapping values are not allowed here") are filled
in as they are; a pydantic error kind with no words here is told in pydantic's English with a
Chinese lead-in (`problem.pydantic`).
"""

from __future__ import annotations

from deepseek_kb.messages.text import Text

PROBLEMS: dict[str, Text] = {
    # How a problem is located: "data/quotes.yaml:6, record 'q-one', field topic: …".
    "problem.record": Text("record '{record}'", "记录 '{record}'"),
    "problem.field": Text("field {field}", "字段 {field}"),
    "problem.sep": Text(", ", "，"),
    "problem.told": Text("{where}: {what}", "{where}：{what}"),
    # A list of names: "model, person or topic", "模型、人物或主题".
    "problem.list_sep": Text(", ", "、"),
    "problem.list_or": Text("{first} or {last}", "{first}或{last}"),
    # What stands in a data folder where a data file should (`data.not_a_file`).
    "file_kind.folder": Text("a folder", "文件夹"),
    "file_kind.named_pipe": Text("a named pipe", "命名管道"),
    "file_kind.character_device": Text("a character device", "字符设备"),
    "file_kind.block_device": Text("a block device", "块设备"),
    "file_kind.socket": Text("a socket", "套接字"),
    "file_kind.other": Text("not a file", "不是文件"),
    # A data file as a whole (loader/files.py, loader/records.py).
    "problem.stray": Text(
        "not a known data file; expected one of: {expected}",
        "不是已知的数据文件；应为以下之一：{expected}",
    ),
    "problem.too_big": Text(
        "file is {size:.1f} MiB, over the {limit} MiB limit of one data file; split it into "
        "several files in a folder named after it",
        "文件有 {size:.1f} MiB，超过了单个数据文件 {limit} MiB 的上限；请把它拆成几个文件，"
        "放进以它命名的文件夹",
    ),
    "problem.bom": Text(
        "file starts with a byte-order mark; save it as UTF-8 without BOM",
        "文件以字节顺序标记（BOM）开头；请另存为不带 BOM 的 UTF-8",
    ),
    "problem.binary": Text(
        "binary content (a NUL byte), not YAML text", "二进制内容（含 NUL 字节），不是 YAML 文本"
    ),
    "problem.not_utf8": Text(
        "byte 0x{byte:02x} is not UTF-8; save the file as UTF-8",
        "字节 0x{byte:02x} 不是 UTF-8；请把文件另存为 UTF-8",
    ),
    "problem.empty": Text(
        "file is empty; a file with no records holds an empty list: []",
        "文件是空的；没有记录的文件应写一个空列表：[]",
    ),
    "problem.yaml_tag": Text(
        "YAML tag {tag} is not allowed; data files hold plain values only",
        "不允许使用 YAML 标签 {tag}；数据文件里只能有普通的值",
    ),
    "problem.yaml_anchor": Text(
        "YAML anchors and aliases (&name, *name) are not allowed; write the value out",
        "不允许使用 YAML 锚点和别名（&name、*name）；请把值完整写出",
    ),
    "problem.yaml_error": Text("YAML error: {what}", "YAML 错误：{what}"),
    "problem.yaml_syntax": Text(
        "YAML syntax error: {what}{context}; check the indentation",
        "YAML 语法错误：{what}{context}；请检查缩进",
    ),
    "problem.yaml_context": Text(" ({context})", "（{context}）"),
    "problem.yaml_invalid": Text("invalid YAML", "YAML 无效"),
    "problem.mapping_file": Text(
        "file holds a mapping, not a list of records; start each record with '- '",
        "文件是一个映射，不是记录的列表；每条记录请以 '- ' 开头",
    ),
    "problem.single_value": Text(
        "file holds a single value, not a list of records", "文件只有一个值，不是记录的列表"
    ),
    "problem.merge_key": Text(
        "YAML merge keys (<<) are not allowed; write the keys out",
        "不允许使用 YAML 合并键（<<）；请把键逐个写出",
    ),
    "problem.key_twice": Text(
        "key '{key}' is given twice (first at line {first}); keep one",
        "键 '{key}' 出现了两次（第一次在第 {first} 行）；只保留一个",
    ),
    # One record (loader/records.py).
    "problem.not_a_record": Text(
        "item {number} is not a record (a 'key: value' mapping)",
        "第 {number} 项不是记录（应为 'key: value' 形式的映射）",
    ),
    "problem.value_unreadable": Text(
        "a value cannot be read: {error}", "有一个值无法读取：{error}"
    ),
    "problem.duplicate_in_file": Text(
        "duplicate id, first used at line {first} of this file",
        "id 重复，本文件第 {first} 行已用过",
    ),
    "problem.duplicate_id": Text(
        "duplicate id, already used at {where}", "id 重复，已在 {where} 用过"
    ),
    "problem.overlay_kind": Text(
        "overlay record is a {kind} but replaces a {previous} ({where})",
        "覆盖层中的记录类型是 {kind}，却替换了类型为 {previous} 的记录（{where}）",
    ),
    # A reference to another record (loader/references.py).
    "problem.not_an_id": Text(
        "'{target}' is not the id of any {kinds}{close}",
        "'{target}' 不是任何{kinds_zh}的 id{close_zh}",
    ),
    "problem.did_you_mean": Text("; did you mean {names}?", "；是不是 {names_zh}？"),
    "problem.wrong_kind": Text(
        "'{target}' is a {kind}, but this field takes a {kinds}",
        "'{target}' 是{kind_zh}，但这个字段只接受{kinds_zh}",
    ),
    # A value without a status (`dskb validate`, queries/maintenance.py).
    "problem.no_status": Text(
        "a value has no status: cite a source, or state `status: derived`",
        "有一个值没有状态：请引用来源，或写明 `status: derived`",
    ),
    # Pydantic's validation errors (loader/explain.py).
    "problem.more": Text("… and {more:,} more problems", "……另有 {more:,} 个问题"),
    "problem.expected": Text("expected {want}, got {got}", "应为{want_zh}，实为{got_zh}"),
    "problem.want.text": Text("a text", "文字"),
    "problem.want.number": Text("a number", "数字"),
    "problem.want.whole_number": Text("a whole number", "整数"),
    "problem.want.bool": Text("true or false", " true 或 false"),
    "problem.want.list": Text("a list", "列表"),
    "problem.want.mapping": Text("a mapping (key: value)", "映射（key: value）"),
    "problem.got.nothing": Text("nothing", "空值"),
    "problem.got.bool": Text("{value}", " {value}"),
    "problem.got.number": Text("the number {value}", "数字 {value}"),
    "problem.got.text": Text("the text '{value}'", "文字 '{value}'"),
    "problem.got.list": Text("a list", "列表"),
    "problem.got.mapping": Text("a mapping", "映射"),
    "problem.got.other": Text("{value}", " {value}"),
    "problem.unknown_key": Text("unknown key '{key}'", "未知的键 '{key}'"),
    "problem.unknown_key_close": Text(
        "unknown key '{key}'; did you mean '{close}'?", "未知的键 '{key}'；是不是 '{close}'？"
    ),
    "problem.missing": Text("required key is missing", "缺少必需的键"),
    "problem.bad_id": Text(
        "'{value}' is not a valid id: use lower-case letters, digits, '-' and '.'",
        "'{value}' 不是有效的 id：只能用小写字母、数字、'-' 和 '.'",
    ),
    "problem.bad_date": Text(
        "'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
        "'{value}' 不是日期：请写成 YYYY、YYYY-MM 或 YYYY-MM-DD",
    ),
    "problem.bad_form": Text(
        "'{value}' does not have the expected form", "'{value}' 的格式不符合要求"
    ),
    "problem.not_one_of": Text(
        "'{value}' is not one of: {expected}", "'{value}' 不是可选值之一：{expected}"
    ),
    "problem.no_sources": Text(
        "every record cites at least one source", "每条记录至少要引用一个来源"
    ),
    "problem.too_short": Text("must list at least one item", "至少要列出一项"),
    "problem.empty_text": Text(
        "must not be empty (both zh and en are required)", "不能为空（zh 和 en 都必须有）"
    ),
    "problem.pydantic": Text("{msg}", "数据不符合要求（pydantic 原文）：{msg}"),
    # The schema's own checks (schema/values.py), raised as `errors.BadValue`.
    "value.control": Text(
        "holds the control character U+{code:04X} at position {position}; data text may hold "
        "tabs and newlines only",
        "第 {position} 个字符是控制字符 U+{code:04X}；数据文字中只能有制表符和换行",
    ),
    "value.not_a_real_date": Text("{value} is not a real date", "{value} 不是真实存在的日期"),
    "value.derived_note": Text(
        "a derived value names its inputs in its note", "推算出的值要在 note 中写明依据的数据"
    ),
    "value.bool_not_number": Text("expected a number, got true/false", "应为数字，实为 true/false"),
    "value.superseded_date": Text(
        "superseded value {value!r} is not a date: a date is corrected by a date",
        "被更正的值 {value!r} 不是日期：日期只能由日期更正",
    ),
    "value.superseded_text": Text(
        "a superseded text is a text {{zh, en}}: a text is corrected by a text",
        "被更正的文字应为 {{zh, en}} 形式的文字：文字只能由文字更正",
    ),
}

# The YAML parser's own words (libyaml's, as PyYAML passes them on) in Chinese, by their English
# text, the only key they have; a problem not listed here is told in the parser's English.
YAML_WORDS: dict[str, str] = {
    "did not find expected ',' or ']'": "找不到应有的 ',' 或 ']'",
    "did not find expected ',' or '}'": "找不到应有的 ',' 或 '}'",
    "did not find expected '-' indicator": "找不到应有的 '-' 标记",
    "did not find expected key": "找不到应有的键",
    "could not find expected ':'": "找不到应有的 ':'",
    "mapping values are not allowed in this context": "此处不能有映射的值（多了一个 ':'？）",
    "found a tab character that violates indentation": "缩进中出现了制表符",
    "found unexpected end of stream": "文件意外结束",
    "found character that cannot start any token": "遇到了不能作为开头的字符",
    "found unknown escape character": "遇到了未知的转义字符",
    "while parsing a flow sequence": "解析 [...] 列表时",
    "while parsing a flow mapping": "解析 {...} 映射时",
    "while parsing a block collection": "解析列表时",
    "while parsing a block mapping": "解析映射时",
    "while scanning a plain scalar": "读取值时",
    "while scanning a quoted scalar": "读取带引号的值时",
    "while parsing a quoted scalar": "解析带引号的值时",
    "while scanning a simple key": "读取键时",
    "while scanning for the next token": "读取下一个记号时",
}
