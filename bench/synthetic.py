"""Realistic synthetic precedents for speed benchmarks.

Records are assembled from sentence templates with many slot values (people,
ages, diseases, family situations, work, amounts, places, reasoning, measures),
so term frequencies look like a real ledger: 救助, 低保 and 家庭 occur in most
records, a named disease in a few percent, a rare disease (戈谢病, 庞贝病) in
well under one percent. Narrative length is spread evenly from 100 to 1,500
characters. The same seed always gives the same records.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from precedents.record import Measure, PrecedentRecord, RecordMeta, Status

DISTRICTS = {
    "思明区": [
        "莲前街道",
        "嘉莲街道",
        "筼筜街道",
        "梧村街道",
        "开元街道",
        "鹭江街道",
        "中华街道",
        "厦港街道",
        "滨海街道",
    ],
    "湖里区": ["湖里街道", "殿前街道", "禾山街道", "江头街道", "金山街道"],
    "集美区": ["集美街道", "侨英街道", "杏林街道", "杏滨街道", "灌口镇", "后溪镇"],
    "海沧区": ["海沧街道", "新阳街道", "嵩屿街道", "东孚街道"],
    "同安区": [
        "大同街道",
        "祥平街道",
        "西柯街道",
        "新民镇",
        "洪塘镇",
        "五显镇",
        "汀溪镇",
        "莲花镇",
    ],
    "翔安区": ["新店街道", "马巷街道", "内厝镇", "新圩镇", "大嶝街道", "金海街道", "民安街道"],
}
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于"
    "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛"
    "闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
DISEASES = [
    ("尿毒症", 30),
    ("慢性肾功能衰竭", 12),
    ("白血病", 20),
    ("急性淋巴细胞白血病", 8),
    ("淋巴瘤", 8),
    ("肺癌", 14),
    ("肝癌", 10),
    ("胃癌", 10),
    ("乳腺癌", 10),
    ("宫颈癌", 6),
    ("鼻咽癌", 6),
    ("骨肉瘤", 4),
    ("神经母细胞瘤", 3),
    ("脑胶质瘤", 4),
    ("脑梗死", 14),
    ("脑出血", 10),
    ("帕金森病", 5),
    ("阿尔茨海默病", 6),
    ("糖尿病并发症", 8),
    ("冠心病", 8),
    ("先天性心脏病", 5),
    ("肝硬化", 5),
    ("系统性红斑狼疮", 4),
    ("再生障碍性贫血", 3),
    ("地中海贫血", 3),
    ("血友病", 2),
    ("戈谢病", 1),
    ("庞贝病", 1),
    ("渐冻症", 1),
    ("成骨不全症", 1),
    ("脊髓性肌萎缩症", 1),
    ("精神分裂症", 10),
    ("双相情感障碍", 4),
    ("抑郁症", 5),
    ("孤独症", 8),
    ("脑瘫", 6),
    ("尘肺病", 3),
    ("重度烧伤", 3),
    ("高位截瘫", 3),
    ("颅脑损伤", 4),
]
TREATMENTS = {
    "尿毒症": ["规律血液透析", "居家腹膜透析", "每周三次血透", "等待肾移植"],
    "慢性肾功能衰竭": ["规律血液透析", "腹透", "等待肾移植"],
    "cancer": ["多轮化疗", "放疗", "靶向治疗", "骨髓移植", "CAR-T细胞治疗", "手术切除"],
    "brain": ["康复训练", "长期卧床", "针灸理疗"],
    "other": ["长期服药", "住院治疗", "康复治疗", "定期复查"],
}
_CANCERS = ("白血病", "淋巴瘤", "癌", "瘤")
EVENTS = [
    "车祸",
    "交通事故",
    "工伤事故",
    "火灾",
    "台风",
    "暴雨内涝",
    "渔船沉没",
    "突发疾病",
    "意外摔伤",
    "溺水",
    "高处坠落",
    "房屋倒塌",
    "电信诈骗",
    "家庭暴力",
    "配偶离世",
    "企业倒闭",
    "疫情停工",
]
RELATIONS = [
    "丈夫",
    "妻子",
    "儿子",
    "女儿",
    "父亲",
    "母亲",
    "哥哥",
    "姐姐",
    "弟弟",
    "妹妹",
    "孙子",
    "孙女",
    "儿媳",
    "女婿",
]
JOBS = [
    "在工厂上班",
    "送外卖",
    "开网约车",
    "做保洁",
    "在餐馆帮工",
    "打零工",
    "务农",
    "跑运输",
    "在工地做小工",
    "经营小卖部",
    "当保安",
    "做家政",
    "在超市当收银员",
    "从事近海捕捞",
    "在物流园搬运",
    "无固定工作",
]
BARRIER_TEXT = {
    "收入超标": "家庭人均收入略高于低保标准，不符合低保条件",
    "财产超标": "名下有一辆旧车和一套小产权房，财产超过认定标准",
    "户籍不符": "户籍不在本市，无法按本地政策申请救助",
    "有法定赡养人": "有法定赡养人，按规定应计算赡养费",
    "养老金计入收入": "每月领取被征地农民养老金，计入收入后超过特困标准",
    "家庭成员合并计算": "与兄弟姐妹共同生活，合并计算家庭收入后超标",
    "政策空白": "现行政策没有对应的救助条款",
    "超出医保范围": "所用药品大多在医保目录外，自费比例很高",
    "年龄不符": "年龄不满六十周岁，不能认定为特困人员",
}
REASONS = [
    "社区入户核实后认为情况属实，家庭刚性支出远超承受能力。",
    "街道召集民政、医保、残联等部门会商，认为属于支出型贫困。",
    "区级疑难问题研判认为，按困难群众利益最大化原则，可以一事一议。",
    "市级研判会议认为该情形具有普遍性，建议先个案解决再研究普惠政策。",
    "镇街研判认为常规救助难以覆盖，同意提交区级研判。",
    "经四级疑难问题研判，同意采取一事一议方式研究解决。",
    "网格员走访时发现该户长期无人照料，生活十分困难。",
    "动态监测预警平台提示该户医疗支出异常，社区随即上门核实。",
    "会议认为应当兼顾政策的严肃性与个案的特殊性，防止因病返贫。",
    "研判过程中核对了家庭经济状况，确认无其他隐性收入。",
    "相关部门对救助金额和责任分工进行了讨论，明确由街道牵头落实。",
    "慈善总会表示可以从专项基金中给予支持，并发动社会爱心人士捐助。",
]
FILLERS = [
    "家中还有一位年迈的老人需要照顾。",
    "孩子正在读小学，学习费用由亲友资助。",
    "目前租住在城中村的单间里。",
    "房屋为二十世纪八十年代建造的老旧平房，下雨时漏水。",
    "已向亲友借款十余万元，无力偿还。",
    "每月往返医院的交通费用也是不小的负担。",
    "平时靠邻居帮忙买菜做饭。",
    "本人性格内向，不愿主动求助。",
    "社区干部多次上门了解情况并帮助办理相关手续。",
    "家庭主要收入来源中断，生活陷入困境。",
    "医院开具的诊断证明显示需要长期治疗。",
    "其配偶身体也不好，无法外出务工。",
    "大女儿已经出嫁，在外地生活，很少回来。",
    "村里为其申请过临时救助，但金额有限。",
    "治疗费用中相当一部分需要自付。",
    "近期病情加重，多次住院。",
    "日常生活需要专人护理。",
]
MEASURES = [
    "低保",
    "单人户低保",
    "低保边缘",
    "特困供养",
    "特困集中供养",
    "临时救助",
    "救急难",
    "医疗救助",
    "住房改造",
    "社会捐赠",
    "慈善救助",
    "价格优惠",
    "残疾人补贴",
    "照护服务",
    "就业帮扶",
    "教育救助",
]
MEASURE_WEIGHTS = [30, 6, 10, 5, 3, 40, 8, 25, 4, 6, 8, 2, 10, 8, 6, 6]
HARDSHIPS = [
    "重病",
    "罕见病",
    "重度残疾",
    "精神障碍",
    "失能",
    "孤寡",
    "高龄",
    "无人照护",
    "重大变故",
    "因灾",
    "因学",
    "住房困难",
    "单亲",
    "未成年人",
    "支出型贫困",
]
DISCOVERY = ["动态监测预警", "网格员走访", "敲门行动", "主动申请", "部门转介", "其他"]
LEVELS = ["村居", "镇街", "区", "市"]
TAGS = ["一事一议", "普惠政策", "典型案例", "跨部门", "复核", "先行救助", "慈善联动", "专题会议"]


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(["某", "某某"])


def _disease(rng: random.Random) -> str:
    names = [name for name, _ in DISEASES]
    weights = [weight for _, weight in DISEASES]
    return rng.choices(names, weights)[0]


def _treatment(rng: random.Random, disease: str) -> str:
    if disease in TREATMENTS:
        options = TREATMENTS[disease]
    elif any(part in disease for part in _CANCERS):
        options = TREATMENTS["cancer"]
    elif disease.startswith("脑"):
        options = TREATMENTS["brain"]
    else:
        options = TREATMENTS["other"]
    chosen: str = rng.choice(options)
    return chosen


def _situation_sentence(rng: random.Random, name: str, age: int, disease: str) -> str:
    relation = rng.choice(RELATIONS)
    job = rng.choice(JOBS)
    cost = rng.choice(["较高", "难以承担", "大部分自付"])
    place = rng.choice(["住院", "门诊", "居家"])
    outcome = rng.choice(["失去劳动能力", "受伤住院", "家庭财产损失严重", "生活陷入困境"])
    level = rng.choice(["略高于", "接近", "低于"])
    disability = rng.choice(["重度残疾人", "二级肢体残疾", "一级视力残疾", "智力残疾人"])
    marriage = rng.choice(["未婚", "离异", "丧偶"])
    templates = [
        f"{name}患{disease}后需要{_treatment(rng, disease)}，费用{cost}。",
        f"{name}，{age}岁，{rng.randint(2008, 2023)}年确诊{disease}，需要长期治疗，"
        f"每月自付医疗费用约{rng.randint(8, 90) * 100}元。",
        f"{name}的{relation}患有{disease}，{place}治疗已{rng.randint(1, 9)}年。",
        f"因{rng.choice(EVENTS)}，{name}{outcome}。",
        f"{name}的{relation}{job}，月收入约{rng.randint(15, 80) * 100}元。",
        f"家庭共有{rng.randint(1, 7)}口人，月收入合计{rng.randint(20, 150) * 100}元，"
        f"人均收入{level}低保标准。",
        f"{name}本人{job}，因病{rng.choice(['辞职', '被辞退', '无法继续工作'])}。",
        f"{name}系{disability}，{marriage}，与{relation}一家共同生活。",
    ]
    return rng.choice(templates)


def _decision(rng: random.Random, name: str, measures: list[Measure]) -> str:
    parts = []
    for m in measures:
        amount = f"{m.amount}元" if m.amount is not None else ""
        parts.append(f"给予{m.type}{amount}")
    tail = rng.choice(
        ["，并纳入动态监测，每季度回访。", "，由街道负责跟踪落实。", "，年度复核时重新评估。", "。"]
    )
    return f"经研究，同意对{name}家庭" + "，".join(parts) + tail


def _title(rng: random.Random, disease: str) -> str:
    where = rng.choice(["", "农村", "城镇", "外来"])
    who = rng.choice(["老人", "儿童", "妇女", "青年", "家庭", "患者", "渔民"])
    what = rng.choice(["治疗费用高", "家庭困难", "叠加救助", "一事一议", "纳入保障"])
    return f"{where}{who}{disease}{what}"


def make_record(rng: random.Random, index: int) -> PrecedentRecord:
    district = rng.choice(list(DISTRICTS))
    street = rng.choice(DISTRICTS[district])
    filed = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
    name = _person(rng)
    age = rng.randint(1, 95)
    disease = _disease(rng)
    target = rng.randint(100, 1500)
    measure_types = list(dict.fromkeys(rng.choices(MEASURES, MEASURE_WEIGHTS, k=rng.randint(1, 3))))
    measures = [
        Measure(
            t,
            Decimal(rng.randint(5, 600) * 100) if rng.random() < 0.7 else None,
            rng.choice(["", "一次性发放", "按月发放", "协调慈善总会资金"]),
        )
        for t in measure_types
    ]
    barriers = rng.sample(list(BARRIER_TEXT), k=rng.randint(0, 2))
    hardships = rng.sample(HARDSHIPS, k=rng.randint(1, 3))
    situation = [_situation_sentence(rng, name, age, disease)]
    situation += [BARRIER_TEXT[b] + "。" for b in barriers]
    deliberation: list[str] = []
    decision = _decision(rng, name, measures)
    while len("".join(situation)) + len("".join(deliberation)) + len(decision) < target:
        roll = rng.random()
        if roll < 0.45:
            situation.append(
                _situation_sentence(
                    rng, name, age, disease if rng.random() < 0.7 else _disease(rng)
                )
            )
        elif roll < 0.7:
            situation.append(rng.choice(FILLERS))
        else:
            deliberation.append(rng.choice(REASONS))
    status = rng.choices(
        [Status.DECIDED, Status.ARCHIVED, Status.UNDER_REVIEW, Status.DRAFT], [70, 15, 10, 5]
    )[0]
    code = f"SYN-{district[:2]}-{filed.year}-{index:06d}"
    return PrecedentRecord(
        code=code,
        title=_title(rng, disease),
        district=district,
        street=street,
        filed_on=filed,
        decided_on=filed + dt.timedelta(days=rng.randint(5, 90))
        if status != Status.DRAFT
        else None,
        level=rng.choices(LEVELS, [20, 40, 30, 10])[0],
        discovery=rng.choice(DISCOVERY),
        hardships=hardships,
        barriers=barriers,
        household_size=rng.randint(1, 7),
        monthly_income=Decimal(rng.randint(0, 200) * 100),
        measures=measures,
        situation="".join(situation),
        deliberation="".join(deliberation),
        decision=decision,
        tags=rng.sample(TAGS, k=rng.randint(0, 2)),
        meta=RecordMeta(status=status),
    )


def generate(n: int, seed: int = 7) -> list[PrecedentRecord]:
    rng = random.Random(seed)
    return [make_record(rng, i) for i in range(n)]
