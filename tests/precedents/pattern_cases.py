"""Crafted precedents for the pattern tests: three recurring kinds of case and distractors.

* 透析 (dialysis): 重病 + 支出型贫困, 收入超标 → 低保边缘 + 医疗救助, five cases in four districts;
* 渔船 (fishing boats lost at sea): 重大变故 → 临时救助, five cases in three districts;
* 单人户 (disabled adults living with a sibling): 重度残疾, 家庭成员合并计算 + 收入超标
  → 单人户低保, four cases in three districts;
* distractors sharing structured fields with a pattern (lung cancer, tea farmer; other seriously
  ill households, as common in real data as 重病 with 收入超标 is), a recurring
  kind of case seen in one district only, and matters that are not decided yet.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from precedents.record import Measure, Person, PrecedentRecord, RecordMeta, Status

DISTRICTS = {
    "SM": "思明区",
    "HL": "湖里区",
    "JM": "集美区",
    "HC": "海沧区",
    "TA": "同安区",
    "XA": "翔安区",
}


def case(
    code: str,
    filed: str,
    hardships: list[str],
    barriers: list[str],
    measures: list[tuple[str, int | None]],
    title: str,
    situation: str,
    decision: str,
    *,
    size: int = 3,
    income: int | None = 3000,
    status: Status = Status.DECIDED,
    persons: list[Person] | None = None,
) -> PrecedentRecord:
    filed_on = dt.date.fromisoformat(filed)
    decided = status in (Status.DECIDED, Status.ARCHIVED)
    return PrecedentRecord(
        code=code,
        title=title,
        district=DISTRICTS[code.split("-")[1]],
        filed_on=filed_on,
        decided_on=filed_on + dt.timedelta(days=20) if decided else None,
        level="区",
        situation=situation,
        hardships=hardships,
        barriers=barriers,
        household_size=size,
        monthly_income=None if income is None else Decimal(income),
        measures=[Measure(t, None if a is None else Decimal(a)) for t, a in measures],
        decision=decision if decided else "",
        persons=persons or [],
        meta=RecordMeta(id=None if status is Status.DECIDED else 1, status=status),
    )


def dialysis() -> list[PrecedentRecord]:
    rows = [
        (
            "T-SM-2021-001",
            "2021-03-02",
            12000,
            "尿毒症患者每周血液透析三次，家庭收入略超低保标准",
            "蔡某患尿毒症多年，每周到医院血液透析三次，透析和药物自付费用高，妻子打零工维持生活。",
        ),
        (
            "T-HL-2022-001",
            "2022-05-10",
            18000,
            "慢性肾衰竭终末期居家腹膜透析，扣除医疗支出后纳入低边",
            "陈某慢性肾衰竭终末期，确诊尿毒症后居家腹透，透析耗材自付，家庭收入扣除医疗支出后低于标准。",
        ),
        (
            "T-JM-2022-002",
            "2022-09-15",
            15000,
            "等待肾移植的透析患者因病致贫",
            "林某尿毒症血透五年，等待肾移植，透析自付费用占家庭收入一半，儿子在读。",
        ),
        (
            "T-HC-2023-001",
            "2023-04-20",
            25000,
            "透析并发症反复住院，认定低保边缘家庭",
            "黄某尿毒症长期透析，并发症反复住院，医疗自付高，家庭人均收入略高于低保标准。",
        ),
        (
            "T-SM-2024-002",
            "2024-02-11",
            20000,
            "青年尿毒症患者血透，与父母同户收入略超",
            "吴某二十八岁，尿毒症规律血液透析，无法工作，与父母同户生活，透析费用自付部分较大。",
        ),
    ]
    return [
        case(code, filed, ["重病", "支出型贫困"], ["收入超标"],
             [("低保边缘", None), ("医疗救助", amount)], title, situation,
             f"认定为低保边缘家庭，给予医疗救助{amount}元，减轻透析负担。",
             size=3 + i % 2, income=3600 + 300 * i)
        for i, (code, filed, amount, title, situation) in enumerate(rows)
    ]  # fmt: skip


def fishing() -> list[PrecedentRecord]:
    rows = [
        (
            "T-XA-2021-001",
            "2021-08-03",
            10000,
            "台风过境渔船被毁，渔民生计中断",
            "渔民郑某的渔船在台风中被巨浪击毁，全家依靠出海捕鱼为生，渔船损毁后生计中断。",
        ),
        (
            "T-HC-2022-002",
            "2022-03-18",
            20000,
            "渔船触礁沉没，船主背负贷款",
            "船主许某出海作业时渔船触礁沉没，本人获救，渔船贷款尚未还清，渔民家庭生活困难。",
        ),
        (
            "T-XA-2022-003",
            "2022-11-09",
            8000,
            "老渔民出海遇大风翻船受伤",
            "老渔民吴某驾小渔船出海遇大风翻船，被路过渔船救起，住院治疗，无力修船。",
        ),
        (
            "T-JM-2023-003",
            "2023-06-25",
            12000,
            "渔船发动机起火烧毁，船主生活困难",
            "渔民周某的渔船在海上作业时发动机起火，渔船烧毁，船主获救后失去收入来源。",
        ),
        (
            "T-XA-2024-004",
            "2024-07-30",
            30000,
            "渔民海上作业落水失踪，家属生活无着",
            "渔民蔡某出海作业时落水失踪，渔船随后被拖回，家中妻子和两个孩子生活无着。",
        ),
    ]
    return [
        case(code, filed, ["重大变故"], [], [("临时救助", amount)], title, situation,
             f"给予临时救助{amount}元，协调渔业互助组帮助修复渔船。", size=4, income=1500 + 100 * i)
        for i, (code, filed, amount, title, situation) in enumerate(rows)
    ]  # fmt: skip


def single_household() -> list[PrecedentRecord]:
    rows = [
        (
            "T-TA-2021-001",
            "2021-05-06",
            "智力残疾人随兄长一家生活，单独纳入低保",
            "王某智力残疾二级，父母去世后随哥哥一家生活，户口在同一户，哥哥嫂子务工，合并计算收入后超标。",
        ),
        (
            "T-JM-2022-004",
            "2022-07-12",
            "一级肢体残疾女子与弟弟家同户，申请单人户低保",
            "刘某一级肢体残疾，与弟弟一家同户生活，兄弟姐妹不是法定赡养人，合并计算收入后超过低保标准。",
        ),
        (
            "T-SM-2023-003",
            "2023-01-19",
            "精神残疾男子户口挂靠姐姐家，单独施保",
            "许某精神残疾一级，户口挂靠在姐姐家，与姐姐一家同户，合并计算后人均收入超标，无法单独申请。",
        ),
        (
            "T-TA-2024-002",
            "2024-03-08",
            "盲人与哥嫂同户，按单人户纳入低保",
            "陈某双目失明，一级视力残疾，与哥哥嫂子同户生活，合并计算收入超标，按单人户申请。",
        ),
    ]
    return [
        case(code, filed, ["重度残疾"], ["家庭成员合并计算", "收入超标"], [("单人户低保", None)],
             title, situation, "兄弟姐妹不属于法定赡养义务人，按单人户纳入低保，单独施保。",
             size=5, income=9000 + 500 * i)
        for i, (code, filed, title, situation) in enumerate(rows)
    ]  # fmt: skip


def distractors() -> list[PrecedentRecord]:
    """Cases that share structured fields or words with a pattern but are not of its kind."""
    return [
        case("T-HC-2023-009", "2023-09-01", ["重病", "支出型贫困"], ["收入超标"],
             [("低保边缘", None), ("医疗救助", 30000)], "肺癌晚期靶向药自费，家庭因病致贫",
             "中年男子确诊肺癌晚期，靶向药物不在医保目录内，每月自费近万元，妻子辞职照顾。",
             "认定为低保边缘家庭，给予医疗救助30000元。"),
        case("T-SM-2022-009", "2022-02-14", ["重病", "未成年人", "支出型贫困"], ["收入超标"],
             [("医疗救助", 40000), ("慈善救助", 60000)], "白血病患儿骨髓移植费用巨大",
             "六岁男孩确诊急性白血病，需要骨髓移植，父母借遍亲友，家庭负债累累。",
             "给予医疗救助40000元，协调慈善总会资助60000元。"),
        case("T-XA-2023-009", "2023-03-21", ["重病", "支出型贫困"], ["收入超标", "超出医保范围"],
             [("医疗救助", 15000), ("临时救助", 6000)], "石材工人患尘肺病，工伤认定无果",
             "石材加工工人黄某确诊尘肺病，呼吸困难无法工作，工伤认定没有结果，治疗费用自理。",
             "给予医疗救助15000元、临时救助6000元。"),
        case("T-HL-2023-009", "2023-05-17", ["罕见病", "支出型贫困"], ["收入超标", "超出医保范围"],
             [("医疗救助", 12000), ("慈善救助", 30000)], "重型血友病青年预防治疗费用高",
             "青年许某患重型血友病，需要长期注射凝血因子预防出血，药费大部分自理。",
             "给予医疗救助12000元，协调慈善资金30000元。"),
        case("T-JM-2023-009", "2023-08-08", ["重病", "失能"], ["收入超标"],
             [("临时救助", 8000), ("照护服务", None)], "中年男子突发脑梗偏瘫，妻子辞职照护",
             "周某突发脑梗死，经抢救后偏瘫卧床，妻子辞职照护，家庭失去主要收入。",
             "给予临时救助8000元，提供居家照护服务。"),
        case("T-TA-2024-009", "2024-06-02", ["因灾"], ["政策空白"], [("临时救助", 5000)],
             "暴雨引发山体滑坡冲毁茶园", "茶农李某的茶园被暴雨引发的山体滑坡冲毁，一年收入无着。",
             "给予临时救助5000元，协调农业部门帮助补种。"),
        case("T-JM-2024-010", "2024-10-12", ["因学", "重大变故"], ["政策空白"],
             [("教育救助", 5000), ("社会捐赠", 8000)], "大学新生父亲病逝，学费无着",
             "大学新生张某父亲病逝，母亲无业，学费和生活费没有着落。",
             "给予教育救助5000元，协调爱心企业捐赠8000元。"),
    ]  # fmt: skip


def background() -> list[PrecedentRecord]:
    """Unrelated single cases with the commonest hardships and barriers, as in real data."""
    rows = [
        (
            "T-SM-2021-030",
            "2021-06-01",
            ["重病", "支出型贫困"],
            ["超出医保范围"],
            "医疗救助",
            9000,
            "胰腺癌术后化疗费用高",
            "退休教师患胰腺癌，术后化疗费用大部分不在医保范围。",
            "协调医院减免部分床位费，给予医疗救助。",
        ),
        (
            "T-HL-2021-030",
            "2021-09-12",
            ["重病", "支出型贫困"],
            ["收入超标"],
            "临时救助",
            5000,
            "心脏搭桥手术后家庭负债",
            "个体户心脏搭桥手术，借款十余万元，店铺停业。",
            "一次性临时救助，街道跟踪回访。",
        ),
        (
            "T-JM-2022-030",
            "2022-01-20",
            ["支出型贫困", "因学"],
            ["收入超标"],
            "教育救助",
            6000,
            "三个孩子同时上大学，学费负担沉重",
            "家中三个孩子同年考上大学，学费住宿费合计四万余元。",
            "给予教育救助并推荐勤工助学岗位。",
        ),
        (
            "T-HC-2022-030",
            "2022-10-05",
            ["重病", "支出型贫困", "高龄"],
            ["收入超标"],
            "医疗救助",
            7000,
            "高龄老人髋关节置换",
            "八十二岁老人摔倒后髋关节置换，进口假体自付较多。",
            "按支出型困难给予医疗救助，社区安排志愿者探访。",
        ),
        (
            "T-TA-2023-030",
            "2023-02-27",
            ["重病"],
            ["收入超标", "有法定赡养人"],
            "临时救助",
            4000,
            "乳腺癌妇女放疗期间丈夫失业",
            "妇女确诊乳腺癌正在放疗，丈夫工厂裁员失业。",
            "给予临时救助，人社部门帮助丈夫再就业。",
        ),
        (
            "T-XA-2023-030",
            "2023-07-14",
            ["支出型贫困", "重大变故"],
            ["收入超标"],
            "临时救助",
            3000,
            "家中房屋漏水导致电器损毁",
            "老旧房屋漏雨导致电路短路，家电全部损毁需要更换。",
            "临时救助用于购置基本家电。",
        ),
        (
            "T-SM-2024-030",
            "2024-04-22",
            ["重病", "支出型贫困"],
            ["收入超标"],
            "医疗救助",
            8000,
            "红斑狼疮患者长期服药",
            "年轻女性患系统性红斑狼疮，长期服用激素和免疫抑制剂。",
            "纳入门诊慢特病保障，另给予医疗救助。",
        ),
        (
            "T-HL-2024-030",
            "2024-09-09",
            ["重病", "支出型贫困"],
            ["收入超标"],
            "慈善救助",
            20000,
            "早产双胞胎新生儿重症监护费用高",
            "早产双胞胎在新生儿重症监护室住院两个月，费用巨大。",
            "协调慈善基金资助。",
        ),
    ]
    return [
        case(code, filed, hardships, barriers, [(measure, amount)], title, situation, decision)
        for code, filed, hardships, barriers, measure, amount, title, situation, decision in rows
    ]  # fmt: skip


def one_district() -> list[PrecedentRecord]:
    """A recurring kind of case from a single district: too local for a general policy."""
    return [
        case(f"T-SM-202{i}-10{i}", f"202{i}-04-0{i}", ["住房困难", "因灾"], ["政策空白"],
             [("住房改造", None), ("临时救助", 3000)], "台风损毁危旧房屋，给予住房改造补助",
             f"老屋在台风中屋顶被掀，墙体开裂成为危房，一家{i + 2}口无处居住，需要重建加固。",
             "给予住房改造补助和临时救助3000元，协调施工队重建加固。")
        for i in (1, 2, 3)
    ]  # fmt: skip


def undecided() -> list[PrecedentRecord]:
    """Matters still under review: never part of a pattern."""
    return [
        case("T-XA-2024-020", "2024-11-02", ["重病", "支出型贫困"], ["收入超标"], [],
             "尿毒症患者血液透析，申请救助",
             "郑某尿毒症每周血液透析，透析自付费用高，收入略超标准。",
             "", status=Status.UNDER_REVIEW),
    ]  # fmt: skip


def all_cases() -> list[PrecedentRecord]:
    return [
        *dialysis(),
        *fishing(),
        *single_household(),
        *distractors(),
        *background(),
        *one_district(),
        *undecided(),
    ]


def codes(records: list[PrecedentRecord]) -> set[str]:
    return {r.code for r in records}
