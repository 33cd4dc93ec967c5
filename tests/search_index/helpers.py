"""Hand-written precedents for the search tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from precedents.record import Measure, PrecedentRecord, RecordMeta, Status
from search_index.results import SearchResult


def make_record(
    code: str,
    title: str,
    situation: str,
    *,
    district: str = "集美区",
    street: str | None = "后溪镇",
    year: int = 2023,
    level: str = "区",
    measures: tuple[str, ...] = (),
    decision: str = "",
    deliberation: str = "",
    hardships: tuple[str, ...] = (),
    barriers: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    status: Status = Status.DECIDED,
    amount: int | None = None,
) -> PrecedentRecord:
    return PrecedentRecord(
        code=code,
        title=title,
        district=district,
        street=street,
        filed_on=dt.date(year, 3, 1),
        decided_on=dt.date(year, 4, 1) if status is Status.DECIDED else None,
        level=level,
        discovery="主动申请",
        hardships=list(hardships),
        barriers=list(barriers),
        measures=[Measure(m, Decimal(amount) if amount else None, "") for m in measures],
        situation=situation,
        deliberation=deliberation,
        decision=decision,
        tags=list(tags),
        meta=RecordMeta(status=status),
    )


def corpus() -> list[PrecedentRecord]:
    return [
        make_record(
            "T-001",
            "戈谢病青年药费巨大，一事一议救急难",
            "胡某，22岁，患戈谢病，每年药费近百万元，大部分在医保目录外。",
            district="海沧区",
            street="东孚街道",
            measures=("救急难", "价格优惠"),
            decision="启动救急难，给予临时救助5.8万元，协调药企价格优惠。",
            hardships=("罕见病",),
            barriers=("收入超标", "超出医保范围"),
            amount=58000,
        ),
        make_record(
            "T-002",
            "领取被征地农民养老金的失能老人纳入特困集中供养",
            "王某，75岁，孤寡老人，每月领取被征地农民养老金2600元，生活无法自理。",
            measures=("特困集中供养",),
            decision="本人自愿将养老金上交财政后，纳入特困集中供养。",
            hardships=("失能", "孤寡", "高龄"),
            barriers=("养老金计入收入",),
            level="市",
            year=2023,
        ),
        make_record(
            "T-003",
            "尿毒症患者长期血液透析，认定低保边缘家庭",
            "蔡某，52岁，患尿毒症，每周血液透析三次，家庭收入略超低保标准。",
            district="湖里区",
            street="殿前街道",
            measures=("低保边缘", "医疗救助"),
            decision="认定为低保边缘家庭，给予医疗救助。",
            hardships=("重病", "支出型贫困"),
            barriers=("收入超标",),
            year=2021,
        ),
        make_record(
            "T-004",
            "白血病患儿化疗费用高",
            "林某之子，6岁，患急性淋巴细胞白血病。家庭收入高于低保边缘标准，不能认定为低边家庭。",
            district="思明区",
            street="莲前街道",
            measures=("医疗救助", "临时救助"),
            decision="给予医疗救助5万元和临时救助2万元。",
            hardships=("重病", "未成年人"),
            year=2022,
        ),
        make_record(
            "T-005",
            "自闭症儿童康复训练",
            "陈某某，4岁，被诊断为孤独症谱系障碍，康复训练每月6000元。",
            measures=("残疾人补贴", "临时救助"),
            decision="给予临时救助。",
            hardships=("未成年人",),
            year=2024,
            status=Status.UNDER_REVIEW,
        ),
        make_record(
            "T-006",
            "獨居老人無人照護",
            "黃某，85歲，獨自居住，子女在外地。",
            district="翔安区",
            street="内厝镇",
            measures=("照护服务",),
            hardships=("高龄", "无人照护"),
            level="镇街",
            year=2024,
        ),
    ]


def codes(result: SearchResult) -> list[str]:
    return [hit.code for hit in result.hits]
