"""Formal wording of vocabulary terms in a policy draft.

A drafter writes "家庭成员患有重特大疾病" where the record says 重病, and
"按单人户纳入最低生活保障" where it says 单人户低保. These tables hold that
wording for the built-in vocabulary; a term an administrator adds later falls
back to a neutral phrase built from its label, so a draft never breaks on a
new term.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Who the policy is for, by hardship (a noun phrase).
HARDSHIP_NOUN: dict[str, str] = {
    "重病": "重病患者家庭",
    "罕见病": "罕见病患者家庭",
    "重度残疾": "重度残疾人",
    "精神障碍": "精神障碍患者",
    "失能": "失能人员",
    "孤寡": "孤寡老人",
    "高龄": "高龄老年人",
    "无人照护": "无人照护人员",
    "重大变故": "遭遇重大变故的家庭",
    "因灾": "受灾家庭",
    "因学": "因学致困家庭",
    "住房困难": "住房困难家庭",
    "单亲": "单亲家庭",
    "未成年人": "困难未成年人家庭",
    "支出型贫困": "支出型贫困家庭",
}

#: Who the policy is for in 适用对象, where the conditions are spelled out before it.
SCOPE_NOUN: dict[str, str] = {
    "重病": "重病患者家庭",
    "罕见病": "罕见病患者家庭",
    "重度残疾": "重度残疾人",
    "精神障碍": "精神障碍患者",
    "失能": "失能人员",
    "孤寡": "老年人",
    "高龄": "老年人",
    "无人照护": "独居人员",
    "单亲": "单亲家庭",
}

#: Noun phrases for hardships that commonly come together (the more specific reading).
HARDSHIP_PAIR_NOUN: dict[tuple[str, str], str] = {
    ("重病", "未成年人"): "患重特大疾病的未成年人家庭",
    ("罕见病", "未成年人"): "患罕见病的未成年人家庭",
    ("重度残疾", "未成年人"): "残疾儿童家庭",
    ("重度残疾", "重大变故"): "因意外事故致重度残疾的家庭",
    ("重度残疾", "失能"): "生活不能自理的重度残疾人",
    ("单亲", "未成年人"): "抚养未成年子女的单亲家庭",
    ("高龄", "无人照护"): "无人照护的高龄老年人",
    ("高龄", "失能"): "失能高龄老年人",
    ("孤寡", "失能"): "失能孤寡老人",
    ("重病", "支出型贫困"): "因病致困的重病患者家庭",
    ("重大变故", "因灾"): "因灾因意外遭遇重大变故的家庭",
    ("未成年人", "支出型贫困"): "因治疗康复支出致困的未成年人家庭",
}

#: What the hardship is, as a condition ("……的").
HARDSHIP_CLAUSE: dict[str, str] = {
    "重病": "家庭成员患有重特大疾病、需要长期治疗",
    "罕见病": "家庭成员患有罕见病、治疗费用高昂",
    "重度残疾": "持有一、二级残疾人证",
    "精神障碍": "患有严重精神障碍",
    "失能": "生活不能自理",
    "孤寡": "无配偶、无子女或者子女均已死亡",
    "高龄": "年满八十周岁",
    "无人照护": "独自居住、日常生活缺乏照护",
    "重大变故": "因交通事故、生产事故或者其他意外等重大变故导致生活陷入困境",
    "因灾": "因台风、暴雨等自然灾害遭受较大损失",
    "因学": "因家庭成员就学产生较大支出",
    "住房困难": "住房存在安全隐患或者无房可居",
    "单亲": "父母一方独自抚养未成年子女",
    "未成年人": "家中有需要抚养或者治疗的未成年人",
    "支出型贫困": "因医疗、康复等刚性支出过大导致基本生活出现严重困难",
}

#: The barrier as the policy removes it: what the rules said, and what was refused.
BARRIER_CLAUSE: dict[str, str] = {
    "收入超标": "家庭人均收入略高于本市最低生活保障标准",
    "财产超标": "家庭财产略超认定标准，但所列财产确实无法变现用于基本生活",
    "户籍不符": "不具有本市户籍，但在本市遭遇急难",
    "有法定赡养人": "虽有法定赡养人，但赡养人无赡养能力或者长期在外，实际无法履行赡养、照护义务",
    "养老金计入收入": "所领取的养老金计入家庭收入后超过认定标准",
    "家庭成员合并计算": (
        "与兄弟姐妹等非法定赡养（扶养、抚养）义务人同户生活，收入合并计算后超过认定标准"
    ),
    "政策空白": "所遇困难没有对应的救助项目",
    "超出医保范围": "医疗费用主要发生在基本医疗保险目录范围以外",
    "年龄不符": "年龄不符合现行救助项目的规定",
}

#: How the policy settles the barrier (the rule it sets instead).
BARRIER_RULE: dict[str, str] = {
    "收入超标": "扣除必要的医疗、康复、照护等刚性支出后再核算家庭人均收入",
    "财产超标": "对确实无法变现的财产不计入家庭财产",
    "户籍不符": "由急难发生地先行给予救助，不以户籍为限",
    "有法定赡养人": "经核实赡养人确无赡养、照护能力的，不以有法定赡养人为由不予救助",
    "养老金计入收入": "对用于支付护理、医疗费用的养老金，按规定核减后再计算收入",
    "家庭成员合并计算": (
        "兄弟姐妹等非法定赡养（扶养、抚养）义务人的收入不再合并计算，本人可单独提出申请"
    ),
    "政策空白": "将此类情形明确纳入相应救助范围",
    "超出医保范围": "将基本医疗保险目录外的合理医疗费用纳入救助支出核算",
    "年龄不符": "放宽年龄限制，按实际困难给予救助",
}

#: The measure as a provision (a verb phrase).
MEASURE_ACTION: dict[str, str] = {
    "低保": "按规定纳入最低生活保障",
    "单人户低保": "按单人户纳入最低生活保障",
    "低保边缘": "认定为低保边缘家庭，享受相应的分类救助",
    "特困供养": "纳入特困人员救助供养",
    "特困集中供养": "纳入特困人员集中供养",
    "临时救助": "给予临时救助",
    "救急难": "启动“救急难”机制先行救助",
    "医疗救助": "对个人自付的合规医疗费用给予医疗救助",
    "住房改造": "给予住房改造补助",
    "社会捐赠": "协调社会捐赠予以帮扶",
    "慈善救助": "链接慈善资源给予慈善救助",
    "价格优惠": "协调有关单位给予价格优惠",
    "残疾人补贴": "按规定落实困难残疾人生活补贴和重度残疾人护理补贴",
    "照护服务": "提供居家照护、助餐助浴、定期探访等照护服务",
    "就业帮扶": "提供就业援助，优先推荐公益性岗位和技能培训",
    "教育救助": "给予教育救助",
}

#: The measure as the title names it (after 将/对 and the people it is for).
TITLE_ACTION: dict[str, str] = {
    "低保": "纳入最低生活保障",
    "单人户低保": "按单人户纳入最低生活保障",
    "低保边缘": "纳入低保边缘家庭救助范围",
    "特困供养": "纳入特困人员救助供养",
    "特困集中供养": "纳入特困人员集中供养",
    "临时救助": "给予临时救助",
    "救急难": "先行给予急难救助",
    "医疗救助": "加大医疗救助力度",
    "住房改造": "给予住房改造补助",
    "社会捐赠": "开展社会捐赠帮扶",
    "慈善救助": "开展慈善救助",
    "价格优惠": "协调价格优惠",
    "残疾人补贴": "落实残疾人两项补贴",
    "照护服务": "提供照护服务",
    "就业帮扶": "开展就业帮扶",
    "教育救助": "给予教育救助",
}

#: A short heading for each measure in 救助措施.
MEASURE_HEADING: dict[str, str] = {
    "低保": "最低生活保障",
    "单人户低保": "单人户施保",
    "低保边缘": "低保边缘家庭认定",
    "特困供养": "特困人员救助供养",
    "特困集中供养": "特困人员集中供养",
    "临时救助": "临时救助",
    "救急难": "急难救助",
    "医疗救助": "医疗救助",
    "住房改造": "住房改造补助",
    "社会捐赠": "社会捐赠",
    "慈善救助": "慈善救助",
    "价格优惠": "价格优惠",
    "残疾人补贴": "残疾人两项补贴",
    "照护服务": "照护服务",
    "就业帮扶": "就业帮扶",
    "教育救助": "教育救助",
}

#: Order in which hardships lead a description: the most specific first.
HARDSHIP_PRIORITY: tuple[str, ...] = (
    "罕见病", "重病", "重度残疾", "精神障碍", "失能", "高龄", "孤寡", "单亲",
    "重大变故", "因灾", "无人照护", "住房困难", "因学", "未成年人", "支出型贫困",
)  # fmt: skip


def scope_noun(hardships: Sequence[str]) -> str:
    """Who the policy is for in 适用对象, after the conditions: 重度残疾人, 困难家庭."""
    ordered = sorted(hardships, key=_priority)
    return SCOPE_NOUN.get(ordered[0], "困难家庭") if ordered else "困难家庭"


def hardship_noun(hardships: Sequence[str]) -> str:
    """Who the policy is for, from the defining hardships (a pair reads more precisely)."""
    ordered = sorted(hardships, key=_priority)
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            noun = HARDSHIP_PAIR_NOUN.get((first, second)) or HARDSHIP_PAIR_NOUN.get(
                (second, first)
            )
            if noun:
                return noun
    if ordered:
        return HARDSHIP_NOUN.get(ordered[0], f"存在{ordered[0]}情形的困难家庭")
    return "困难家庭"


def hardship_clause(label: str) -> str:
    return HARDSHIP_CLAUSE.get(label, f"存在{label}情形")


def barrier_clause(label: str) -> str:
    return BARRIER_CLAUSE.get(label, f"因{label}不符合现行救助条件")


def barrier_rule(label: str) -> str:
    return BARRIER_RULE.get(label, f"不再以{label}为由不予救助")


def measure_action(label: str) -> str:
    return MEASURE_ACTION.get(label, f"给予{label}")


def title_action(label: str) -> str:
    return TITLE_ACTION.get(label, f"给予{label}")


def measure_heading(label: str) -> str:
    return MEASURE_HEADING.get(label, label)


#: A hardship whose condition already says another's: 单亲 (raising minor children alone)
#: makes the 未成年人 condition redundant.
IMPLIES: dict[str, frozenset[str]] = {
    "单亲": frozenset({"未成年人"}),
    "孤寡": frozenset({"无人照护"}),
}


def conditions(hardships: Sequence[str]) -> list[str]:
    """The hardships that need their own condition, leading one first."""
    implied = {other for h in hardships for other in IMPLIES.get(h, ())}
    return [h for h in by_priority(hardships) if h not in implied]


def _priority(label: str) -> int:
    return HARDSHIP_PRIORITY.index(label) if label in HARDSHIP_PRIORITY else len(HARDSHIP_PRIORITY)


def by_priority(hardships: Sequence[str]) -> list[str]:
    return sorted(hardships, key=_priority)
