"""A small hand-written library for the similarity tests: a few kinds of matter, a few each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from precedents.record import Measure, PrecedentRecord


def case(code: str, **fields: Any) -> PrecedentRecord:
    """A decided precedent with sensible defaults; `fields` override any of them."""
    values: dict[str, Any] = {
        "title": "",
        "district": "集美区",
        "filed_on": dt.date(2023, 3, 1),
        "decided_on": dt.date(2023, 4, 1),
        "level": "区",
        "situation": "",
        "decision": "按一事一议给予救助。",
        "measures": [Measure(type="临时救助", amount=Decimal(5000))],
    }
    values.update(fields)
    if "monthly_income" in values and values["monthly_income"] is not None:
        values["monthly_income"] = Decimal(values["monthly_income"])
    return PrecedentRecord(code=code, **values)


def matter(code: str = "NEW-001", **fields: Any) -> PrecedentRecord:
    """A new matter: no decision, no measures."""
    return case(code, decided_on=None, decision="", measures=[], **fields)


def pasted(text: str) -> PrecedentRecord:
    """A record whose only content is a pasted paragraph."""
    return PrecedentRecord(
        code="PASTE", title="", district="", filed_on=dt.date(2024, 5, 1), level="", situation=text
    )


def library() -> list[PrecedentRecord]:
    """Thirteen precedents: child cancer, dialysis, elderly alone, fishing accidents, singletons."""
    return [
        case(
            "T-CC-1",
            title="五岁男童确诊急性白血病，化疗费用高",
            situation="陈某之子，5岁，确诊急性淋巴细胞白血病，需化疗两年，部分进口药在医保目录外，"
            "父亲开货车，母亲辞职陪护，已向亲友借款十万元。",
            hardships=["重病", "未成年人", "支出型贫困"],
            barriers=["收入超标", "超出医保范围"],
            household_size=4,
            monthly_income=8000,
            discovery="主动申请",
        ),
        case(
            "T-CC-2",
            title="女童患神经母细胞瘤赴外地治疗",
            situation="林某某，3岁，神经母细胞瘤，在外地儿童医院手术和化疗，自费药费用巨大，"
            "家庭月收入约九千元，母亲全职陪护患儿。",
            hardships=["重病", "未成年人", "支出型贫困"],
            barriers=["超出医保范围"],
            household_size=3,
            monthly_income=9000,
            district="湖里区",
        ),
        case(
            "T-CC-3",
            title="患儿白血病复发需骨髓移植",
            situation="黄某之女，8岁，白血病复发，医生建议骨髓移植，化疗和移植费用远超家庭承受能力，"
            "父母在工厂打工。",
            hardships=["重病", "未成年人"],
            barriers=["收入超标"],
            household_size=4,
            monthly_income=7600,
        ),
        case(
            "T-DI-1",
            title="尿毒症患者每周血透三次，收入略超低保线",
            situation="蔡某，52岁，尿毒症，每周血液透析三次，无法工作，妻子做保洁，"
            "家庭月收入约三千六百元，人均收入略高于低保标准。",
            hardships=["重病", "支出型贫困"],
            barriers=["收入超标"],
            household_size=3,
            monthly_income=3600,
            measures=[Measure(type="低保边缘"), Measure(type="医疗救助")],
        ),
        case(
            "T-DI-2",
            title="腹透患者家庭因病致贫",
            situation="苏某，41岁，慢性肾衰竭终末期，居家腹膜透析，每月透析液和药费两千余元，"
            "丈夫打零工，收入略超低保标准。",
            hardships=["重病", "支出型贫困"],
            barriers=["收入超标"],
            household_size=3,
            monthly_income=3900,
            district="海沧区",
        ),
        case(
            "T-DI-3",
            title="退休老人透析多年，养老金计入后超标",
            situation="郑某，68岁，尿毒症透析多年，与老伴两人生活，两人养老金合计两千六百元，"
            "计入收入后略超低保标准，透析自付费用高。",
            hardships=["重病", "支出型贫困"],
            barriers=["养老金计入收入", "收入超标"],
            household_size=2,
            monthly_income=2600,
        ),
        case(
            "T-EL-1",
            title="八十六岁独居老人跌倒后无人照护",
            situation="许某，女，86岁，独自居住，近期在家中跌倒，儿子远在外省工作，"
            "日常买菜做饭都有困难，每月养老金两千一百元。",
            hardships=["高龄", "无人照护"],
            barriers=["有法定赡养人"],
            household_size=1,
            monthly_income=2100,
            measures=[Measure(type="照护服务")],
        ),
        case(
            "T-EL-2",
            title="九旬空巢老人助餐助浴",
            situation="何某，91岁，空巢老人，老伴去世后一人居住，子女均定居国外，"
            "行动不便，需要上门助餐助浴。",
            hardships=["高龄", "无人照护"],
            barriers=["有法定赡养人"],
            household_size=1,
            monthly_income=3000,
            district="思明区",
        ),
        case(
            "T-EL-3",
            title="半失能独居老人申请家庭照护床位",
            situation="吴某，83岁，半失能，独自生活，女儿自身患病无力照护，"
            "申请家庭照护床位和上门护理。",
            hardships=["高龄", "失能", "无人照护"],
            barriers=["有法定赡养人"],
            household_size=1,
            monthly_income=2800,
        ),
        case(
            "T-FI-1",
            title="台风中渔船沉没，渔民失去生计",
            situation="洪某，50岁，渔民，台风过境时停泊的渔船被巨浪撞毁沉没，渔网全部损失，"
            "渔船未参加渔业互助保险。",
            hardships=["因灾", "重大变故"],
            barriers=["政策空白"],
            household_size=4,
            monthly_income=1500,
            district="翔安区",
        ),
        case(
            "T-FI-2",
            title="渔船出海作业起火，船主受伤",
            situation="蔡某某，47岁，驾驶渔船出海作业时机舱起火，渔船烧毁，本人跳海获救后受伤住院，"
            "渔船是家庭主要谋生工具。",
            hardships=["重大变故"],
            barriers=[],
            household_size=4,
            monthly_income=2000,
        ),
        case(
            "T-RA-1",
            title="渐冻症患者居家使用呼吸机",
            situation="叶某，39岁，渐冻症，居家使用呼吸机，护理和电费负担沉重，"
            "部分药品不在医保目录内。",
            hardships=["罕见病", "失能", "支出型贫困"],
            barriers=["超出医保范围"],
            household_size=3,
            monthly_income=6000,
        ),
        case(
            "T-MH-1",
            title="独居精神分裂症患者住院费用无着",
            situation="刘某，47岁，精神分裂症二十余年，父母去世后独自居住，近期病情加重送医住院，"
            "住院费用无人缴纳。",
            hardships=["精神障碍", "无人照护"],
            barriers=["超出医保范围"],
            household_size=1,
            monthly_income=0,
            measures=[Measure(type="特困供养")],
        ),
    ]


def unrelated_matter() -> PrecedentRecord:
    """A matter nothing in `library()` is a usable precedent for."""
    return matter(
        "NEW-FRAUD",
        title="退休夫妇遭冒充公检法诈骗，积蓄被骗光",
        situation="某退休教师夫妇接到冒充公检法的电话，先后转账三十余万元，全部积蓄被骗，"
        "公安已立案侦查，追回希望渺茫，二人情绪低落。",
        hardships=["重大变故"],
        barriers=["政策空白"],
        household_size=2,
        monthly_income=5200,
        district="思明区",
    )


def dialysis_matter() -> PrecedentRecord:
    """A new dialysis matter, entered as a form."""
    return matter(
        "NEW-DIALYSIS",
        title="中年男子血透维持，家庭收入略高于低保线",
        situation="王某，55岁，终末期肾病，每周血液透析三次，妻子在超市上班，"
        "家庭月收入约三千五百元，人均略超低保标准，透析自付部分难以承受。",
        hardships=["重病", "支出型贫困"],
        barriers=["收入超标"],
        household_size=3,
        monthly_income=3500,
        discovery="网格员走访",
    )
