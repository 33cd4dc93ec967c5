"""Sample content for each document kind, already masked.

Used to preview an office template before exporting real matters, to render
the screenshots in the docs, and by the tests. The cases follow the Xiamen
report of August 2024 (the Gaucher-disease case of 海沧区东孚街道).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from precedents.documents.matter import MatterFacts
from precedents.documents.minutes import Minutes
from precedents.documents.policy_draft import (
    AmountStat,
    DraftingNote,
    Evidence,
    PolicyDraft,
    Statement,
    SupportingPrecedent,
)
from precedents.documents.retrieval_report import RetrievalHit, RetrievalReport
from precedents.documents.review_form import ReviewForm
from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    Reference,
    ReferenceMode,
    Review,
    Role,
    Stance,
)
from precedents.record import Measure

ORGANISATION = "厦门市民政局"


def sample_matter() -> MatterFacts:
    return MatterFacts(
        title="东孚街道戈谢病患者胡某医疗费用支出过大申请救助",
        code="XM-HC-2024-031",
        district="海沧区",
        street="东孚街道",
        filed_on=dt.date(2024, 3, 4),
        discovery="动态监测预警",
        level="区",
        household_size=3,
        monthly_income=Decimal("9800"),
        hardships=["罕见病", "重病", "支出型贫困"],
        barriers=["收入超标", "家庭成员合并计算", "超出医保范围"],
        situation=(
            "小胡，17岁，确诊戈谢病，需长期使用特效药，年药费近100万元，大部分不在医保报销范围。\n"
            "父母均在企业务工，家庭月收入约9800元，按家庭合并计算人均收入高于低保标准，"
            "不能纳入低保；已借款30余万元维持治疗。"
        ),
    )


def _hits() -> list[RetrievalHit]:
    return [
        RetrievalHit(
            code="XM-SM-2022-014",
            title="渐冻症患者药费支出过大，单独纳入低保并给予临时救助",
            score=0.86,
            reasons=[
                "同为罕见病、支出型贫困",
                "同因家庭成员合并计算收入超标",
                "关键词：特效药、医保外",
            ],
            decision="按单人户纳入低保，给予临时救助。",
            measures=[Measure("单人户低保"), Measure("临时救助", Decimal("30000"))],
            decided_on=dt.date(2022, 9, 16),
            use=ReferenceMode.FOLLOWED,
            use_note="患者本人重病、家庭因药费陷入困难、障碍同为合并计算收入，处理结果可以参照。",
            policy="重病患者单人户纳入低保（2023年施行）",
        ),
        RetrievalHit(
            code="XM-JM-2023-022",
            title="白血病患儿治疗费用超出医保范围，启动救急难并动员社会捐赠",
            score=0.74,
            reasons=["同为重病、未成年人", "同有超出医保范围费用", "金额相近"],
            decision="启动救急难，先行给予临时救助，链接慈善资源。",
            measures=[Measure("救急难", Decimal("50000")), Measure("社会捐赠", Decimal("260000"))],
            decided_on=dt.date(2023, 11, 2),
            use=ReferenceMode.CONSULTED,
            use_note="救急难与社会捐赠的组合可供参考，但该户未提出低保申请。",
        ),
        RetrievalHit(
            code="XM-TA-2021-500",
            title="智力残疾人随兄长一家生活，合并计算收入超标，单独纳入低保",
            score=0.41,
            reasons=["同因家庭成员合并计算收入超标"],
            decision="按单人户纳入低保。",
            measures=[Measure("单人户低保")],
            decided_on=dt.date(2021, 4, 2),
        ),
    ]


def sample_retrieval_report(*, close: bool = True) -> RetrievalReport:
    """A report with close precedents, or the 'no close precedent' variant."""
    hits = _hits() if close else [_hits()[2]]
    return RetrievalReport(
        matter=sample_matter(),
        officer="王某",
        department="市民政局社会救助处",
        searched_at=dt.datetime(2024, 3, 12, 9, 30),
        method=(
            "对待决事项的情况描述作中文分词，计算与库内先例叙述的文本相似度，"
            "并按困难情形、政策障碍、家庭人口、收入与低保标准之比、年龄段、发现渠道、所在区"
            "逐项比较属性相似度，加权得到0至1之间的校准分数；已决定的、较新的先例排在前面。"
        ),
        query="罕见病 戈谢病 药费 医保外 收入超标 合并计算 低保",
        threshold=0.6,
        hits=hits,
        scope="本局一事一议先例库，已决定先例80件",
        organisation=ORGANISATION,
    )


TITLES = {
    "XM-SM-2022-014": "渐冻症患者药费支出过大，单独纳入低保并给予临时救助",
    "XM-JM-2023-022": "白血病患儿治疗费用超出医保范围，启动救急难并动员社会捐赠",
}


def sample_city_review() -> Review:
    """The city-level meeting that decided the Gaucher case, with a dissent."""
    return Review(
        level="市",
        held_on=dt.date(2024, 3, 15),
        place="市民政局三楼会议室",
        chair="市民政局副局长陈某",
        references=[
            Reference("XM-SM-2022-014", ReferenceMode.FOLLOWED, 0.86, "处理结果参照该先例。"),
            Reference(
                "XM-JM-2023-022", ReferenceMode.CONSULTED, 0.74, "救急难与社会捐赠的做法供参考。"
            ),
        ],
        opinions=[
            Opinion(
                "林某",
                "患者药费远超家庭承受能力，应先行启动救急难，再研究纳入低保。",
                "海沧区民政局",
            ),
            Opinion(
                "黄某",
                "可协调药企给予价格优惠，医保部门同步核查可报销部分。",
                "市医保局",
                Stance.SUPPLEMENT,
            ),
            Opinion(
                "郑某",
                "单人户纳入低保突破了合并计算的规定，应待普惠政策出台后统一办理，本次以临时救助为主。",
                "市财政局",
                Stance.DISSENT,
            ),
        ],
        outcome=Outcome.DECIDED,
        decision_text="会议同意启动救急难，将胡某按单人户纳入低保，并多渠道筹措治疗费用。",
        measures=[
            Measure(
                "救急难",
                Decimal("58000"),
                "区级临时救助资金列支",
                "海沧区民政局",
                dt.date(2024, 3, 31),
            ),
            Measure(
                "单人户低保", None, "自2024年4月起按月发放", "海沧区民政局", dt.date(2024, 4, 10)
            ),
            Measure("社会捐赠", None, "动员慈善组织募集", "市慈善总会", dt.date(2024, 6, 30)),
            Measure("价格优惠", None, "与药企协商特效药价格", "市医保局", dt.date(2024, 5, 31)),
        ],
        consistency_reason=(
            "救急难金额58000元高于参照先例临时救助金额（30000元），"
            "因本案年药费近100万元，远高于先例，故提高金额。"
        ),
        participants=[
            Participant("陈某", "市民政局"),
            Participant("吴某", "市民政局"),
            Participant("郑某", "市财政局"),
            Participant("黄某", "市医保局"),
            Participant("蔡某", "市卫生健康委"),
            Participant("林某", "海沧区民政局"),
            Participant("许某", "市人社局", Role.ABSENT),
            Participant("杨某", "东孚街道办事处", Role.ATTENDING),
            Participant("刘某", "市慈善总会", Role.ATTENDING),
        ],
    )


def sample_lower_reviews() -> list[Review]:
    """The street and district meetings that sent the case up."""
    return [
        Review(
            level="镇街",
            held_on=dt.date(2024, 3, 6),
            chair="东孚街道",
            outcome=Outcome.ESCALATED,
            outcome_reason="药费支出远超家庭承受能力，现有政策无法纳入低保",
        ),
        Review(
            level="区",
            held_on=dt.date(2024, 3, 8),
            chair="海沧区民政局",
            outcome=Outcome.ESCALATED,
            outcome_reason="先行给予临时救助；单独纳入低保需突破合并计算规定",
        ),
    ]


def sample_minutes() -> Minutes:
    return Minutes(
        organisation=ORGANISATION,
        matter=sample_matter(),
        review=sample_city_review(),
        titles=dict(TITLES),
        number="第3期",
    )


def sample_review_form() -> ReviewForm:
    return ReviewForm(
        matter=sample_matter(),
        reviews=[*sample_lower_reviews(), sample_city_review()],
        titles=dict(TITLES),
        household="3人：本人、父亲、母亲",
        organisation=ORGANISATION,
        filled_on=dt.date(2024, 3, 15),
    )


def sample_policy_draft() -> PolicyDraft:
    codes = [
        "XM-SM-2022-014",
        "XM-HC-2024-031",
        "XM-TA-2021-500",
        "XM-JM-2023-022",
        "XM-XA-2023-008",
    ]
    return PolicyDraft(
        title="厦门市关于重病患者单独纳入最低生活保障的\n若干措施",
        drafter=ORGANISATION,
        drafted_on=dt.date(2024, 9, 2),
        preamble=[
            Statement(
                "为解决重病患者因家庭成员收入合并计算而无法纳入低保的问题，根据《社会救助暂行办法》"
                "和《福建省最低生活保障办法》，总结本市一事一议先例，制定本措施"
            )
        ],
        applicable=[
            Statement(
                "本市户籍，患有重特大疾病或罕见病、需长期治疗的人员，其所在家庭人均收入高于本市低保标准"
                "但医疗费用支出较大的",
                codes[:3],
            )
        ],
        conditions=[
            Statement(
                "经二级以上医院确诊，且自付医疗费用超过家庭年收入的50%", codes[:2], "疾病与费用"
            ),
            Statement("患者本人无收入或收入低于本市低保标准", codes[:3], "本人收入"),
            Statement("家庭财产符合低保财产条件", heading="家庭财产"),
        ],
        measures=[
            Statement(
                "符合条件的，可将患者按单人户纳入低保，不再合并计算其他家庭成员收入",
                codes[:3],
                "单人户低保",
            ),
            Statement(
                "药费负担特别沉重的，可同时给予临时救助，金额一般为30000元至58000元",
                codes[:2] + codes[3:4],
                "临时救助",
            ),
            Statement(
                "民政部门会同医保部门协商药品价格优惠，动员慈善组织开展救助",
                codes[1:2],
                "价格优惠与慈善救助",
            ),
        ],
        procedure=[
            Statement(
                "本人或其家庭成员向户籍所在地镇（街道）提出申请，也可由网格员、动态监测预警发现后代为申请。"
            ),
            Statement("镇（街道）在10个工作日内完成入户调查和家庭经济状况核对，区民政局审核确认。"),
        ],
        supplementary=[
            Statement("本措施由市民政局负责解释。"),
            Statement("本措施自印发之日起施行，有效期3年。"),
        ],
        precedents=[
            SupportingPrecedent(
                codes[2],
                "智力残疾人随兄长一家生活，合并计算收入超标，单独纳入低保",
                "同安区",
                "莲花镇",
                dt.date(2021, 4, 2),
                [Measure("单人户低保")],
            ),
            SupportingPrecedent(
                codes[0],
                "渐冻症患者药费支出过大，单独纳入低保并给予临时救助",
                "思明区",
                "嘉莲街道",
                dt.date(2022, 9, 16),
                [Measure("单人户低保"), Measure("临时救助", Decimal("30000"))],
            ),
            SupportingPrecedent(
                codes[3],
                "白血病患儿治疗费用超出医保范围，启动救急难并动员社会捐赠",
                "集美区",
                "侨英街道",
                dt.date(2023, 11, 2),
                [Measure("救急难", Decimal("50000")), Measure("社会捐赠", Decimal("260000"))],
            ),
            SupportingPrecedent(
                codes[4],
                "尿毒症患者透析费用高，合并计算收入超标，单独纳入低保",
                "翔安区",
                "新店街道",
                dt.date(2023, 6, 20),
                [Measure("单人户低保"), Measure("医疗救助", Decimal("12000"))],
            ),
            SupportingPrecedent(
                codes[1],
                "戈谢病患者药费支出过大，单人户纳入低保并启动救急难",
                "海沧区",
                "东孚街道",
                dt.date(2024, 3, 15),
                [Measure("单人户低保"), Measure("救急难", Decimal("58000"))],
            ),
        ],
        note=DraftingNote(
            evidence=Evidence(
                precedent_count=5,
                districts=["同安区", "思明区", "集美区", "翔安区", "海沧区"],
                period_start=dt.date(2021, 4, 2),
                period_end=dt.date(2024, 3, 15),
                hardships=["重病", "罕见病", "支出型贫困"],
                barriers=["家庭成员合并计算", "收入超标"],
                amounts=[
                    AmountStat(
                        "临时救助与救急难", 3, Decimal("30000"), Decimal("50000"), Decimal("58000")
                    ),
                    AmountStat("医疗救助", 1, Decimal("12000"), Decimal("12000"), Decimal("12000")),
                ],
                codes=codes,
            ),
            background=[
                Statement(
                    "近年来，重病患者因药费支出过大陷入困难，但因家庭成员收入合并计算超过低保标准，"
                    "只能逐案提交一事一议研判",
                    codes[:2],
                )
            ],
            main_points=[
                Statement(
                    "明确重病患者可按单人户纳入低保，将一事一议的个案做法转为普惠政策", codes[:3]
                )
            ],
            open_questions=[
                Statement(
                    "“自付医疗费用超过家庭年收入的50%”的比例取自先例的中位情形，请各区结合实际提出意见。"
                )
            ],
        ),
    )
