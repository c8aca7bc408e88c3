"""The help in Chinese: each command's and option's help text, and the headings of a help page,
by their English text (as Click looks up its own words, `messages.click.CLICK`).

The commands keep their help in English beside their options, where Click, the shell
completion and the README read it; `dskb --lang zh --help` reads each text's Chinese here
(`commands.groups`). A help text with no Chinese here fails `tests/test_messages.py`. Imported
only to print help, so a lookup never loads it.
"""

from __future__ import annotations

HELP: dict[str, str] = {
    # The headings of a help page.
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "Records": "记录",
    "Data and tools": "数据与工具",
    "Examples": "示例",
    # dskb itself, and the options every command shares.
    "dskb: DeepSeek's company and model history, offline, cited and bilingual (中文 / English).": (
        "dskb：DeepSeek（深度求索）的公司与模型历史，离线可用，注明出处，中英双语（中文 / English）。"
    ),
    "The options below go before or after the command (dskb quote 创新 --no-pager).": (
        "下面的选项放在命令之前或之后都可以（dskb quote 创新 --no-pager）。"
    ),
    "Exit codes: 0 ok · 1 nothing found · 2 usage error · 3 problems in the data · 4 file or "
    "cache error · 5 contradicted (dskb verify) · 130 interrupted (Ctrl-C) · 143 terminated "
    "(SIGTERM).": (
        "退出码：0 成功 · 1 没有找到 · 2 用法错误 · 3 数据有问题 · 4 文件或缓存错误 · "
        "5 与知识库不符（dskb verify） · 130 已中断（Ctrl-C） · 143 已终止（SIGTERM）。"
    ),
    "Print the version.": "显示版本。",
    "Colour: auto (only on a terminal, never with NO_COLOR), always, never.": (
        "颜色：auto（只在终端上，设置了 NO_COLOR 时不用）、always、never。"
    ),
    "Page long output (default: only on a terminal).": "长输出分页显示（默认：只在终端上）。",
    "Use this data folder instead of the bundled data (also DSKB_DATA_DIR).": (
        "使用这个数据文件夹，而不是自带的数据（也可用 DSKB_DATA_DIR）。"
    ),
    "With -f csv: start with a byte-order mark, for Excel.": (
        "与 -f csv 一起用：开头写入字节顺序标记（BOM），供 Excel 使用。"
    ),
    "Language of the text: zh, en or both. Default: DSKB_LANG, then the locale, else en.": (
        "文字的语言：zh、en 或 both。默认：DSKB_LANG，其次是区域设置，否则 en。"
    ),
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "显示当前 shell 的补全脚本，可复制或自行安装。"
    ),
    "Install completion for the specified shell.": "为指定的 shell 安装命令补全。",
    "Show completion for the specified shell, to copy it or customize the installation.": (
        "显示指定 shell 的补全脚本，可复制或自行安装。"
    ),
    "Only what the article says (article) or what DeepSeek's own files say (official).": (
        "只看文章的说法（article），或只看 DeepSeek 官方文件的说法（official）。"
    ),
    "Print JSON (UTF-8) on stdout instead of a table.": "在标准输出打印 JSON（UTF-8），而不是表格。",
    "table, json, jsonl (one record per line), csv or markdown (flat, one row each).": (
        "table、json、jsonl（每行一条记录）、csv 或 markdown（扁平表，每条一行）。"
    ),
    # models and projects.
    "DeepSeek's models: a list, a side-by-side comparison, or everything about one.": (
        "DeepSeek 的模型：列表、并排对比，或一个模型的全部信息。"
    ),
    "List the models, or compare their specs side by side.": "列出模型，或并排对比它们的规格。",
    "Models to show or compare (V3, deepseek v3, Coder V2, an id).": (
        "要显示或对比的模型（V3、deepseek v3、Coder V2，或 id）。"
    ),
    "Side-by-side spec table.": "并排的规格表。",
    "Draw bars: parameters, training tokens, cost.": "画条形图：参数量、训练 token 数、成本。",
    "Compare every model and variant, not only the main ones.": "对比所有模型及变体，而不只是主要模型。",
    "Everything about one model: specs with sources, claims, errata, events and quotes.": (
        "一个模型的全部信息：带来源的规格、要点、勘误、事件和引语。"
    ),
    "A model: V3, DeepSeek-V3, deepseek v3, Coder V2, an id.": (
        "一个模型：V3、DeepSeek-V3、deepseek v3、Coder V2，或 id。"
    ),
    "DeepSeek's open-source software (FlashMLA, DeepEP, 3FS …): a list, or one in full.": (
        "DeepSeek 的开源软件（FlashMLA、DeepEP、3FS 等）：列表，或一个项目的全部信息。"
    ),
    "Every open-source repository: what it is, first release, licence, the models using it.": (
        "所有开源仓库：是什么、首次发布、许可证、使用它的模型。"
    ),
    "One project in full: what it is for, its release and licence, events and models.": (
        "一个项目的全部信息：用途、发布与许可证、事件和模型。"
    ),
    "A project: FlashMLA, DeepEP, 3FS, an id.": "一个项目：FlashMLA、DeepEP、3FS，或 id。",
    # timeline.
    "Company and model history in date order, grouped by year.": "按日期排列、按年分组的公司与模型历史。",
    "YYYY, YYYY-MM or YYYY-MM-DD: from this date on.": "YYYY、YYYY-MM 或 YYYY-MM-DD：从这一天起。",
    "Up to this date (inclusive).": "截至这一天（含当天）。",
    "Only events of this type, by its id or the name shown (model-release, open-source, 开源发布, "
    "founding, …).": (
        "只看这一类事件，写 id 或显示的名称（model-release、open-source、开源发布、founding 等）。"
    ),
    "Only events about this model, person or organisation.": "只看与这个模型、人物或机构有关的事件。",
    "Show each event's description too.": "同时显示每个事件的说明。",
    "Draw the events on a time axis.": "把事件画在时间轴上。",
    # quote, search, verify.
    "Quotes ranked by how well they match, in your language (--original adds the Chinese).": (
        "按匹配程度排序的引语，用你的语言显示（--original 加上中文原文）。"
    ),
    "Words to look for (中文 or English); none lists every quote by topic.": (
        "要找的词（中文或 English）；不给则按话题列出全部引语。"
    ),
    "Only this person's words (name, alias or id).": "只看这个人说的话（名字、别名或 id）。",
    "Only quotes on this topic (创新, innovation, hiring…).": "只看这个话题的引语（创新、innovation、hiring 等）。",
    "At most N quotes.": "最多 N 条引语。",
    "Show the Chinese original under the English too.": "在英文下面同时显示中文原文。",
    "Search every record type at once, best match first; a question (V3 training cost, "
    "谁创办了深度求索, what is MLA) gets its answer, cited, above the hits.": (
        "一次搜索所有类型的记录，最匹配的在前；一个问题（V3 training cost、谁创办了深度求索、"
        "what is MLA）会在结果上方得到带出处的答案。"
    ),
    "Words, names, numbers or pinyin, in Chinese or English.": "词、名字、数字或拼音，中文或英文。",
    "Only this record type (model, person, quote, fact, event, …).": (
        "只看这一类记录（model、person、quote、fact、event 等）。"
    ),
    "At most N results.": "最多 N 条结果。",
    "Check a quote or a figure against the KB: exact, close, contradicted or not in the KB, with "
    "the stored words or value, its sources and a citation. Exit 0 exact or close, 1 not in the "
    "KB, 5 contradicted.": (
        "拿知识库核对一句引语或一个数字：原文如此、相近、不符或知识库中没有，并给出所存的原话或"
        "数值、来源和引用。退出码 0 原文如此或相近，1 知识库中没有，5 不符。"
    ),
    "A quote or a claim as it circulates, in Chinese or English.": "流传中的一句引语或一个说法，中文或英文。",
    "The claim, as an option (the same as TEXT).": "要核对的说法，以选项给出（与 TEXT 相同）。",
    # explain, people, company, sources, cite.
    "What a technical term means, from DeepSeek's papers and READMEs, with the models that "
    "introduced and use it; with no term, the whole glossary.": (
        "一个技术术语的含义，出自 DeepSeek 的论文和 README，并列出提出和使用它的模型；"
        "不给术语则列出整个术语表。"
    ),
    "A term or its abbreviation: MLA, MoE, MTP, GRPO, FP8, DualPipe, 蒸馏. Leave out to list the "
    "glossary.": ("术语或其缩写：MLA、MoE、MTP、GRPO、FP8、DualPipe、蒸馏。不给则列出术语表。"),
    "The people the article names: the founder, researchers, commentators.": (
        "文章提到的人物：创始人、研究人员、评论者。"
    ),
    "One person (name, alias or id); none lists everyone.": "一个人（名字、别名或 id）；不给则列出所有人。",
    "High-Flyer and DeepSeek: founding, compute, people, money and culture.": (
        "幻方与深度求索：成立、算力、人员、资金和文化。"
    ),
    "Where the facts come from: the article, its links, DeepSeek's official files.": (
        "事实的出处：文章、文章中的链接、DeepSeek 的官方文件。"
    ),
    "One source in full: its address, repository, commit and what cites it.": (
        "一个来源的全部信息：网址、仓库、提交，以及引用它的记录。"
    ),
    "Show the data folders and files in use instead.": "改为显示正在使用的数据文件夹和文件。",
    "A citation ready to paste: what is cited, its caveat, each source with its deep link.": (
        "可直接粘贴的引用：引用的内容、附注，以及每个来源的精确链接。"
    ),
    "A record or source id, a question (V3 training cost) or words (护城河).": (
        "记录或来源的 id、一个问题（V3 training cost）或一些词（护城河）。"
    ),
    "text (the default), markdown, bibtex, ris, csl-json or json.": (
        "text（默认）、markdown、bibtex、ris、csl-json 或 json。"
    ),
    "Only one spec or field, e.g. training_cost.": "只引用一个规格或字段，例如 training_cost。",
    "Every source: a whole bibliography, one entry each.": "所有来源：完整的参考文献表，每个来源一条。",
    # export, validate, schema, info, mcp, help.
    "Export the whole KB: JSON, Markdown, HTML, CSV, SQLite (datasette), a data folder, or the "
    "timeline for Knight Lab's TimelineJS.": (
        "导出整个知识库：JSON、Markdown、HTML、CSV、SQLite（datasette）、数据文件夹，"
        "或供 Knight Lab 的 TimelineJS 使用的时间线。"
    ),
    "json, markdown or html (a file or stdout); csv or yaml (a folder); sqlite (a file, with "
    "<name>.metadata.json for datasette); timelinejs (the events, for Knight Lab's TimelineJS).": (
        "json、markdown 或 html（文件或标准输出）；csv 或 yaml（文件夹）；sqlite（文件，另有供 "
        "datasette 使用的 <name>.metadata.json）；timelinejs（事件，供 Knight Lab 的 TimelineJS 使用）。"
    ),
    "Where to write; json, markdown and html default to stdout.": (
        "写到哪里；json、markdown 和 html 默认写到标准输出。"
    ),
    "CSV: start each file with a byte-order mark, for Excel.": (
        "CSV：每个文件开头写入字节顺序标记（BOM），供 Excel 使用。"
    ),
    "timelinejs: events from this date on.": "timelinejs：从这一天起的事件。",
    "timelinejs: events up to this date.": "timelinejs：截至这一天的事件。",
    "timelinejs: only this type of event.": "timelinejs：只要这一类事件。",
    "Check the data: syntax, types, dates, unique ids, references and sources.": (
        "检查数据：语法、类型、日期、id 唯一、引用和来源。"
    ),
    "Check this folder instead of the data in use.": "检查这个文件夹，而不是正在使用的数据。",
    "The JSON Schema of the data files, for editors and CI validators.": (
        "数据文件的 JSON Schema，供编辑器和 CI 校验使用。"
    ),
    "One data file's schema (quotes, models, …); none prints all.": (
        "一个数据文件的 schema（quotes、models 等）；不给则打印全部。"
    ),
    "Write <file>.schema.json files into this folder.": "把 <file>.schema.json 文件写入这个文件夹。",
    "Version, data folders, cache location and record counts.": "版本、数据文件夹、缓存位置和记录数。",
    "Serve dskb to AI assistants over MCP (stdio): search, answer, cite, read-only.": (
        "通过 MCP（stdio）向 AI 助手提供 dskb：搜索、回答、引用，只读。"
    ),
    "Print the configuration for claude-desktop, claude-code, vscode or cursor.": (
        "打印 claude-desktop、claude-code、vscode 或 cursor 的配置。"
    ),
    "The help of dskb, or of one command (dskb help models show is dskb models show --help).": (
        "dskb 或其中一个命令的帮助（dskb help models show 即 dskb models show --help）。"
    ),
    "A command, and a subcommand: models, models show, quote.": (
        "一个命令，及其子命令：models、models show、quote。"
    ),
}
