"""The words a question uses to ask for what else a record holds (a date, who, what it is, where
someone works), in Chinese and English; what a field is called when another kind of thing holds
it; which field a figure's unit answers, and the words that name each unit."""

from __future__ import annotations

from typing import NamedTuple

from deepseek_kb.kinds import Unit


class Asked(NamedTuple):
    """Something else a question can ask of a record (a date, who, what it is), with its label
    and the words (both languages, `|`-separated) that ask it; `expects` is the kind of value;
    `unless`, the words that say another thing is meant (a salary is no head count)."""

    key: str
    zh: str
    en: str
    words: str
    expects: str
    unless: str = ""


ASKED: tuple[Asked, ...] = (
    Asked(
        "released",
        "发布日期",
        "release date",
        "release date|released|release|come out|came out|come-out|launch|launched|drop|dropped|"
        "published|publish|open-sourced|open sourced|debut|debuted|out|put out|puts out|ship|shipped|go live|"
        "went live|goes live|gone live|land|landed|lands|roll out|rolled out|rolls out|"
        "发布|推出|上线|问世|面世|亮相|放出|发布时间|发布日期|开源时间|什么时候出|"
        "啥时候出|出的|发了|放了|出了|开源了|开源的|开源是|开源于|哪天开源|何时开源|什么时候开源|year|年份",
        "date",
    ),
    Asked(
        "founded",
        "成立",
        "founded",
        "founded|founding|established|establish|set up|started|start|created|formed|built|成立|"
        "创立|创办|成立时间|建立|诞生|建成|建的|year|年份|spun off|spun out|split off|split from|"
        "became its own company|独立出来|独立成|分拆|拆分出来|spin off|spin out|spun out of|"
        "carved out|carve out|company of its own|its own company|独立公司|独立的公司|came online|"
        "went online|come online|brought online|投入使用|投用|建好",
        "date",
    ),
    Asked(
        "date",
        "日期",
        "date",
        "date|happen|happened|take place|took place|day|日期|发生|时间|哪天|哪一天",
        "date",
    ),
    Asked(
        "listed",
        "上市",
        "stock listing",
        "ipo|go public|went public|gone public|goes public|going public|stock listing|"
        "stock exchange|上市|挂牌|首次公开募股",
        "date",
    ),
    Asked(
        "identity",
        "是什么",
        "what it is",
        "what is|what's|whats|what are|who is|who's|whos|who was|who|define|definition|meaning|"
        "mean|stand for|stands for|explain|tell me about|introduce|describe|是什么|什么是|是谁|"
        "谁是|是啥|啥是|介绍|含义|意思|定义|解释|指什么|具体指|指的是|work|works|job|position|role|工作|任职|"
        "就职|职位|职务|角色|是做什么的|做什么的|干什么的|是干嘛的|干嘛的|干嘛用的|是干什么的|"
        "做啥的|有什么用|用来做什么|干啥的|是干啥的|known for|best known for|famous for|出名|"
        "哪一行|哪行|什么行业|哪个行业|哪国人|哪里人|国籍|nationality|什么背景|啥背景|什么来头|啥来头|background|干什么用的|"
        "做什么用的|什么叫|哪家公司|which company|what does it do|what is it for|used for|"
        "what kind of firm|what kind of company|what type of firm|what type of company|"
        "what kind of organization|what sort of company|什么样的公司|什么类型的公司|哪类公司|"
        "什么公司|wtf is|what the heck is|what problem does it solve|what does it solve|"
        "解决什么问题|解决什么|用来解决|有什么特别|特别之处|特点|what's special|what is special|"
        "what is so special|written in|built with|用什么写的|用什么语言写|底层用|底下用的|"
        "how does it work|how it works|怎么做的|是怎么做|如何实现|怎么实现|原理|怎么工作|"
        "why would|为什么要用|为啥要用|to fix|to solve|meant to fix|meant to solve|"
        "trying to fix|trying to solve|even for|what's the point|what is the point|the point of|"
        "in plain words|in plain english|in a sentence|用大白话|"
        "通俗地说|通俗点说|简单说|一句话说|what makes|different from|differ from|difference between|"
        "有什么区别|区别在哪|区别到底在哪|有什么不同|有什么不一样|限制了什么|要解决的|作用是什么|目的是什么|"
        "担任什么|担任过什么|担任的是|能做什么|能干什么|能干啥|what can it do|what does it do in",
        "text",
        # The company someone works at is where they work, not who they are.
        "works at|work at|worked at|working at|在哪家公司|在哪个公司|在什么公司",
    ),
    Asked(
        "nickname",
        "称号",
        "nickname",
        "nickname|nicknamed|dubbed|people call|ppl call|外号|绰号|称号|被称为|被叫做|"
        "被叫作|被称作|被誉为|被冠以|bei jiao zuo|bei cheng wei",
        "text",
    ),
    Asked(
        "called",
        "名称",
        "name",
        "chinese name|english name|name in chinese|name in english|called in chinese|"
        "official name|what is it called|中文名|中文名字|英文名|英文名字|叫什么名字|叫啥名|中文叫|"
        "英文叫|名字叫|全称|全名|full name|short for|abbreviation for|stand for|stands for|缩写是什么|是什么的缩写",
        "text",
    ),
    Asked(
        "employer",
        "所属机构",
        "affiliations",
        "employer|employers|employed by|works for|work for|worked for|working for|works at|"
        "work at|worked at|working at|在哪家|在哪家公司|在什么公司|在哪个公司|在哪工作|在哪里工作|"
        "在哪上班|在哪干过|之前在哪|以前在哪|worked before|哪家公司任职|哪家公司工作|哪家公司上班|"
        "哪个公司工作|哪个公司任职|在哪待过|在哪儿待过|待过|哪个部门|哪个机构|哪个实验室|就职于|"
        "任职于|效力于|创办的是哪家|所在公司|所在机构|哪个lab|which lab|cofound|co-found|"
        "affiliated with|affiliation|tied to|associated with|linked to|跟哪些公司有关|和哪家公司有关",
        "name",
    ),
    Asked(
        "education",
        "教育",
        "education",
        "education|educated|studied|study|university|college|school|degree|alma mater|graduate|"
        "graduated|学历|毕业|大学|读书|学校|母校|读的|念的|学的|学什么|学啥|专业|主修|major|"
        "majored|majored in|field of study|uni|went to uni",
        "text",
    ),
    Asked(
        "born",
        "出生日期",
        "date of birth",
        "born|birth|birthday|date of birth|year of birth|出生|生日|哪年生|几几年生|出生年份",
        "date",
    ),
    Asked(
        "founder",
        "创始人",
        "founder",
        "founder|founders|founded by|who founded|who started|who runs|who leads|ceo|chief executive|boss|创始人|"
        "谁创办|谁创立|谁成立|老板|掌门人|创办人|首席执行官",
        "name",
    ),
    Asked(
        "parent",
        "母公司",
        "parent company",
        "parent|parent company|parent firm|owned by|owner|who owns|spun off from|spun out of|"
        "grow out of|母公司|隶属|属于哪家|背后的公司|哪家公司旗下|旗下|grew out of|孵化|"
        "belongs to which company|belongs to|是哪家的|哪家大厂的|incubated|incubator|老板公司|"
        "背后的老板公司|是哪家公司的|是哪家机构的|哪家公司的|哪家机构的|which company owns|"
        "whose cluster|run by which|operated by|是谁家的|谁家的|who paid for|paid for by|"
        "who funded|funded by|financed by|bankrolled|who built|built by|谁出钱|出资|谁建的|"
        "哪家公司建的|哪家建的",
        "name",
    ),
    Asked(
        "location",
        "所在地",
        "location",
        "where|based|headquarters|headquartered|located|location|city|hq|在哪|哪里|总部|位于|城市|"
        "哪个城市|operate out of|operates out of|operate from|operates from",
        "text",
        # "动了哪里", "改了哪里": which part changed, no place
        unless="动了哪里|改了哪里|变了哪里|哪里不同|哪里不一样|哪里变了",
    ),
    Asked(
        "headcount",
        "人数",
        "head count",
        "how many employees|employees|employee|staff|team size|headcount|head count|"
        "how many people|people|members|researchers|engineers|员工|人数|多少人|团队规模|几个人|"
        "研究员|employ|employs|employed|雇|ppl|how many ppl|how big is the team|big is the team|"
        "how large is the team|size of the team|团队有多大|团队多大",
        "quantity",
        "salary|salaries|pay|paid|wage|wages|compensation|income|薪|工资|收入|待遇",
    ),
    Asked(
        "gpu_count",
        "GPU 数量",
        "GPUs",
        "how many gpus|gpus|gpu count|graphics cards|cards|a100|a100s|chips|显卡|多少卡|多少张|"
        "张卡|多少块|块gpu|块显卡|几块|块卡|多少块gpu|多少张卡|carry|carried|carries",
        "quantity",
        unless="型号|which chip|what chip|which gpu|what gpu|哪款|哪种卡|什么卡|which model of",
    ),
    Asked(
        "investment",
        "投入",
        "investment",
        "investment|invested|invest|cost|costs|spent|spend|how much money|budget|price tag|投入|"
        "投资|花了|多少钱|成本|资金|花费|砸了|砸钱|砸了多少|投进去|投进",
        "quantity",
        # What a company is worth is no money put into it.
        unless="估值|valuation|valued at|worth",
    ),
    Asked(
        "speaker",
        "说话人",
        "said by",
        "who said|who says|said by|who wrote|whose words|whose quote|谁说|谁说的|出自谁|谁讲的|"
        "出自哪位|这话出自|哪位说的",
        "name",
    ),
    Asked(
        "said",
        "说过",
        "what they said",
        "say|said|says|saying|think|thinks|views|view|opinion|opinions|quote|quotes|说|说过|认为|"
        "看法|观点|怎么看|怎么说|谈|态度|觉得|stance|attitude|believe|believes|原话|"
        "in their own words|words on|insist on|insists on|comment on|comments on|remarks on|评价|"
        "怎么评价|如何评价|聊过|聊到|讲过|in his words|in her words|in their words|'s words|in his own words|in her own words",
        "text",
    ),
    Asked(
        "figure",
        "数字",
        "figure",
        "score|scores|benchmark|benchmarks|result|results|performance|how well|gain|gains|rating|"
        "elo|improvement|得分|分数|成绩|跑分|评测|提升",
        "quantity",
    ),
)
ASKED += (
    Asked("topic", "话题", "topic", "topic|topics|话题|主题", "text"),
    Asked(
        "introduced",
        "提出于",
        "introduced in",
        "introduced|introduced in|introduced by|first introduced|first used|first used in|"
        "debuted in|first appeared|first appeared in|designed for|首次引入|引入|首次提出|提出|"
        "最早用|最早用在|最早是为|为哪个模型设计|哪个模型首次|首次用|首先用|首先验证|first validated",
        "text",
    ),
    Asked(
        "used_by",
        "用于",
        "used by",
        "which models use|what models use|models use|used by|used in|use it|uses it|哪些模型|用在|"
        "用于哪些|哪些模型用|which model uses|what model uses|"
        "哪个模型用",
        "text",
    ),
    # No words of its own: what a passage found by the question's words says (search/passages.py).
    Asked("passage", "来源所述", "as the sources put it", "", "text"),
    # What a question asked when only a record of where dskb looked speaks of it.
    Asked("asked", "所问", "what was asked", "", "text"),
)
# What a field is called when another kind of thing holds it: who a person is is their role, a
# project's licence is no model licence.
KIND_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("identity", "person"): ("身份", "role"),
    ("license_model", "project"): ("许可", "licence"),
    ("identity", "event"): ("事件", "event"),
    ("date", "source"): ("发表日期", "publication date"),
}
# Which question a labelled figure answers, by its unit: 1,100 GPUs answers "how many GPUs".
UNIT_ASKED: dict[Unit, str] = {
    Unit.gpus: "gpu_count",
    Unit.cny: "investment",
    Unit.usd: "investment",
    Unit.people: "headcount",
    Unit.usd_per_m_tokens: "api_price_input",
    Unit.cny_per_m_tokens: "api_price_input",
}
# The words a question names a unit by ("price in yuan"): an answer in that unit accounts for them.
UNIT_WORDS: dict[Unit, str] = {
    Unit.cny: "yuan rmb cny 元 人民币 块钱 钱",
    Unit.cny_per_m_tokens: "yuan rmb cny 元 人民币 块钱 钱 tokens",
    Unit.usd: "usd dollar dollars 美元 美金",
    Unit.usd_per_m_tokens: "usd dollar dollars 美元 美金 tokens",
    Unit.gpu_hours: "gpu hours 小时",
    Unit.days: "days 天",
    Unit.b_params: "parameters params 参数",
    Unit.people: "people 人",
}
