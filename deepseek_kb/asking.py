"""The words a question uses to ask for a value, in Chinese and English, beside the field they
ask for: every model specification (kinds.SPECS) and the other things asked of a record (a date,
who, what it is). The answering code ranks these; a new field brings its own words here."""

from __future__ import annotations

from typing import NamedTuple

from deepseek_kb.kinds import Unit


class SpecWords(NamedTuple):
    """How a question asks for one model specification, the kind of value it holds, and the
    words that say another field is meant (experts per token are no parameters)."""

    words: str
    expects: str = "quantity"
    unless: str = ""


# spec field -> the words (`|`-separated) that ask for it
SPEC_WORDS: dict[str, SpecWords] = {
    "total_params": SpecWords(
        "parameters|params|param|parameter count|total parameters|total params|total param|"
        "number of parameters|how big|how large|size|model size|参数量|参数|总参数|多大|规模|大小|"
        "full parameter count|full size|count every expert|all the experts|全部参数"
    ),
    "active_params": SpecWords(
        "activated parameters|active parameters|activated params|active params|activated|active|"
        "are active|is active|active in|parameters per token|params per token|per token|"
        "each token|actually run|激活参数|激活|每个 token|每 token|实际|switch on|switched on|turn on|"
        "turned on|used per token|用到多少参数|参与计算|真正参与计算|动用|一个 token|one token|a token|single token|"
        "a single token|每生成一个 token|生成一个 token|generating a token|generate a token|"
        "each generated token|per generated token|given token",
        unless="experts|expert|专家",
    ),
    "context_length": SpecWords(
        "how long a prompt|prompt length|input length|context size|max tokens|最长输入|最大长度|"
        "上下文窗口|context length|context window|context|ctx|window|max length|maximum length|"
        "sequence length|long context|ctx length|ctx len|length|上下文长度|上下文|窗口|长度|多长|"
        "prompt|prompts|一次能吃|能读多长|at once|in one go|in a single pass|longest input|"
        "max context|max context window|maximum context|max context length|最大上下文|"
        "一次能读|一次能处理|最多能输入|多长的输入|输入长度|输入多长|能处理多长|处理多长|"
        "最长|喂进去|能喂|吃进|序列长度|多长的序列"
    ),
    "architecture": SpecWords("architecture|arch|structure|design|架构|结构", "text"),
    "attention": SpecWords("attention|attention mechanism|注意力|注意力机制", "text"),
    "ffn": SpecWords("feed-forward|feed forward|ffn|前馈", "text"),
    "layers": SpecWords("layers|layer count|how deep|depth|number of layers|层数|多少层|几层|层"),
    "hidden_size": SpecWords(
        "hidden size|hidden dimension|hidden dim|d_model|model dimension|隐藏维度|隐藏层|维度"
    ),
    "routed_experts": SpecWords(
        "routed experts|routed|experts|expert count|number of experts|路由专家|专家数|专家|per moe layer|"
        "each moe layer|in each moe layer|every moe layer|每个 moe 层|每层 moe|moe 层",
        unless="routed to|sent to|per token|each token|single token|a token|路由到|每个 token|每 token|"
        "shared|always-on|always on|always active|共享|常驻",
    ),
    "shared_experts": SpecWords(
        "shared experts|shared expert|shared|共享专家|共享|always-on|always on|always active|常驻专家"
    ),
    "activated_experts": SpecWords(
        "fire per token|experts fire|routed experts fire|per-token experts|激活几个专家|每个 token 用几个专家|"
        "experts per token|activated experts|experts activated|active experts|experts active|"
        "experts does each token|experts each token|激活专家|激活的专家|routed to|is routed to|路由到|路由给|"
        "每个 token|每 token|per token|each token|send each token to|sends each token to|"
        "each token sent to|each token is sent to|single token|a single token|one token|一个 token",
        unless="parameters|parameter|params|参数",
    ),
    "load_balancing": SpecWords(
        "load balancing|load balance|auxiliary loss|aux loss|auxiliary-loss|负载均衡|辅助损失|负载|负载均匀|"
        "保持均匀|expert load|balanced load|balance the load|evenly loaded",
        "text",
    ),
    "mtp": SpecWords(
        "multi-token prediction|multi token prediction|mtp|多 token 预测|多token预测", "text"
    ),
    "base_model": SpecWords(
        "distilled into|distilled from|continued from|initialized with|initialised from|"
        "which model was it trained from|继续训练|从哪个模型|初始化|蒸馏自|base model|based on|built on|"
        "built on top of|built from|fine-tuned from|finetuned from|trained from|initialized from|"
        "starting point|start from|started from|starts from|基座模型|基座|基于|基础模型|底座|拿哪个模型|用哪个模型|哪个模型蒸馏|"
        "蒸馏出来|distill 出来|从哪个 model|拿哪个 model|fine-tuned on|finetuned on|which checkpoint|"
        "continued-trained from|continue-trained from|underneath|sits underneath|under the hood|"
        "underlying model|哪个版本上|哪个版本改|基于哪个版本|改出来|底层模型|哪个模型上|在哪个模型上|拿啥微调|拿什么微调|用什么微调|用啥微调|基于什么微调|"
        "微调自|从哪个模型微调|checkpoint|接着训|接着训练|起点|当起点|出发点|起步训练|从哪个模型起步|的基础上|基础上训|instantiated",
        "text",
    ),
    "training_tokens": SpecWords(
        "continued pre-training|continued pretraining|went into|继续预训练|training tokens|tokens|"
        "trained on how many|pretrained on|pre-trained on|how much text|pre-training data|见过|"
        "pretraining data|training data|pretrain|how much data|eat|ate|eaten|训练数据|训练 token|seen|"
        "saw|多少数据|token|数据量|预训练|corpus|pre-training corpus|pretraining corpus|语料|训练语料|见过多少 token",
        # A price is per million tokens: tokens beside a price or its side are no training data.
        unless="in one go|at once|in a single pass|一次能|output|输出|input|输入|price|prices|"
        "pricing|价格|定价|per million|每百万|一百万|多少钱|"
        # Which model a training started from is its base model, not its tokens.
        "哪个模型|which model|起点|starting point|"
        # The tokens attention picks for each query are no training data, nor what 张 counts (cards).
        "键值|key-value|per query|每个查询|注意力|attention|多少张|几张|精度|precision|卡时|gpu hours",
    ),
    "training_method": SpecWords(
        "training stages|stages|training pipeline|how was it trained|训练流程|训练阶段|几个阶段|"
        "training method|how was it trained|how is it trained|trained with|training recipe|训练方法|"
        "怎么训练|如何训练|训练方式|rl algorithm|强化学习算法|强化学习用的|what algorithm|什么算法|哪种算法",
        "text",
        # A stage's GPU hours or cost ask the figure, not the method.
        unless="gpu hours|gpu-hours|gpu hour|卡时|gpu 小时|cost|成本",
    ),
    "precision": SpecWords(
        "precision|mixed precision|number format|精度|训练精度|数值精度", "text"
    ),
    "gpu_type": SpecWords(
        "gpu type|gpus|gpu|what gpus|which gpus|hardware|chips|chip|graphics cards|accelerators|"
        "h800|nvidia|显卡|gpu 型号|硬件|芯片|什么卡|哪种卡|什么型号|型号|which model of gpu|what kind of gpu|"
        "accelerator|哪款芯片|什么芯片|哪款卡|英伟达|集群|cluster|gpu cluster|训练集群",
        "text",
        unless="数量|count|how many|多少张|多少块|几张|几块|多少卡",
    ),
    "gpu_hours": SpecWords(
        "compute budget|how many gpu hours|gpu 时长|算力消耗|gpu hours|gpu-hours|gpu hour|"
        "h800 hours|compute|training compute|how much compute|gpu 小时|gpu小时|卡时|算力|小时"
    ),
    "training_cost": SpecWords(
        "how expensive|cost to build|训练费用|成本多少|training cost|cost to train|train cost|cost|costs|"
        "how much did|spent|spend|money|budget|训练成本|成本|花了多少钱|花费|多少钱|花了|take to train|"
        "it take to train|租卡|租金|rental|rent|rented",
        # The API's price is no training cost.
        unless="api|输出|输入|output|input|每百万|per million|调用",
    ),
    "api_price_input": SpecWords(
        "api price|api pricing|price|prices|pricing|priced|input price|input tokens|"
        "per million tokens|per million|api cost|api costs|cache hit|cache miss|cache hits|"
        "cache misses|charge|charges|input|价格|定价|收费|输入价格|api 价格|多少钱一百万|每百万|缓存命中|缓存未命中|"
        "per 1m tokens|per 1m|1m tokens|cached|already cached|缓存没命中|没命中|未命中|命中缓存",
        unless="output|输出|how long|多长|多久",
    ),
    # A price asked without saying which is the input price, read with its output price.
    "api_price_output": SpecWords(
        "output price|output tokens|output pricing|output|输出价格|输出|api price|api pricing|price|"
        "prices|pricing|per million tokens|per million|价格|定价|收费|每百万|多少钱一百万|per 1m tokens|per 1m|"
        "1m tokens|tokens it generates|generated tokens|生成的 token",
        unless="input|输入|cache hit|cache miss|缓存命中|缓存未命中|cached|没命中|未命中",
    ),
    "license_code": SpecWords(
        "code license|code licence|license of the code|代码许可|代码协议|代码的许可|code under|code is under|"
        "code released under|code licensed|代码用的|代码开源",
        "text",
    ),
    "license_model": SpecWords(
        "license|licence|licensed|licensing|model license|model licence|weights license|"
        "commercial use|open source license|许可证|许可|协议|开源协议|授权|商用|license 是|commercially|"
        "terms of use|use commercially|商业使用|released under|licensed under|权重协议|权重许可|权重开源",
        "text",
    ),
    "paper": SpecWords(
        "paper|arxiv|technical report|tech report|publication|论文|技术报告|paper id|arxiv id|"
        "arxiv number|论文编号|arxiv 编号",
        "text",
    ),
}


# The words that name a price's case, by the case; a miss first ("not cached" also says "cached").
CASE_WORDS: dict[str, tuple[str, ...]] = {
    "cache-miss": ("cache miss", "cache misses", "没命中", "未命中", "uncached", "not cached"),
    "cache-hit": ("cache hit", "cache hits", "缓存命中", "命中缓存", "cached"),
}

# A field that is the whole of others: asked beside one of its parts ("feed-forward
# architecture"), the part is meant.
PARTS: dict[str, tuple[str, ...]] = {
    "architecture": (
        "attention",
        "ffn",
        "routed_experts",
        "shared_experts",
        "activated_experts",
        "load_balancing",
        "mtp",
        "layers",
        "hidden_size",
    ),
    # The model's size is asked in words so general ("how big", 多大, size) that a size of
    # something in it asked beside them is meant: "V3 hidden size 多大", "上下文多大".
    "total_params": ("active_params", "hidden_size", "context_length", "layers", "training_tokens"),
    # "what license is its code under": the code's, which a licence asked of the model is not.
    "license_model": ("license_code",),
}


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
        "published|publish|open-sourced|open sourced|debut|debuted|out|ship|shipped|go live|"
        "went live|goes live|gone live|发布|推出|上线|问世|发布时间|发布日期|开源时间|什么时候出|啥时候出|出的|发了|放了|出了|开源了|开源的|"
        "哪天开源|何时开源|什么时候开源|year|年份",
        "date",
    ),
    Asked(
        "founded",
        "成立",
        "founded",
        "founded|founding|established|establish|set up|started|start|created|formed|built|成立|创立|"
        "创办|成立时间|建立|诞生|建成|建的|year|年份|spun off|spun out|split off|split from|"
        "became its own company|独立出来|独立成|分拆|拆分出来",
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
        "mean|stand for|stands for|explain|tell me about|introduce|describe|是什么|什么是|是谁|谁是|是啥|啥是|"
        "介绍|含义|意思|定义|解释|指什么|work|works|job|position|role|工作|任职|就职|职位|职务|角色|是做什么的|做什么的|干什么的|是干嘛的|"
        "干嘛的|干嘛用的|是干什么的|做啥的|有什么用|用来做什么|干啥的|是干啥的|known for|best known for|famous for|出名|哪一行|哪行|"
        "什么行业|哪个行业|什么背景|啥背景|什么来头|啥来头|background|干什么用的|做什么用的|什么叫|哪家公司|which company|"
        "what does it do|what is it for|used for|what kind of firm|what kind of company|"
        "what type of firm|what type of company|what kind of organization|what sort of company|"
        "什么样的公司|什么类型的公司|哪类公司|什么公司|wtf is|what the heck is|what problem does it solve|"
        "what does it solve|解决什么问题|解决什么|用来解决|有什么特别|特别之处|特点|what's special|what is special|"
        "what is so special|written in|built with|用什么写的|用什么语言写|底层用|底下用的|how does it work|"
        "how it works|怎么做的|是怎么做|如何实现|怎么实现|原理|怎么工作",
        "text",
    ),
    Asked(
        "called",
        "名称",
        "name",
        "chinese name|english name|name in chinese|name in english|called in chinese|"
        "official name|what is it called|中文名|中文名字|英文名|英文名字|叫什么名字|叫啥名|中文叫|英文叫|名字叫",
        "text",
    ),
    Asked(
        "employer",
        "所属机构",
        "affiliations",
        "employer|employers|employed by|works for|work for|worked for|working for|works at|"
        "work at|worked at|working at|在哪家|在哪家公司|在什么公司|在哪个公司|在哪工作|在哪里工作|在哪上班|在哪待过|在哪儿待过|待过|哪个部门|"
        "哪个机构|哪个实验室|就职于|任职于|效力于|创办的是哪家|所在公司|所在机构|哪个lab|which lab|cofound|co-found",
        "name",
    ),
    Asked(
        "education",
        "教育",
        "education",
        "education|educated|studied|study|university|college|school|degree|alma mater|graduate|"
        "graduated|学历|毕业|大学|读书|学校|母校|读的|念的|学的|学什么|学啥|专业|主修|major|majored|majored in|"
        "field of study|uni|went to uni",
        "text",
    ),
    Asked(
        "founder",
        "创始人",
        "founder",
        "founder|founders|founded by|who founded|who started|who runs|who leads|ceo|boss|创始人|谁创办|"
        "谁创立|谁成立|老板|掌门人|创办人",
        "name",
    ),
    Asked(
        "parent",
        "母公司",
        "parent company",
        "parent|parent company|parent firm|owned by|owner|who owns|spun off from|spun out of|"
        "grow out of|母公司|隶属|属于哪家|背后的公司|哪家公司旗下|旗下|grew out of|孵化|belongs to which company",
        "name",
    ),
    Asked(
        "location",
        "所在地",
        "location",
        "where|based|headquarters|headquartered|located|location|city|hq|在哪|哪里|总部|位于|城市|哪个城市|"
        "operate out of|operates out of|operate from|operates from",
        "text",
    ),
    Asked(
        "headcount",
        "人数",
        "head count",
        "how many employees|employees|employee|staff|team size|headcount|head count|"
        "how many people|people|members|researchers|engineers|员工|人数|多少人|团队规模|几个人|研究员|employ|"
        "employs|employed|雇|ppl|how many ppl",
        "quantity",
        "salary|salaries|pay|paid|wage|wages|compensation|income|薪|工资|收入|待遇",
    ),
    Asked(
        "gpu_count",
        "GPU 数量",
        "GPUs",
        "how many gpus|gpus|gpu count|graphics cards|cards|a100|a100s|chips|显卡|多少卡|多少张|张卡|多少块|"
        "块gpu|块显卡|几块|块卡|多少块gpu|多少张卡",
        "quantity",
        unless="型号|which chip|what chip|which gpu|what gpu|哪款|哪种卡|什么卡|which model of",
    ),
    Asked(
        "investment",
        "投入",
        "investment",
        "investment|invested|invest|cost|costs|spent|spend|how much money|budget|price tag|投入|投资|"
        "花了|多少钱|成本|资金|花费",
        "quantity",
    ),
    Asked(
        "speaker",
        "说话人",
        "said by",
        "who said|who says|said by|who wrote|whose words|whose quote|谁说|谁说的|出自谁|谁讲的",
        "name",
    ),
    Asked(
        "said",
        "说过",
        "what they said",
        "say|said|says|saying|think|thinks|views|view|opinion|opinions|quote|quotes|说|说过|认为|看法|观点|"
        "怎么看|怎么说|谈|态度|觉得|stance|attitude|believe|believes|原话|in their own words|words on",
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
        "used_by",
        "用于",
        "used by",
        "which models use|what models use|models use|used by|used in|use it|uses it|哪些模型|用在|用于哪些|"
        "哪些模型用",
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
    Unit.cny: "yuan rmb cny 元 人民币",
    Unit.cny_per_m_tokens: "yuan rmb cny 元 人民币 tokens",
    Unit.usd: "usd dollar dollars 美元 美金",
    Unit.usd_per_m_tokens: "usd dollar dollars 美元 美金 tokens",
    Unit.gpu_hours: "gpu hours 小时",
    Unit.days: "days 天",
    Unit.b_params: "parameters params 参数",
    Unit.people: "people 人",
}
