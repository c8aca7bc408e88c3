"""The words the views print (headings, labels, notes) in both languages, by id
(`module.words`, the module being the view's). `messages.texts` (and the views' `word`,
`pair_of`, `w.word`, `said`) look them up here, so a run that prints no view never loads them.
"""

from __future__ import annotations

from deepseek_kb.messages import Text

WORDS: dict[str, Text] = {
    # render/citing.py: citations and the source view
    "citing.note": Text("Note: ", "注："),
    "citing.no_address_is_known": Text("no address is known", "没有已知的网址"),
    "citing.sources": Text("Sources:", "来源："),
    "citing.the_article_does_not_name": Text(
        "the article does not name the interview", "文章没有注明出自哪次访谈"
    ),
    "citing.kind": Text("kind", "类型"),
    "citing.title": Text("title", "标题"),
    "citing.original_title": Text("original title", "原标题"),
    "citing.url_none_known_only_a": Text(
        "URL: none known (only a permalink)", "网址：不详（只有永久链接）"
    ),
    "citing.saved_copy_line": Text("saved copy, line {line}", "保存副本第 {line} 行"),
    "citing.line": Text("line {line}", "第 {line} 行"),
    "citing.page": Text("page {page}", "第 {page} 页"),
    "citing.commit": Text("commit {commit}", "提交 {commit}"),
    "citing.permalink_no_host": Text(
        "permalink {permalink}; no host is known", "永久链接 {permalink}，网站地址不详"
    ),
    "citing.cited_by": Text("cited by {count} records:", "被 {count} 条记录引用："),
    # A source's fields, as its full view names them.
    "citing.field.date": Text("date", "日期"),
    "citing.field.repo": Text("repository", "仓库"),
    "citing.field.path": Text("path", "路径"),
    "citing.field.commit": Text("commit", "提交"),
    "citing.field.permalink": Text("permalink", "永久链接"),
    "citing.field.publisher": Text("publisher", "发布者"),
    # render/glossary.py
    "glossary.sources": Text("sources: ", "来源："),
    "glossary.also": Text("also: ", "又称："),
    "glossary.glossary": Text("Glossary", "术语表"),
    "glossary.introduced_by": Text("introduced by: ", "提出于："),
    "glossary.used_by": Text("used by: ", "用于："),
    "glossary.related": Text("related: ", "相关术语："),
    "glossary.projects": Text("code: ", "开源代码："),
    # render/lookup.py: hits and answers
    "lookup.q": Text("Q: ", "问："),
    "lookup.context": Text("Context: ", "背景："),
    "lookup.answer": Text("Answer: ", "答案："),
    "lookup.not_stated": Text("Not stated: ", "未载明："),
    "lookup.score": Text("score", "得分"),
    # render/maintenance.py: info and validate
    "maintenance.layer": Text("Layer", "层"),
    "maintenance.file": Text("File", "文件"),
    "maintenance.records": Text("Records", "记录"),
    "maintenance.replaced_by_an_overlay": Text("Replaced by an overlay", "覆盖的记录"),
    "maintenance.values_with_a_status": Text(
        "values with a status: {share} of {values}", "带状态的数值：{values} 个中 {share}"
    ),
    # render/verifying.py: dskb verify
    "verifying.verdict.exact": Text("✓ Exact", "✓ 原文如此"),
    "verifying.verdict.close": Text("≈ Close", "≈ 相近，但有出入"),
    "verifying.verdict.contradicted": Text("✗ Contradicted", "✗ 与知识库所存不符"),
    "verifying.verdict.not-found": Text("? Not in the KB", "? 知识库中没有"),
    "verifying.why.verbatim": Text("Word for word what the KB holds.", "与所存原文一字不差。"),
    "verifying.why.translation": Text(
        "Word for word the KB's English translation of the article's Chinese (a translation, not the speaker's own English).",
        "与本知识库对文章中文的英译一字不差（英文是译文，不是原话）。",
    ),
    "verifying.why.wording": Text(
        "The wording differs; the changes are below.", "措辞不同，见下面的差异。"
    ),
    "verifying.why.rounded": Text("The figure rounds the stored one.", "数字是所存数值的约数。"),
    "verifying.why.date": Text(
        "The date is a little off the stored one.", "日期与所存日期相差不远。"
    ),
    "verifying.why.errata": Text(
        "That value was corrected by a better source (the errata); the KB holds the correction.",
        "这是被更好的来源更正过的数值（勘误），所存的是更正后的值。",
    ),
    "verifying.why.misattributed": Text("Someone else said it.", "这句话是别人说的。"),
    "verifying.why.another-record": Text(
        "That figure belongs to another record.", "这个数字属于另一条记录。"
    ),
    "verifying.why.different": Text("The KB holds another value.", "所存的数值不同。"),
    "verifying.why.not-stated": Text(
        "The KB states no such value; that does not make the claim false.",
        "知识库没有记载这一项；这不等于说法是错的。",
    ),
    "verifying.why.unknown": Text(
        "Nothing the KB holds is near it; that does not make the claim false.",
        "知识库中没有与之相近的引语或数值；这不等于说法是错的。",
    ),
    "verifying.nearest": Text("Nearest: ", "最接近的："),
    "verifying.stored": Text("Stored: ", "所存："),
    "verifying.whose_figure": Text("The claimed figure is {whose}'s: ", "所称数字是{whose}的："),
    "verifying.tier.article": Text("the article", "文章"),
    "verifying.tier.official": Text("official files", "官方文件"),
    "verifying.from": Text("From {where} · {count} source{s}", "出自{where} · {count} 个来源"),
    "verifying.attributed_to": Text("Attributed to: ", "所称说话人："),
    "verifying.claimed": Text("Claimed: ", "所称："),
    # render/charts.py
    "charts.parameters": Text("Parameters (total / activated)", "参数（总 / 激活）"),
    "charts.deepseek_timeline_time_axis": Text(
        "DeepSeek timeline (time axis)", "DeepSeek 大事记（时间轴）"
    ),
    "charts.deepseek_models_compared_chart": Text(
        "DeepSeek models compared (chart)", "DeepSeek 模型对比（图）"
    ),
    "charts.activated_the_rest_of_the": Text(
        "█ activated  ▒ the rest of the total (parameters)",
        "█ 激活参数  ▒ 其余参数（合计为总参数）",
    ),
    # render/history.py: the timeline
    "history.deepseek_timeline": Text("DeepSeek timeline", "DeepSeek 大事记"),
    "history.a_git_commit_s_author": Text(
        "a git commit's author date, not a statement", "git 提交的作者日期，不是发布声明"
    ),
    "history.stated_as": Text("stated as", "曾写作"),
    # render/compare.py: the comparison
    "compare.deepseek_models_compared": Text("DeepSeek models compared", "DeepSeek 模型对比"),
    "compare.model": Text("Model", "模型"),
    "compare.released": Text("Released", "发布日期"),
    "compare.spec": Text("Spec", "规格"),
    "compare.deepseek_models_all": Text("DeepSeek models, all", "DeepSeek 全部模型"),
    # render/models.py: the model views
    "models.errata_values_a_better_source": Text(
        "Errata (values a better source corrected)", "勘误（被更正的说法）"
    ),
    "models.deepseek_models": Text("DeepSeek models", "DeepSeek 模型"),
    "models.release_date": Text("release date", "发布日期"),
    "models.the_article": Text("the article", "文章"),
    "models.official_files": Text("official files", "官方文件"),
    "models.specifications": Text("Specifications", "规格"),
    "models.a_git_commit_s_author": Text(
        "a git commit's author date, not a release statement", "git 提交的作者日期，不是发布声明"
    ),
    "models.release_date_2": Text("Release date", "发布日期"),
    "models.claim": Text("Claim", "要点"),
    "models.introduced": Text("introduced ", "引入："),
    "models.stated_as": Text("stated as", "曾写作"),
    "models.aliases": Text("aliases", "别名"),
    "models.released": Text("released", "发布"),
    "models.variant_of": Text("variant of", "属于"),
    "models.from": Text("from", "出处"),
    "models.claims": Text("Claims", "要点"),
    # render/projects.py
    "projects.deepseek_open_source_projects": Text(
        "DeepSeek open-source projects", "DeepSeek 开源项目"
    ),
    "projects.first_release": Text("first release", "首次发布"),
    "projects.licence": Text("licence", "许可"),
    "projects.repository": Text("repository", "仓库"),
    "projects.used_by": Text("used by", "用于"),
    # render/directory.py: people, company (its sections, queries/directory.py), sources
    "company.organizations": Text("High-Flyer and DeepSeek", "幻方与深度求索"),
    "company.events": Text("Milestones", "大事记"),
    "company.history": Text("Founding and history", "成立与沿革"),
    "company.compute": Text("Compute", "算力"),
    "company.money": Text("Money: investment, costs and prices", "资金、成本与价格"),
    "company.team": Text("Team and hiring", "团队与招人"),
    "company.culture": Text("Culture and management", "文化与管理"),
    "directory.people": Text("People", "人物"),
    "directory.sources": Text("Sources", "来源"),
    "directory.data_files": Text("Data files", "数据文件"),
    "directory.affiliations": Text("affiliations", "所属"),
    "directory.quote_count": Text("{count} quote{s}", "{count} 条引语"),
    # render/layout.py: shared by the views
    "layout.mentioned_in": Text("Mentioned in", "相关记录"),
    "layout.commit_date": Text("(commit date)", "（提交日期）"),
    # export/page.py: the HTML page
    "page.the_main_model_of_each": Text(
        "The main model of each line; scroll the table sideways for every column. † marks a superseded value; the footnotes under the table say why.",
        "每个系列的主要模型；横向滚动表格可查看所有列。† 标出被取代的数值，原因见表下脚注。",
    ),
    "page.every_fact_is_cited_the": Text(
        "Every fact is cited: the small links after it lead to the line, page or commit it comes from.",
        "每一条事实都注明出处：其后的小链接指向它所依据的那一行、那一页或那次提交。",
    ),
    "page.deepseek_knowledge_base": Text("DeepSeek knowledge base", "DeepSeek 知识库"),
    "page.spec": Text("Spec", "规格"),
    "page.released": Text("Released", "发布日期"),
    "page.date_not_given": Text("date not given", "日期未注明"),
    "page.release_date": Text("Release date", "发布日期"),
    "page.no_main_models": Text("No main models.", "没有主要模型。"),
    "page.variant_of": Text("variant of", "属于"),
    "page.compare": Text("Main models compared", "主要模型对比"),
    "page.compare.short": Text("Compare", "对比"),
    "page.models": Text("All models", "全部模型"),
    "page.projects.short": Text("Projects", "项目"),
    "page.intro": Text(
        "dskb is an offline, bilingual knowledge base of the history of DeepSeek (深度求索), its "
        "company and its models: {count} records.",
        "dskb 是一个关于 DeepSeek（深度求索）公司与模型历史的离线双语知识库，共 {count} 条记录。",
    ),
    "page.intro.article": Text("a Chinese article of {month}", "一篇 {month} 的中文文章"),
    "page.intro.repositories": Text(
        "DeepSeek's official GitHub repositories up to {year}",
        "DeepSeek 截至 {year} 年的官方 GitHub 仓库",
    ),
    "page.intro.and": Text(" and on ", "及"),
    "page.intro.draws_on": Text(" It draws on {sources}.", "内容来自{sources}。"),
    "page.language": Text("Language", "语言"),
    "page.chinese": Text("Chinese", "中文"),
    # export/page_search.py
    "page_search.search_every_record_chinese_or": Text(
        "Search every record (Chinese or English)", "搜索全部记录（中文或英文）"
    ),
    "page_search.search_needs_scripts_enabled": Text(
        "Search needs scripts enabled.", "搜索需要启用脚本。"
    ),
    # export/page_lists.py
    "page_lists.other": Text("Other", "其他"),
    "page_search.records": Text(" records", " 条结果"),
    "page_search.record": Text(" record", " 条结果"),
    "page_search.first_50": Text(" (first 50 shown)", "（显示前 50 条）"),
    "page_search.examples": Text("e.g. MoE, moat, V3, 创新", "例如：创新、开源、V3、梁文锋"),
    # export/markup.py: shared by the HTML page
    "markup.what_each_value_s_caveat": Text("* What each value's caveat says", "* 数值的附注"),
    "markup.superseded_values_and_why": Text("† Superseded values and why", "† 被取代的数值及原因"),
    "markup.commit_date": Text("(commit date)", "（提交日期）"),
    "markup.earlier": Text("Earlier", "原说法"),
    "markup.earlier_2": Text("earlier", "原说法"),
    # export/document.py: the Markdown document
    "document.company": Text("Company", "公司"),
    "document.exported": Text(
        "Exported by dskb: {total} cited records from the Chinese article (2024-12) and "
        "DeepSeek's official repositories.",
        "由 dskb 导出：{total} 条带出处的记录，来自 2024-12 的中文文章与 DeepSeek 官方仓库。",
    ),
    "document.errata_superseded_values": Text("Errata (superseded values)", "勘误（被取代的说法）"),
    "document.commit_date": Text(" (commit date)", "（提交日期）"),
    "document.sources": Text("Sources", "来源"),
    "document.spec": Text("Spec", "规格"),
    "document.value": Text("Value", "值"),
    "document.unit": Text("Unit", "单位"),
    "document.note": Text("Note", "附注"),
    "document.release_date": Text("Release date", "发布日期"),
    "document.date": Text("Date", "日期"),
    "document.event": Text("Event", "事件"),
    "document.title": Text("Title", "标题"),
    "document.link": Text("Link", "链接"),
    "document.deepseek_knowledge_base": Text("DeepSeek knowledge base", "DeepSeek 知识库"),
    "document.contents": Text("Contents", "目录"),
    "document.founded": Text("Founded", "成立"),
    "document.facts": Text("Facts", "事实"),
    "document.code_quoted": Text("Code quoted", "引用的代码"),
    "document.released": Text("Released", "发布"),
    "document.variant_of": Text("Variant of", "属于"),
    "document.claims": Text("Claims", "要点"),
    "document.was": Text("was", "原说法"),
    # assistants/: what the MCP server and the llm plugin say
    "mcp.sources": Text("Sources:", "来源："),
    "mcp.no_address_is_known": Text("(no address is known)", "（没有已知的网址）"),
    "mcp.note": Text("Note: ", "注："),
    "mcp.dskb_holds_no_single_value": Text(
        "dskb holds no single value for this.", "dskb 没有这个问题的确切数值。"
    ),
    "mcp.nothing_matches": Text("Nothing matches.", "没有匹配的记录。"),
    "mcp.the_nearest_records": Text("The nearest records:", "最接近的记录："),
    "mcp.answer": Text("Answer: ", "答案："),
    "mcp.record": Text("Record: ", "记录："),
    "mcp.cited_by": Text("Cited by:", "引用它的记录："),
    "mcp.caveat": Text("Caveat: ", "说明："),
    "mcp.no_address_is_known_2": Text("no address is known", "没有已知的网址"),
    "mcp.no_events_match": Text("No events match.", "没有符合条件的事件。"),
    "mcp.sources_2": Text("sources", "来源"),
    # export/timelinejs.py: the TimelineJS document; a group is a kind of event's row
    "timelinejs.group.founding": Text("Founding", "成立"),
    "timelinejs.group.model-release": Text("Model releases", "模型发布"),
    "timelinejs.group.announcement": Text("Announcements", "公告"),
    "timelinejs.group.investment": Text("Investment", "投资"),
    "timelinejs.group.publication": Text("Publications", "发表"),
    "timelinejs.group.interview": Text("Interviews", "访谈"),
    "timelinejs.group.pricing": Text("Pricing", "定价"),
    "timelinejs.group.milestone": Text("Milestones", "里程碑"),
    "timelinejs.group.software-release": Text("Open source", "开源发布"),
    "timelinejs.group.code-change": Text("Code changes", "代码改动"),
    "timelinejs.title": Text("DeepSeek's history", "DeepSeek 的历史"),
    "timelinejs.intro": Text(
        "The company and model history of DeepSeek and High-Flyer, every event cited (exported by dskb).",
        "深度求索与幻方的公司与模型历史，每条都注明来源（dskb 导出）。",
    ),
    "timelinejs.source": Text("Source: ", "来源："),
    "timelinejs.sources": Text("Sources: ", "来源："),
    "timelinejs.line": Text("line {n}", "第 {n} 行"),
    "timelinejs.page": Text("page {n}", "第 {n} 页"),
    "timelinejs.era": Text("The {family} era", "{family} 时代"),
    # assistants/results.py: a list cut short, a record cut for length
    "mcp.more": Text(
        "(showing {shown} of {total}; raise `limit` or ask something narrower)",
        "（只列出了 {total} 条中的 {shown} 条；调大 limit 或换个更具体的查询）",
    ),
    "mcp.cut": Text(
        "(cut for length; `cite` {id} lists every source)",
        "（内容过长已截断；cite {id} 列出全部来源）",
    ),
}
