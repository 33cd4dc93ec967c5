"""The four document kinds, reopened with python-docx: structure, wording, masking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument

from precedents.documents import samples, styles
from precedents.documents.checks import document_text, export_problems
from precedents.documents.fonts import FontSet
from precedents.documents.matter import MatterFacts
from precedents.documents.minutes import Minutes, attendance_text, render_minutes
from precedents.documents.policy_draft import Statement, evidence_sentences, render_policy_draft
from precedents.documents.retrieval_report import (
    NO_CLOSE_PRECEDENT,
    render_retrieval_report,
    standard_conclusion,
)
from precedents.documents.review_form import render_review_form, review_opinion
from precedents.documents.text import chinese_numeral, format_amount, format_date
from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    ReferenceMode,
    Review,
    Role,
    Stance,
)
from precedents.record import Measure, PrecedentRecord

FONTS = FontSet()
REAL_NAME = "胡小明"


def unmask(text: str) -> str:
    return text.replace("胡某", REAL_NAME).replace("小胡", REAL_NAME)


def masker(text: str) -> str:
    return text.replace(REAL_NAME, "胡某")


def headings(document: DocxDocument, level: int = 1) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == styles.HEADINGS[level - 1]]


def texts(document: DocxDocument) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_retrieval_report_structure(tmp_path: Path) -> None:
    report = samples.sample_retrieval_report()
    path = render_retrieval_report(report, tmp_path / "report.docx", fonts=FONTS)
    document = docx.Document(str(path))
    assert headings(document) == [
        "一、待决事项基本情况",
        "二、检索方法",
        "三、检索结果",
        "四、参照与参考",
        "五、检索结论",
    ]
    assert texts(document)[0] == "类案检索报告"
    assert "检索人：王某（市民政局社会救助处）" in texts(document)
    assert "检索时间：2024年3月12日 09:30" in texts(document)
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "编号",
        "标题",
        "决定与措施",
        "相似度",
        "相似理由",
        "运用",
    ]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [row[0] for row in rows] == ["XM-SM-2022-014", "XM-JM-2023-022", "XM-TA-2021-500"]
    assert [row[3] for row in rows] == ["0.86", "0.74", "0.41"]
    assert [row[5] for row in rows] == ["参照", "参考", "—"]
    assert "临时救助30000元" in rows[0][2] and "已有普惠政策" in rows[0][1]
    body = "\n".join(texts(document))
    assert "（一）参照XM-SM-2022-014。" in body and "（二）参考XM-JM-2023-022。" in body
    assert NO_CLOSE_PRECEDENT not in body
    assert export_problems(path) == []


def test_retrieval_report_says_plainly_when_nothing_is_close(tmp_path: Path) -> None:
    report = samples.sample_retrieval_report(close=False)
    assert not report.has_close_precedent
    path = render_retrieval_report(report, tmp_path / "none.docx", fonts=FONTS)
    body = document_text(path)
    assert f"经检索，{NO_CLOSE_PRECEDENT}" in body
    assert standard_conclusion(report).startswith(NO_CLOSE_PRECEDENT)
    assert "本次检索未将先例列为参照或参考。" in body
    document = docx.Document(str(path))
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 2


def test_retrieval_report_without_any_hit_has_no_table(tmp_path: Path) -> None:
    report = samples.sample_retrieval_report(close=False)
    report.hits = []
    path = render_retrieval_report(report, tmp_path / "empty.docx", fonts=FONTS)
    assert docx.Document(str(path)).tables == []
    assert NO_CLOSE_PRECEDENT in document_text(path)


def test_minutes_structure_and_attendance(tmp_path: Path) -> None:
    minutes = samples.sample_minutes()
    path = render_minutes(minutes, tmp_path / "minutes.docx", fonts=FONTS)
    document = docx.Document(str(path))
    assert headings(document) == [
        "一、基本情况",
        "二、类案检索情况",
        "三、与会意见",
        "四、会议决定",
        "五、与先例不一致的说明",
        "六、研判结果",
    ]
    body = texts(document)
    assert body[0] == "一事一议专题会议纪要"
    assert any(
        t.startswith("2024年3月15日，市民政局副局长陈某在市民政局三楼会议室主持召开") for t in body
    )
    assert (
        "市财政局郑某持不同意见，认为：单人户纳入低保突破了合并计算的规定，应待普惠政策出台后统一办理，本次以临时救助为主。"
        in body
    )
    assert (
        "（一）救急难。金额58000元，由海沧区民政局负责，2024年3月31日前完成。区级临时救助资金列支。"
        in body
    )
    lists = [p for p in document.paragraphs if p.style.name == styles.ATTENDANCE]
    assert [p.runs[0].text for p in lists] == ["出席：", "请假：", "列席："]
    assert all(p.runs[0].style.name == styles.HEI_CHAR for p in lists)
    present = "市民政局陈某、吴某，市财政局郑某，市医保局黄某，市卫生健康委蔡某，海沧区民政局林某"
    assert lists[0].text == "出席：" + present
    assert export_problems(path) == []


def test_minutes_of_an_escalation(tmp_path: Path) -> None:
    review = Review(
        level="区",
        held_on=dt.date(2024, 3, 8),
        place="区民政局会议室",
        chair="区民政局局长林某",
        presented_facts="东孚街道汇报：小胡药费每年近100万元。",
        opinions=[Opinion("林某", "单独纳入低保需突破合并计算规定", "区民政局", Stance.RESERVED)],
        measures=[Measure("临时救助", Decimal("20000"), department="东孚街道")],
        outcome=Outcome.ESCALATED,
        outcome_reason="合并计算规定需市级研究",
        participants=[
            Participant("林某", "区民政局"),
            Participant("杨某", "东孚街道", Role.ATTENDING),
        ],
    )
    minutes = Minutes(
        organisation="厦门市海沧区民政局", matter=samples.sample_matter(), review=review
    )
    path = render_minutes(minutes, tmp_path / "escalated.docx", fonts=FONTS)
    body = document_text(path)
    assert "区级研判未能形成决定，提交市级研判。合并计算规定需市级研究。" in body
    assert "区民政局林某持保留意见，认为：单独纳入低保需突破合并计算规定。" in body
    assert "基本情况：东孚街道汇报：小胡药费每年近100万元。" in body, "the facts as presented"
    assert "需长期使用特效药" not in body
    assert "与先例不一致的说明" not in body and "请假：" not in body and "类案检索情况" not in body
    assert attendance_text(review.participants) == "区民政局林某，东孚街道杨某"


def test_review_opinions_per_outcome() -> None:
    lower = samples.sample_lower_reviews()
    assert review_opinion(lower[0]) == (
        "本级未能决定，提交区级研判。药费支出远超家庭承受能力，现有政策无法纳入低保。"
    )
    city = samples.sample_city_review()
    assert review_opinion(city) == "作出处理决定，见处理决定栏。市财政局郑某持不同或保留意见。"
    returned = Review(
        level="村居",
        held_on=dt.date(2024, 1, 2),
        outcome=Outcome.RETURNED,
        outcome_reason="缺收入证明",
    )
    assert review_opinion(returned) == "退回补充材料。缺收入证明。"


def test_review_form_is_one_table_with_every_part(tmp_path: Path) -> None:
    path = render_review_form(samples.sample_review_form(), tmp_path / "form.docx", fonts=FONTS)
    document = docx.Document(str(path))
    assert len(document.tables) == 1
    labels = {
        c.text
        for row in document.tables[0].rows
        for c in row.cells
        if c.paragraphs[0].style.name == styles.TABLE_HEADER
    }
    assert labels >= {
        "事项编号", "所在区街", "家庭人口", "困难情形", "政策障碍", "基本情况",
        "类案检索", "镇街研判意见", "区级研判意见", "市级研判意见", "处理决定", "经办人", "审核人",
    }  # fmt: skip
    values = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "海沧区东孚街道" in values and "3人：本人、父亲、母亲" in values
    assert any("救急难58000元" in v for v in values)
    assert texts(document)[0] == "个案研判表"
    assert export_problems(path) == []


def test_policy_draft_structure(tmp_path: Path) -> None:
    draft = samples.sample_policy_draft()
    path = render_policy_draft(draft, tmp_path / "draft.docx", fonts=FONTS)
    document = docx.Document(str(path))
    body = texts(document)
    assert body[0] == "厦门市关于重病患者单独纳入最低生活保障的\n若干措施"
    assert body[1] == "（征求意见稿）"
    assert document.paragraphs[1].style.name == styles.SUBTITLE
    assert headings(document)[:5] == [
        "一、适用对象",
        "二、认定条件",
        "三、救助措施",
        "四、办理程序",
        "五、附则",
    ]
    assert headings(document)[5:] == [
        "一、起草背景",
        "二、先例依据",
        "三、主要内容",
        "四、需要说明的问题",
    ]
    assert (
        "（一）单人户低保。符合条件的，可将患者按单人户纳入低保，不再合并计算其他家庭成员收入"
        "（参见 XM-SM-2022-014、XM-HC-2024-031、XM-TA-2021-500）。" in body
    )
    appendix = [p for p in document.paragraphs if p.style.name == styles.APPENDIX_LABEL]
    assert [p.text for p in appendix] == ["附件1", "附件2"]
    assert "附件：1.支持先例清单" in body
    table = document.tables[0]
    assert [row.cells[1].text for row in table.rows[1:]] == [
        "XM-TA-2021-500", "XM-SM-2022-014", "XM-XA-2023-008", "XM-JM-2023-022", "XM-HC-2024-031",
    ]  # fmt: skip
    assert (
        "2021年4月至2024年3月，全市共有5件一事一议先例属于此类情形，分布在同安区、思明区、集美区、翔安区、海沧区5个区。"
        in body
    )
    assert "临时救助与救急难：3件，金额30000元至58000元，中位数50000元。" in body
    assert export_problems(path) == []


def test_evidence_sentence_for_a_single_amount() -> None:
    evidence = samples.sample_policy_draft().note.evidence
    assert "医疗救助：1件，金额均为12000元。" in evidence_sentences(evidence)


def test_citations_go_before_the_full_stop() -> None:
    assert (
        Statement("可纳入低保。", ["XM-1", "XM-2"]).rendered() == "可纳入低保（参见 XM-1、XM-2）。"
    )
    assert Statement("可纳入低保", ["XM-1"]).rendered() == "可纳入低保（参见 XM-1）。"
    assert Statement("无引用").rendered() == "无引用。"


RENDERERS: list[tuple[str, Callable[..., Path], Callable[[], object]]] = [
    ("report", render_retrieval_report, samples.sample_retrieval_report),
    ("minutes", render_minutes, samples.sample_minutes),
    ("form", render_review_form, samples.sample_review_form),
    ("draft", render_policy_draft, samples.sample_policy_draft),
]


@pytest.mark.parametrize(("name", "render", "make"), RENDERERS, ids=[r[0] for r in RENDERERS])
def test_every_kind_applies_the_mask_to_all_text(
    tmp_path: Path, name: str, render: Callable[..., Path], make: Callable[[], object]
) -> None:
    data = make()
    _unmask_fields(data)
    path = render(data, tmp_path / f"{name}.docx", fonts=FONTS, mask=masker)
    assert REAL_NAME not in document_text(path)
    unmasked = render(data, tmp_path / f"{name}-raw.docx", fonts=FONTS)
    assert REAL_NAME in document_text(unmasked), "the sample must carry the name to prove masking"


def _unmask_fields(data: object) -> None:
    """Put a real name back into the sample's matter, as an unmasked record would have it."""
    matter = getattr(data, "matter", None)
    if isinstance(matter, MatterFacts):
        matter.title, matter.situation = unmask(matter.title), unmask(matter.situation)
    for hit in getattr(data, "hits", []):
        hit.use_note += f"（与{REAL_NAME}的情形相近）"
    for statement in getattr(data, "measures", []):
        if isinstance(statement, Statement):
            statement.text = unmask(statement.text) + f"，如{REAL_NAME}"
    for precedent in getattr(data, "precedents", []):
        precedent.title = unmask(precedent.title) + f"（{REAL_NAME}）"


def test_matter_facts_from_a_record() -> None:
    record = PrecedentRecord(
        code="XM-1",
        title="标题",
        district="同安区",
        street="莲花镇",
        filed_on=dt.date(2021, 2, 22),
        level="区",
        situation="情况",
        hardships=["重度残疾"],
        barriers=["收入超标"],
        household_size=5,
        monthly_income=Decimal("8000"),
    )
    facts = MatterFacts.from_record(record)
    assert facts.rows() == [
        ("事项编号", "XM-1"),
        ("所在区街", "同安区莲花镇"),
        ("受理日期", "2021年2月22日"),
        ("家庭人口", "5人"),
        ("家庭月收入", "8000元"),
        ("困难情形", "重度残疾"),
        ("政策障碍", "收入超标"),
    ]


def test_number_and_date_wording() -> None:
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十",
    ]  # fmt: skip
    assert format_date(dt.date(2025, 1, 5)) == "2025年1月5日"
    assert format_amount(Decimal("58000.00")) == "58000元"
    assert format_amount(Decimal("1234.5")) == "1234.50元"
    assert ReferenceMode.FOLLOWED.value == "参照"


def test_document_properties_are_masked_too(tmp_path: Path) -> None:
    report = samples.sample_retrieval_report()
    report.title = f"{REAL_NAME}类案检索报告"
    path = render_retrieval_report(report, tmp_path / "r.docx", fonts=FONTS, mask=masker)
    assert docx.Document(str(path)).core_properties.title == "胡某类案检索报告"
    assert export_problems(path, forbidden=[REAL_NAME]) == []
    raw = render_retrieval_report(report, tmp_path / "raw.docx", fonts=FONTS)
    assert any(REAL_NAME in problem for problem in export_problems(raw, forbidden=[REAL_NAME]))
