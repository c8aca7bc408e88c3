"""The words that say what kind of value a question asks for: a date, a name, how many, what,
till when, or what held at first; whatever field it asks."""

from __future__ import annotations

# The kind of value a question's own words ask for.
CUES: dict[str, tuple[str, ...]] = {
    "date": (
        "when",
        "what year",
        "which year",
        "what date",
        "which day",
        "what day",
        "what month",
        "什么时候",
        "何时",
        "哪天",
        "哪年",
        "哪一年",
        "几月",
        "几号",
        "日期",
        "date",
        "时间",
        "哪一天",
        "哪个月",
        "哪月",
        "which month",
        "啥时候",
        "哪时候",
    ),
    "name": ("who", "whom", "whose", "谁", "哪位"),
    "quantity": (
        *("what percentage", "what percent", "by what percent", "百分之多少", "百分之几"),
        *("how many", "how much", "how big", "how large", "how long", "多少", "几个", "几"),
        # A count or a share named as such ("peak node count", "what share of input tokens").
        *("count", "number of", "what share", "what fraction", "what proportion", "how fast"),
        *("how deep",),
    ),
    "what": ("what", "which", "什么", "哪个", "哪些", "哪家", "啥"),
    # Till when something lasts, or when it ended (retired, 退役): no date of when it happened
    # answers.
    "until": (
        *("until", "till", "开放到", "可用至", "截至", "截止到", "退役", "停用", "下线", "停运"),
        *("retired", "decommissioned", "shut down", "discontinued", "deprecated", "taken offline"),
    ),
    # What held when a thing first came out (at launch, 刚开源的时候): of what is said of it over
    # time, the earliest.
    "first": (
        *("at launch", "at release", "on release", "on launch", "at first", "initially"),
        *("when it first came out", "when first released", "when it launched"),
        *("刚发布", "刚开源", "刚推出", "刚出来", "刚上线", "最初", "起初", "一开始", "首发"),
        *("发布之初", "开源之初"),
    ),
}
