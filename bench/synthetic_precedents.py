"""Realistic synthetic precedents for speed benchmarks (never for quality figures).

Each record is one of twenty kinds of hard case (child cancer, dialysis, elderly
living alone, fishing accident, …) written from kind-specific and general
sentence pools whose slots take names, ages, streets, diseases, occupations,
hospitals, drugs and amounts, so the vocabulary is broad and term frequencies
look like a real library's: common words in most records, rare ones in few.
Narratives run from about 100 to 1,500 characters; structured fields follow the
kind (hardships, barriers, measures) with realistic noise (missing discovery,
unknown income, one field in twenty left empty). Generation is seeded.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from precedents.record import Measure, Person, PrecedentRecord


def _words(text: str) -> list[str]:
    return text.split()


@dataclass(frozen=True)
class Kind:
    """One kind of hard case: title pattern, age range, typical fields, sentence pool."""

    title: str
    age: tuple[int, int]
    hard: list[str]
    bar: list[str]
    measures: list[str]
    lines: list[str]


DISTRICTS = {
    "思明区": ("SM", "筼筜街道 莲前街道 鹭江街道 中华街道 嘉莲街道 开元街道 梧村街道 鼓浪屿街道"),
    "湖里区": ("HL", "湖里街道 殿前街道 禾山街道 江头街道 金山街道"),
    "集美区": ("JM", "集美街道 侨英街道 杏林街道 杏滨街道 灌口镇 后溪镇"),
    "海沧区": ("HC", "海沧街道 新阳街道 嵩屿街道 东孚街道"),
    "同安区": ("TA", "大同街道 祥平街道 莲花镇 新民镇 洪塘镇 西柯街道 五显镇 汀溪镇 五显镇"),
    "翔安区": ("XA", "新店街道 香山街道 金海街道 马巷街道 内厝镇 新圩镇 大嶝街道"),
}
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
    "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
OCCUPATIONS = _words(
    "外卖员 快递员 保洁员 保安 出租车司机 货车司机 建筑工人 钢筋工 电焊工 装修工 厨师 服务员 "
    "超市收银员 环卫工人 渔民 船员 茶农 菜农 个体户 网约车司机 搬运工 缝纫工 电子厂工人 "
    "仓库管理员 小吃店老板 水电工 护工 保姆 门卫 木工 泥水工 叉车司机 装卸工 养殖户"
)
DISEASES = _words(
    "急性淋巴细胞白血病 急性髓系白血病 神经母细胞瘤 骨肉瘤 肾母细胞瘤 视网膜母细胞瘤 淋巴瘤 "
    "髓母细胞瘤 横纹肌肉瘤 尿毒症 慢性肾衰竭 肝硬化 肺癌 胃癌 结肠癌 乳腺癌 鼻咽癌 宫颈癌 "
    "脑出血 脑梗死 重症肌无力 系统性红斑狼疮 再生障碍性贫血 地中海贫血 扩张型心肌病 先天性心脏病 "
    "渐冻症 血友病 戈谢病 庞贝病 成骨不全症 脊髓性肌萎缩症 尘肺病 精神分裂症 双相情感障碍 "
    "重度抑郁症 孤独症谱系障碍 脑性瘫痪 唐氏综合征 全面发育迟缓 癫痫 糖尿病足 帕金森病 阿尔茨海默病"
)
HOSPITALS = _words(
    "厦门大学附属第一医院 中山医院 厦门市儿童医院 第五医院 厦门市中医院 上海儿童医学中心 "
    "北京儿童医院 复旦大学附属肿瘤医院 福建医科大学附属协和医院 厦门市仙岳医院 长庚医院 "
    "心血管病医院"
)
DRUGS = _words(
    "靶向药 免疫抑制剂 促红素 透析液 人血白蛋白 凝血因子 抗癫痫药 呼吸机耗材 康复训练课程 "
    "特需营养品 胰岛素 抗排异药 化疗药 止痛泵 导尿管 轮椅 助听器 假肢"
)
RELATIVES = _words("丈夫 妻子 儿子 女儿 父亲 母亲 哥哥 姐姐 弟弟 妹妹 祖母 祖父 外婆 儿媳 女婿")
NUMERALS = _words("两 三 四 五 六")

KINDS: list[Kind] = [
    Kind(
        title="{age}岁患儿确诊{disease}，家庭治疗费用负担沉重",
        age=(1, 15),
        hard=["重病", "未成年人", "支出型贫困"],
        bar=["收入超标", "超出医保范围"],
        measures=["医疗救助", "临时救助", "慈善救助"],
        lines=[
            "{name}之子，{age}岁，在{hospital}确诊{disease}，需长期化疗，部分{drug}不在医保目录内。",
            "父亲是{job}，母亲辞职陪护，家庭月收入约{income}元，已向亲友借款{debt}万元。",
            "医生建议尽快进行造血干细胞移植，预计费用{cost}万元。",
        ],
    ),
    Kind(
        title="{disease}患者长期透析，家庭收入略超低保标准",
        age=(30, 70),
        hard=["重病", "支出型贫困"],
        bar=["收入超标"],
        measures=["低保边缘", "医疗救助"],
        lines=[
            "{name}，{age}岁，患{disease}多年，每周血液透析三次，每月自付{drug}等费用约{cost}千元。",
            "{relative}是{job}，月收入约{income}元，人均收入略高于低保标准。",
            "因长期透析无法工作，家中积蓄已经用完。",
        ],
    ),
    Kind(
        title="{age}岁独居老人生活不便，子女在外无力照护",
        age=(78, 96),
        hard=["高龄", "无人照护"],
        bar=["有法定赡养人"],
        measures=["照护服务", "临时救助"],
        lines=[
            "{name}，{age}岁，独自居住在{street}老旧房屋，近期在家中跌倒。",
            "育有子女{num}人，均在外地生活，{relative}自身患病无力照护。",
            "每月领取养老金{income}元，日常买菜做饭均有困难。",
        ],
    ),
    Kind(
        title="单亲母亲失业，独自抚养{num}个未成年子女",
        age=(26, 45),
        hard=["单亲", "未成年人"],
        bar=["收入超标"],
        measures=["就业帮扶", "低保"],
        lines=[
            "{name}，{age}岁，离异后独自抚养子女，原在{job}岗位工作，今年被辞退。",
            "前夫下落不明，未支付抚养费，一家租住在{street}城中村。",
            "目前靠打零工维持生活，月收入不足{income}元。",
        ],
    ),
    Kind(
        title="{job}因事故致重度残疾，家庭失去主要劳动力",
        age=(22, 58),
        hard=["重度残疾", "重大变故"],
        bar=["政策空白"],
        measures=["救急难", "残疾人补贴"],
        lines=[
            "{name}，{age}岁，{job}，在工作中发生意外，经抢救后截肢，评定为肢体二级残疾。",
            "用工单位未参加工伤保险，赔偿迟迟未到位，治疗已花费{cost}万元。",
            "{relative}无固定工作，家中还有{num}个孩子在读书。",
        ],
    ),
    Kind(
        title="渔船在海上作业遇险，渔民受伤生计中断",
        age=(35, 65),
        hard=["重大变故", "因灾"],
        bar=[],
        measures=["临时救助"],
        lines=[
            "{name}，{age}岁，以近海捕捞为生，出海作业时渔船遭遇大风损毁。",
            "本人在抢险中受伤住院，渔船未参加渔业互助保险，损失约{cost}万元。",
            "家中{relative}务农，收入微薄。",
        ],
    ),
    Kind(
        title="成年残疾人与兄弟姐妹同户，合并计算收入超标",
        age=(30, 60),
        hard=["重度残疾"],
        bar=["家庭成员合并计算", "收入超标"],
        measures=["单人户低保"],
        lines=[
            "{name}，{age}岁，智力残疾一级，未婚，父母去世后随{relative}一家生活。",
            "户口在同一户内，{relative}一家月收入约{income}元，合并计算后超过低保标准。",
            "日常生活需要专人照料，兄弟姐妹不属于法定赡养义务人。",
        ],
    ),
    Kind(
        title="{age}岁儿童患{disease}，康复训练费用高",
        age=(2, 12),
        hard=["未成年人", "支出型贫困"],
        bar=["超出医保范围"],
        measures=["残疾人补贴", "临时救助"],
        lines=[
            "{name}之女，{age}岁，在{hospital}确诊{disease}，需长期机构康复训练。",
            "康复机构每月收费约{cost}千元，大部分不在医保报销范围内。",
            "母亲辞去{job}工作全职陪护，家庭仅靠父亲收入维持。",
        ],
    ),
    Kind(
        title="罕见病{disease}患者用药费用巨大",
        age=(8, 50),
        hard=["罕见病", "支出型贫困"],
        bar=["超出医保范围", "收入超标"],
        measures=["医疗救助", "慈善救助", "价格优惠"],
        lines=[
            "{name}，{age}岁，确诊{disease}，需终身使用{drug}，每年费用近{cost}十万元。",
            "大部分药品不在医保目录内，家庭收入超过低保标准。",
            "已通过网络平台募捐，仍难以为继。",
        ],
    ),
    Kind(
        title="{disease}患者住院费用无着",
        age=(30, 65),
        hard=["精神障碍", "无人照护"],
        bar=["超出医保范围"],
        measures=["特困供养", "医疗救助"],
        lines=[
            "{name}，{age}岁，患{disease}多年，父母相继去世，独自居住。",
            "近期病情加重，经派出所协调送{hospital}住院治疗。",
            "住院期间部分费用无人缴纳，{relative}多年未联系。",
        ],
    ),
    Kind(
        title="房屋因{event}受损，一家{num}口无处安身",
        age=(40, 75),
        hard=["因灾", "住房困难", "重大变故"],
        bar=["政策空白"],
        measures=["临时救助", "住房改造"],
        lines=[
            "{name}，{age}岁，家住{street}，房屋在{event}中严重受损。",
            "家中财物损失约{cost}万元，暂住在亲戚家中。",
            "{relative}长期患病，家庭无力重建房屋。",
        ],
    ),
    Kind(
        title="大学新生家庭遭遇变故，学费无着",
        age=(18, 21),
        hard=["因学", "重大变故"],
        bar=["政策空白"],
        measures=["教育救助", "临时救助"],
        lines=[
            "{name}，{age}岁，今年考入省外大学，父亲因病去世。",
            "母亲是{job}，月收入约{income}元，学费和生活费尚缺{cost}千元。",
            "家中还有{num}个弟妹在读书。",
        ],
    ),
    Kind(
        title="外省务工人员突发{disease}，非本市户籍",
        age=(28, 55),
        hard=["重病", "重大变故"],
        bar=["户籍不符"],
        measures=["救急难", "临时救助"],
        lines=[
            "{name}，{age}岁，外省户籍，在本市从事{job}工作，突发{disease}被送往{hospital}。",
            "已花费医疗费{cost}万元，工友捐款后仍有缺口。",
            "{relative}从老家赶来陪护，无力承担后续费用。",
        ],
    ),
    Kind(
        title="中年男子{disease}晚期，靶向药自费致贫",
        age=(40, 62),
        hard=["重病", "支出型贫困"],
        bar=["超出医保范围", "收入超标"],
        measures=["医疗救助", "低保边缘"],
        lines=[
            "{name}，{age}岁，原为{job}，确诊{disease}晚期，需长期服用{drug}。",
            "每月自费药品约{cost}千元，家庭收入扣除医疗支出后低于低保标准。",
            "{relative}在{street}做零工，孩子正在读高中。",
        ],
    ),
    Kind(
        title="失能老人养老金计入收入后超标",
        age=(70, 92),
        hard=["失能", "高龄"],
        bar=["养老金计入收入", "收入超标"],
        measures=["特困集中供养", "照护服务"],
        lines=[
            "{name}，{age}岁，因{disease}长期卧床，生活不能自理。",
            "每月领取被征地农民养老金{income}元，计入收入后无法认定为特困人员。",
            "{relative}年迈多病，无力照护，护理费用每月约{cost}千元。",
        ],
    ),
    Kind(
        title="父母无力抚养，祖母独自照顾孙子",
        age=(6, 15),
        hard=["未成年人", "无人照护"],
        bar=["政策空白"],
        measures=["临时救助", "教育救助"],
        lines=[
            "{name}，{age}岁，父亲服刑，母亲离家后失联。",
            "目前由{age2}岁的祖母独自抚养，祖母靠捡废品维持生活。",
            "孩子在{street}读小学，学习用品和生活费均有困难。",
        ],
    ),
    Kind(
        title="刑满释放人员无房无业",
        age=(35, 60),
        hard=["住房困难"],
        bar=["政策空白"],
        measures=["临时救助", "就业帮扶"],
        lines=[
            "{name}，{age}岁，刑满释放后回到{street}，原住房已被拆除。",
            "与{relative}多年未联系，暂住在桥洞下。",
            "社区协助其办理身份证明并推荐{job}岗位。",
        ],
    ),
    Kind(
        title="中风后偏瘫，家庭照护与医疗负担重",
        age=(45, 75),
        hard=["重度残疾", "失能", "支出型贫困"],
        bar=["收入超标"],
        measures=["残疾人补贴", "照护服务", "医疗救助"],
        lines=[
            "{name}，{age}岁，因{disease}导致偏瘫，长期卧床。",
            "{relative}辞去{job}工作在家照护，家庭收入骤降。",
            "每月康复和护理支出约{cost}千元。",
        ],
    ),
    Kind(
        title="农村老人土坯房年久失修成危房",
        age=(65, 88),
        hard=["住房困难", "高龄"],
        bar=["有法定赡养人"],
        measures=["住房改造", "临时救助"],
        lines=[
            "{name}，{age}岁，居住在{street}山区的土坯房，墙体开裂，雨天漏水。",
            "儿子在外打工，收入微薄，无力为老人修缮房屋。",
            "经鉴定为C级危房，需尽快改造。",
        ],
    ),
    Kind(
        title="长期流浪人员寻亲未果",
        age=(40, 70),
        hard=["无人照护", "孤寡"],
        bar=["户籍不符"],
        measures=["特困集中供养"],
        lines=[
            "{name}，约{age}岁，长期在{street}一带流浪，身体状况较差。",
            "救助站多次寻亲未果，本人对户籍所在地记忆模糊。",
            "公安部门协助比对后仍无结果。",
        ],
    ),
]

GENERAL_LINES = [
    "{relative}患有{disease}，需长期服药，每月药费约{cost}百元。",
    "家中有{num}口人，主要收入来源为{relative}从事{job}的工资，月收入约{income}元。",
    "一家人租住在{street}的出租屋内，每月房租{cost}百元。",
    "社区走访时发现家中陈设简陋，冰箱等电器损坏多年未修。",
    "前期已向亲友借款{debt}万元，目前无力偿还。",
    "孩子在{street}就读，学校已减免部分费用。",
    "在{hospital}的治疗费用累计已达{cost}万元，医保报销后自付部分仍较高。",
    "本人性格内向，不愿麻烦他人，直到{relative}向社区求助才了解到实际困难。",
    "家庭名下无房产、无车辆，银行存款不足{cost}千元。",
    "近年来物价上涨，家庭生活开支明显增加。",
    "邻居反映{name}经常独自外出就医，身边无人陪伴。",
    "{relative}曾在{street}从事{job}，后因身体原因辞职。",
]
DELIBERATION_LINES = [
    "社区初审认为该户困难情况属实，提交{street}研判。",
    "镇街研判认为现行政策难以覆盖，建议提交区级疑难问题研判会议。",
    "区民政局会同医保、卫健、人社等部门会商，同意按一事一议方式处理。",
    "经家庭经济状况核对，该户收入和财产情况与申报一致。",
    "会议认为应坚持困难群众利益最大化原则，在政策框架内给予叠加救助。",
    "考虑到{relative}的实际负担，会议同意适当提高救助额度。",
    "研判意见认为该情形具有一定代表性，建议总结后形成可推广的做法。",
]
DECISION_LINES = [
    "给予{measure}{amount}元，由{street}负责发放。",
    "纳入动态监测范围，每季度回访一次。",
    "协调慈善总会专项基金资助{amount}元。",
    "由社区网格员定期上门探访，跟踪后续情况。",
    "协助申请残疾人两项补贴和医疗救助。",
]


def generate(
    n: int, seed: int = 7, *, decided: bool = True, first: int = 0
) -> list[PrecedentRecord]:
    """`n` synthetic records; `decided=False` gives new matters (no decision, no measures)."""
    rng = random.Random(seed)
    return [_record(rng, first + i, decided) for i in range(n)]


def pasted(record: PrecedentRecord) -> PrecedentRecord:
    """The same matter as a pasted paragraph: situation only, no structured fields."""
    return PrecedentRecord(
        code=record.code,
        title="",
        district="",
        filed_on=record.filed_on,
        level="",
        situation=f"{record.title}。{record.situation}",
    )


def _record(rng: random.Random, number: int, decided: bool) -> PrecedentRecord:
    kind = rng.choice(KINDS)
    district = rng.choice(list(DISTRICTS))
    initials, streets = DISTRICTS[district]
    street = rng.choice(streets.split())
    filed = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    slots = _slots(rng, rng.randint(*kind.age), street)
    target = int(min(1400, max(100, rng.lognormvariate(6.3, 0.6))))
    situation = _text(rng, list(kind.lines), GENERAL_LINES, int(target * 0.6), slots)
    title = kind.title.format(**slots)
    household = rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 8])
    record = PrecedentRecord(
        code=f"XM-{initials}-{filed.year}-{number:06d}",
        title=title,
        district=district,
        street=street if rng.random() > 0.05 else None,
        filed_on=filed,
        level=rng.choice(["村居", "镇街", "区", "区", "市"]),
        situation=situation,
        discovery=rng.choice(
            ["动态监测预警", "网格员走访", "敲门行动", "主动申请", "部门转介", None]
        ),
        hardships=_noisy(rng, kind.hard),
        barriers=_noisy(rng, kind.bar),
        household_size=household if rng.random() > 0.05 else None,
        monthly_income=Decimal(rng.randrange(0, 4000) * household // 2)
        if rng.random() > 0.05
        else None,
        persons=[Person(name=str(slots["name"]), relation="本人")],
        tags=["一事一议"],
    )
    if decided:
        record.deliberation = _text(rng, [], DELIBERATION_LINES, int(target * 0.25), slots)
        record.measures = [
            Measure(type=m, amount=Decimal(rng.randrange(1, 60) * 1000)) for m in kind.measures
        ]
        record.decision = _text(rng, [], DECISION_LINES, int(target * 0.15), slots)
        record.decided_on = filed + dt.timedelta(days=rng.randrange(10, 90))
    return record


def _slots(rng: random.Random, age: int, street: str) -> dict[str, object]:
    surname = rng.choice(SURNAMES)
    return {
        "name": surname + rng.choice(["某", "某某"]),
        "age": age,
        "age2": rng.randint(60, 80),
        "street": street,
        "job": rng.choice(OCCUPATIONS),
        "disease": rng.choice(DISEASES),
        "hospital": rng.choice(HOSPITALS),
        "drug": rng.choice(DRUGS),
        "relative": rng.choice(RELATIVES),
        "num": rng.choice(NUMERALS),
        "income": rng.randrange(8, 120) * 100,
        "cost": rng.randrange(2, 60),
        "debt": rng.randrange(2, 40),
        "event": rng.choice(["台风", "暴雨", "火灾", "山体滑坡", "洪水"]),
        "measure": rng.choice(["临时救助", "医疗救助", "救急难"]),
        "amount": rng.randrange(2, 80) * 500,
    }


def _text(
    rng: random.Random, first: list[str], pool: list[str], length: int, slots: dict[str, object]
) -> str:
    parts = [line.format(**slots) for line in first]
    while sum(len(p) for p in parts) < length:
        slots = {**slots, "cost": rng.randrange(2, 60), "relative": rng.choice(RELATIVES)}
        slots["job"] = rng.choice(OCCUPATIONS)
        slots["disease"] = rng.choice(DISEASES)
        parts.append(rng.choice(pool).format(**slots))
    return "".join(parts)


def _noisy(rng: random.Random, labels: list[str]) -> list[str]:
    if rng.random() < 0.05:
        return []
    return [label for label in labels if rng.random() > 0.1]
