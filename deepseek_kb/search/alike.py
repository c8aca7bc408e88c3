"""Words that say the same thing in a question and in the sources: "handle" ~ "support",
"firm" ~ "company", "began" ~ "started", 企业 ~ 公司.

A question's word that its answer must account for (`leftover.covered`, `holding.holds`) is
accounted for by any word of its group. The groups are meanings, not questions: each holds words
that can stand for each other wherever they occur, in both languages.
"""

from __future__ import annotations

from functools import cache

# Each line a group of words that stand for each other (Latin by their stem, Chinese as they are).
GROUPS = """
handle handles support supports supported accept accepts
firm firms company companies startup startups 企业 公司
begin began start started kick kicked launch launched break breaks broke 开始 启动 开打 爆发 一触即发
make made build built create created develop developed 搭起 搭建 构建
build built write writes written wrote 编写 写成
fast faster speed speeds quick 速度 快
big bigger large larger huge 大 庞大
staff employee employees worker workers 员工 职员
labour labor manpower 人力 人工
paper papers report publication 论文 报告
interview interviews interviewed 采访 访谈 专访
article 文章
compute computing 算力
llm llms 大语言模型 大模型
generate generates generated produce produces produced churn churns 生成 产出
upstream originally 上游 原本 原先 底模
evaluate evaluates evaluated evaluation evaluations assess assessment review reviews 考核 考评 评估 绩效
inherit inherits inherited derive derives derived 继承 沿袭 衍生
cluster clusters 集群
corpus corpora 语料 数据 data
add adds added introduce introduces introduced introducing 引入 加入 加上
profit profits profitable 利润 盈利 赚钱 挣钱
switch switches switched upgrade upgrades upgraded 切到 切换 换成 升级
service services 服务
problem problems issue issues challenge challenges drawback drawbacks flaw flaws 毛病 缺点 问题 挑战
luminary luminaries bigwig 大佬 大牛 大神
day daily 每日 每天 一天
weight weights 权重 model 模型 checkpoint checkpoints ckpt 检查点
weight weights 权重 parameter parameters param params 参数
hire hiring hired recruit recruiting recruited 招聘 招人 招 挑人 选人
money funding capital cash 钱 资金 资本
spend spends spent sink sank sunk 花 花费 砸 投入
buck bucks dollar dollars usd 美元 美金 money
price prices pricing charge charges 价格 收费
say said says tell told claim claimed 说 称
call called calling dub dubbed nickname nicknamed 叫做 叫作 称为 称作 叫成 被称 之称 冠以 号称 被叫做 被叫作 被称为 被称作 人称
reach reached achieve achieved hit 达到
max maximum most cap caps capped limit 最多 最大 上限
use used uses using adopt adopted 使用 采用
china chinese 中国 国内
llm llms 大模型
own owns owned 拥有 手里 手握 手上
万张 万枚 万块 万卡
criterion criteria standard standards 标准 看重 看中
trick tricks technique techniques method methods approach strategy strategies 办法 技巧 方法 策略
kv key-value 键值
extra additional 额外
shrink shrinks shrank shrunk reduce reduces reduced reduction 减少 降低 缩小 省掉
balance balanced balancing evens evened 均衡 平衡
busy busier busiest heavy heavily 繁忙 高负载
loss losses 损失
copy copies copied copying imitate imitates imitated imitating imitation duplicate duplicates duplicated duplicating 模仿 照搬 抄袭 复制
engineer engineers 工程师
researcher researchers 研究员 研究人员
nvidia 英伟达
distil distils distill distills distilled distilling distillation 蒸馏
licence licences license licenses licensed licensing 许可 许可证
correct corrected correction revise revised revision update updated 更正 修正 订正 改成 改为
arrive arrives arrived arrival achieve achieved achieving realise realised realize realized 实现 到来
finetune finetunes finetuned finetuning 微调
qwen 千问 通义千问
llama 羊驼
lead leads led leading 主导
solve solves solved crack cracks cracked 解决 解出 做出
test tests 测试 测试集
encoder encoders 编码器
零后 0后
decoder decoders 解码器
recommend recommends recommended suggest suggests suggested advise advised 建议 推荐 合适
activate activated activates active fire fires light lights lit wake wakes woke 激活
eliminate eliminates eliminated rid remove removes removed 消除 去掉 去除 解决
graduate masters master's 研究生 硕士 读研
expensive costly pricey cost costs 昂贵 贵 烧钱
vocab vocabulary vocabularies 词表 词汇表
reduce reduces reduced reduction shrink shrinks shrank shrunk 减少 降低 缩小
cut cuts cutting slash slashes slashed slashing lower lowered lowers lowering 下调
father dad 父亲 爸爸 老爸
gpu gpus card cards 显卡
approval approve approved sign-off signoff 审批 报批 批准
grab grabs grabbed grabbing use uses 调用 动用
final official 正式
api endpoint endpoints interface 接口
single 单卡 单张 一张卡 一块卡
extend extends extended extension stretch stretched stretches expand expanded 扩展 拉长 延长
respond responds responded response react reacts reacted answer answered 回应 应对 跟进
first earliest 第一 首个 首次 最早 率先
university universities college school 大学 高校 学校
team teams group groups 团队 小组
former old previous earlier 以前 之前 原来
no without 不以 无需 不经
disk disks 磁盘 硬盘
比作 比喻 比成 好比 一样 如同 犹如
1t trillion trillions 万亿
"""


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for line in GROUPS.strip().splitlines():
        words = tuple(line.split())
        for word in words:  # a word of two groups stands for the words of both
            found[word] = (
                *found.get(word, ()),
                *(w for w in words if w not in found.get(word, ())),
            )
    return found


@cache
def han_words() -> tuple[str, ...]:
    """The Chinese words of the groups, the longest first."""
    return tuple(sorted((w for w in _groups() if not w.isascii()), key=len, reverse=True))


def alike(word: str) -> tuple[str, ...]:
    """The word and the words that stand for it."""
    return _groups().get(word, (word,))
