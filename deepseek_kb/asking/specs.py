"""The words a question uses to ask for each model specification (kinds.SPECS), in Chinese and
English, beside the kind of value it holds and the words that say another field is meant; the
words that name a price's case; the fields that are the whole of others."""

from __future__ import annotations

from typing import NamedTuple


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
        "full parameter count|full size|count every expert|all the experts|全部参数|体量|尺寸|sizes"
    ),
    "active_params": SpecWords(
        "activated parameters|active parameters|activated params|active params|activated|active|"
        "are active|is active|active in|parameters per token|params per token|per token|"
        "each token|actually run|激活参数|激活|每个 token|每 token|实际用到|实际用|实际参与|实际跑|"
        "switch on|switched on|"
        "turn on|turned on|used per token|用到多少参数|参与计算|真正参与计算|动用|一个 token|"
        "one token|a token|single token|a single token|每生成一个 token|生成一个 token|"
        "generating a token|generate a token|each generated token|per generated token|given token|"
        "in play|actually fire|fire for|调动|干活|light up|lights up|lit up|doing work|do the work|"
        "does the work|doing the work|每次推理",
        unless="experts|expert|专家",
    ),
    "context_length": SpecWords(
        "how long a prompt|prompt length|input length|context size|max tokens|最长输入|最大长度|"
        "上下文窗口|context length|context window|context|ctx|window|max length|maximum length|"
        "sequence length|long context|ctx length|ctx len|length|上下文长度|上下文|窗口|长度|多长|"
        "prompt|prompts|一次能吃|能读多长|at once|in one go|in a single pass|longest input|"
        "max context|max context window|maximum context|max context length|最大上下文|"
        "一次能读|一次能处理|最多能输入|多长的输入|输入长度|输入多长|能处理多长|处理多长|"
        "最长|喂进去|能喂|吃进|序列长度|多长的序列|window size|窗口大小|窗口多大|能塞|塞进去|塞多少|"
        "seq length|seq len|支持多长|多长的文本|多长的文档|多长的 document|读进去|一口气能读"
    ),
    "architecture": SpecWords("architecture|arch|structure|design|架构|结构", "text"),
    "attention": SpecWords(
        "attention|attention mechanism|attention scheme|attention design|attention type|注意力|"
        "注意力机制",
        "text",
    ),
    "ffn": SpecWords("feed-forward|feed forward|ffn|前馈", "text"),
    "layers": SpecWords(
        "layers|layer count|how deep|depth|number of layers|层数|多少层|几层|层|blocks|"
        "transformer blocks|transformer block|stacked|stack|叠了多少"
    ),
    "hidden_size": SpecWords(
        "hidden size|hidden dimension|hidden dim|d_model|model dimension|隐藏维度|隐藏层|维度|"
        "hidden state|how wide|width|宽度|多宽"
    ),
    "routed_experts": SpecWords(
        "routed experts|routed|experts|expert count|number of experts|路由专家|专家数|专家|"
        "per moe layer|each moe layer|in each moe layer|every moe layer|每个 moe 层|每层 moe|"
        "moe 层|每层|per layer|each layer|every layer|in each layer|moe layer|可供挑选|to choose from|"
        "to pick from",
        unless="routed to|sent to|per token|each token|single token|a token|路由到|每个 token|每 token|"
        "shared|always-on|always on|always active|共享|常驻",
    ),
    "shared_experts": SpecWords(
        "shared experts|shared expert|shared|共享专家|共享|always-on|always on|always active|常驻专家|"
        "都要经过|都会经过|一定会经过|一定经过|every token goes through|always goes through|"
        "每层|per layer|each layer|every layer|in each layer|per moe layer|each moe layer|每个 moe 层"
    ),
    "activated_experts": SpecWords(
        "fire per token|experts fire|routed experts fire|per-token experts|激活几个专家|"
        "每个 token 用几个专家|experts per token|activated experts|experts activated|"
        "active experts|experts active|experts does each token|experts each token|激活专家|"
        "激活的专家|routed to|is routed to|路由到|路由给|每个 token|每 token|per token|each token|"
        "send each token to|sends each token to|each token sent to|each token is sent to|"
        "single token|a single token|one token|一个 token|送去几个|送到几个|发给几个|发往几个|"
        "送给几个|分给几个",
        unless="parameters|parameter|params|参数|weights|权重",
    ),
    "load_balancing": SpecWords(
        "load balancing|load balance|auxiliary loss|aux loss|auxiliary-loss|负载均衡|辅助损失|"
        "负载|负载均匀|保持均匀|expert load|balanced load|balance the load|evenly loaded|额外 loss|"
        "额外的 loss|额外损失|额外的损失|不加额外|加一项损失",
        "text",
    ),
    "mtp": SpecWords(
        "multi-token prediction|multi token prediction|mtp|多 token 预测|多token预测", "text"
    ),
    "base_model": SpecWords(
        "distilled into|distilled from|continued from|initialized with|initialised from|"
        "which model was it trained from|继续训练|从哪个模型|初始化|蒸馏自|base model|based on|"
        "built on|built on top of|on top of|built from|fine-tuned from|finetuned from|trained from|"
        "initialized from|starting point|start from|started from|starts from|基座模型|基座|基于|"
        "基础模型|底座|底子|之上|在哪个模型|built off|拿哪个模型|用哪个模型|哪个模型蒸馏|蒸馏出来|"
        "distill 出来|从哪个 model|拿哪个 model|fine-tuned on|finetuned on|which checkpoint|"
        "continued-trained from|continue-trained from|underneath|sits underneath|under the hood|"
        "underlying model|哪个版本上|哪个版本改|基于哪个版本|改出来|底层模型|哪个模型上|"
        "在哪个模型上|拿啥微调|拿什么微调|用什么微调|用啥微调|基于什么微调|微调自|从哪个模型微调|"
        "checkpoint|from scratch|接着训|接着训练|起点|当起点|出发点|起步训练|从哪个模型起步|的基础上|基础上训|"
        "instantiated|build on|builds on|build upon|builds upon|built upon|"
        "里面的语言模型|里面那个语言模型|底下那个语言模型|背后的语言模型|里面那个 llm|里面的 llm|"
        "the llm inside|language model inside|inner language model|underlying llm|"
        "underlying language model|its language model|its llm|里面那个 language model|"
        "里面的 language model",
        "text",
    ),
    "training_tokens": SpecWords(
        "continued pre-training|continued pretraining|went into|继续预训练|继续训|training tokens|tokens|"
        "trained on how many|pretrained on|pre-trained on|how much text|pre-training data|见过|"
        "pretraining data|training data|pretrain|how much data|eat|ate|eaten|训练数据|训练 token|"
        "seen|saw|多少数据|token|数据量|预训练|corpus|pre-training corpus|pretraining corpus|语料|"
        "训练语料|见过多少 token",
        # A price is per million tokens: tokens beside a price or its side are no training data.
        unless="in one go|at once|in a single pass|一次能|output|输出|input|输入|price|prices|"
        "pricing|价格|定价|per million|每百万|一百万|多少钱|"
        # Which model a training started from is its base model, not its tokens.
        "哪个模型|which model|起点|starting point|"
        # The tokens attention picks for each query are no training data, nor what 张 counts
        # (cards), nor pages of data made.
        "键值|key-value|per query|每个查询|注意力|attention|多少张|几张|精度|precision|卡时|"
        "多少页|几页|how many pages|"
        "gpu hours|浮点|低比特|number format",
    ),
    "training_method": SpecWords(
        "training stages|stages|training pipeline|how was it trained|训练流程|训练阶段|几个阶段|"
        "training method|how was it trained|how is it trained|trained with|training recipe|"
        "训练方法|怎么训练|如何训练|训练方式|rl algorithm|强化学习算法|强化学习用的|"
        "what algorithm|什么算法|哪种算法",
        "text",
        # A stage's GPU hours or cost ask the figure, not the method.
        unless="gpu hours|gpu-hours|gpu hour|卡时|gpu 小时|cost|成本",
    ),
    "precision": SpecWords(
        "precision|mixed precision|number format|精度|训练精度|数值精度|低比特|浮点格式|数字格式|"
        "bit format|low-bit",
        "text",
    ),
    "gpu_type": SpecWords(
        "gpu type|gpus|gpu|what gpus|which gpus|hardware|chips|chip|graphics cards|accelerators|"
        "h800|nvidia|显卡|gpu 型号|硬件|芯片|什么卡|哪种卡|什么型号|型号|which model of gpu|"
        "what kind of gpu|accelerator|哪款芯片|什么芯片|哪款卡|英伟达|集群|cluster|gpu cluster|"
        "训练集群|cards|card",
        "text",
        unless="数量|count|how many|多少张|多少块|几张|几块|多少卡",
    ),
    "gpu_hours": SpecWords(
        "compute budget|how many gpu hours|gpu 时长|算力消耗|gpu hours|gpu-hours|gpu hour|"
        "h800 hours|h800 time|gpu time|gpu-time|compute|training compute|how much compute|"
        "gpu 小时|gpu小时|卡时|算力|小时|机时"
    ),
    "training_cost": SpecWords(
        "how expensive|cost to build|训练费用|成本多少|training cost|cost to train|train cost|"
        "cost|costs|how much did|spent|spend|money|budget|训练成本|成本|花了多少钱|花费|多少钱|"
        "花了|take to train|it take to train|租卡|租金|rental|rent|rented",
        # The API's price is no training cost.
        unless="api|输出|输入|output|input|每百万|per million|调用|"
        # How long it took is its days, not its cost; how much GPU time, its GPU hours.
        "how long|how many days|多久|多少天|几天|gpu time|gpu-time|h800 time|gpu hours|gpu-hours|"
        "卡时|机时|"
        # By how much something changed is the change, not what it cost.
        "improve|improved|improves|shrink|shrank|shrunk|reduce|reduced|increase|increased|"
        "grow|grew|gain|gained|提升|提高|减少|降低|缩小|增加|"
        # What a company is worth is no cost.
        "估值|valuation|valued at",
    ),
    "api_price_input": SpecWords(
        "api price|api pricing|price|prices|pricing|priced|input price|input tokens|"
        "per million tokens|per million|api cost|api costs|cache hit|cache miss|cache hits|"
        "cache misses|charge|charges|input|价格|定价|收费|输入价格|api 价格|多少钱一百万|每百万|"
        "缓存命中|缓存未命中|per 1m tokens|per 1m|1m tokens|cached|already cached|缓存没命中|"
        "served from the cache|served from cache|from the cache|"
        "没命中|未命中|命中缓存|pay|paid|付多少|付费|输入|一百万 token|百万 token",
        unless="output|输出|how long|多长|多久|最长|长度|上下文|context|"
        # How often the cache is hit is no price.
        "命中率|hit rate|hit ratio|比例|占比|share of|what share|percentage|百分之多少",
    ),
    # A price asked without saying which is the input price, read with its output price.
    "api_price_output": SpecWords(
        "output price|output tokens|output pricing|output|输出价格|输出|api price|api pricing|"
        "price|prices|pricing|per million tokens|per million|价格|定价|收费|每百万|多少钱一百万|"
        "per 1m tokens|per 1m|1m tokens|tokens it generates|generated tokens|生成的 token|"
        "tokens it writes|writes back|write back|written back|tokens it returns|吐出|几块钱|块钱|"
        "一百万个 token|百万个 token",
        unless="input|输入|cache hit|cache miss|缓存命中|缓存未命中|cached|没命中|未命中",
    ),
    "license_code": SpecWords(
        "code license|code licence|license of the code|代码许可|代码协议|代码的许可|code under|"
        "code is under|code released under|code licensed|代码用的|代码开源",
        "text",
    ),
    "license_model": SpecWords(
        "license|licence|licensed|governs|govern|commercial product|收费产品|商业产品|商用产品|"
        "in a product|into a product|产品里|licensing|model license|model licence|weights license|"
        "commercial use|open source license|许可证|许可|协议|开源协议|授权|商用|license 是|"
        "commercially|terms of use|use commercially|商业使用|released under|licensed under|"
        "权重协议|权重许可|权重开源|开源许可证|开源许可|weights under|weights are under|允许|装进|"
        "条款|使用条款|授权条款|付费产品|paid product|paid products",
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
    "cache-hit": (
        *("cache hit", "cache hits", "缓存命中", "命中缓存", "cached", "from the cache"),
        *("from cache", "served from the cache", "served from cache"),
    ),
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
