"""类案检索报告: the similar-precedent retrieval report (issue 4).

Modelled on the courts' 类案检索 report: who searched and when, the matter's key
facts, the method and the query, a results table (code, title, decision and
measures, similarity, reasons), which precedents are followed (参照) or only
consulted (参考), and a conclusion. When no precedent reaches the threshold the
report says so plainly: 没有高度相似的先例.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from precedents.documents.builder import DocumentBuilder
from precedents.documents.matter import MatterFacts, write_facts
from precedents.documents.render import Renderer
from precedents.documents.text import format_datetime, format_measure, join_list
from precedents.meetings.model import ReferenceMode
from precedents.record import Measure

NO_CLOSE_PRECEDENT = "没有高度相似的先例"
_COLUMNS = ("编号", "标题", "决定与措施", "相似度", "相似理由", "运用")
_WEIGHTS = (24, 26, 34, 16, 46, 14)
_DEFAULT_NOTES = {
    ReferenceMode.FOLLOWED: "与待决事项基本事实、政策障碍相似，处理结果可以参照。",
    ReferenceMode.CONSULTED: "情形部分相似，处理思路可供参考。",
}


@dataclass(slots=True)
class RetrievalHit:
    """One precedent found, as compared with the matter."""

    code: str
    title: str
    score: float
    reasons: list[str] = field(default_factory=list)
    #: The decision in a sentence or two (not the whole narrative).
    decision: str = ""
    measures: list[Measure] = field(default_factory=list)
    decided_on: dt.date | None = None
    #: 参照 or 参考 as the officer marked it; None when not marked.
    use: ReferenceMode | None = None
    #: Why it is followed or only consulted.
    use_note: str = ""
    #: The adopted general policy that now covers this kind of matter, if any.
    policy: str = ""


@dataclass(slots=True)
class RetrievalReport:
    """Everything the report shows; the use case fills it from the similarity search."""

    matter: MatterFacts
    officer: str
    department: str
    searched_at: dt.datetime
    #: How the search works, in a sentence or two (text plus attribute similarity…).
    method: str
    #: The query as searched: the matter's text or the fields used.
    query: str
    #: Calibrated score at or above which a precedent counts as close.
    threshold: float
    hits: list[RetrievalHit] = field(default_factory=list)
    #: What was searched, e.g. "本局先例库已决定先例 80 件".
    scope: str = ""
    #: The officer's conclusion; a standard one is written when empty.
    conclusion: str = ""
    #: Who issues the report (defaults to the department).
    organisation: str = ""
    title: str = "类案检索报告"

    @property
    def close_hits(self) -> list[RetrievalHit]:
        return [hit for hit in self.hits if hit.score >= self.threshold]

    @property
    def has_close_precedent(self) -> bool:
        return bool(self.close_hits)


def write_retrieval_report(builder: DocumentBuilder, report: RetrievalReport) -> None:
    builder.set_field("文种", "类案检索报告")
    builder.title(report.title)
    builder.begin_body()
    builder.labelled("待决事项", report.matter.title)
    who = f"{report.officer}（{report.department}）" if report.department else report.officer
    builder.labelled("检索人", who)
    builder.labelled("检索时间", format_datetime(report.searched_at))
    builder.heading(1, "待决事项基本情况")
    write_facts(builder, report.matter)
    builder.heading(1, "检索方法")
    builder.paragraph(report.method)
    if report.scope:
        builder.labelled("检索范围", report.scope)
    builder.labelled("检索内容", report.query)
    builder.labelled("相似度阈值", f"{report.threshold:.2f}（达到阈值的为高度相似先例）")
    builder.heading(1, "检索结果")
    _write_results(builder, report)
    builder.heading(1, "参照与参考")
    _write_uses(builder, report)
    builder.heading(1, "检索结论")
    builder.paragraphs(report.conclusion or standard_conclusion(report))
    builder.signature(report.organisation or report.department, report.searched_at.date())


#: Write the report as .docx (see `Renderer`); returns the path written.
render_retrieval_report = Renderer(write_retrieval_report)


def _write_results(builder: DocumentBuilder, report: RetrievalReport) -> None:
    close = report.close_hits
    if close:
        builder.paragraph(
            f"经检索，共有{len(close)}件先例与待决事项高度相似"
            f"（相似度不低于{report.threshold:.2f}），按相似度从高到低列表如下。"
        )
    else:
        builder.paragraph(
            f"经检索，{NO_CLOSE_PRECEDENT}：全部检索结果的相似度均低于{report.threshold:.2f}。"
            + ("相似度最高的几件先例列表如下，仅供了解。" if report.hits else "")
        )
    if report.hits:
        ordered = sorted(report.hits, key=lambda hit: hit.score, reverse=True)
        builder.table(_COLUMNS, [_row(hit) for hit in ordered], _WEIGHTS, centred={3, 5})
        builder.paragraph(
            "注：相似度为0至1之间的校准分数，综合文本相似度与困难情形、政策障碍、家庭人口、收入等属性。"
        )


def _row(hit: RetrievalHit) -> list[str]:
    title = hit.title + (f"\n（已有普惠政策：{hit.policy}）" if hit.policy else "")
    decision = "\n".join(
        part for part in (hit.decision, join_list(map(format_measure, hit.measures), "；")) if part
    )
    return [
        hit.code,
        title,
        decision or "尚未决定",
        f"{hit.score:.2f}",
        "；".join(hit.reasons),
        hit.use.value if hit.use else "—",
    ]


def _write_uses(builder: DocumentBuilder, report: RetrievalReport) -> None:
    marked = [hit for hit in report.hits if hit.use is not None]
    if not marked:
        builder.paragraph("本次检索未将先例列为参照或参考。")
        return
    for use in ReferenceMode:
        for hit in (h for h in marked if h.use is use):
            note = hit.use_note or _DEFAULT_NOTES[use]
            if hit.policy:
                note += f"该类情形已有普惠政策：{hit.policy}。"
            builder.run_in(2, f"{use.value}{hit.code}", f"{hit.title}。{note}")


def standard_conclusion(report: RetrievalReport) -> str:
    """The conclusion written when the officer leaves it empty."""
    if not report.has_close_precedent:
        return (
            f"{NO_CLOSE_PRECEDENT}。建议按一事一议程序研判，"
            "会议决定后作为新的先例入库，供今后同类事项参照。"
        )
    followed = [h.code for h in report.hits if h.use is ReferenceMode.FOLLOWED]
    consulted = [h.code for h in report.hits if h.use is ReferenceMode.CONSULTED]
    parts = [f"检索到高度相似先例{len(report.close_hits)}件"]
    if followed:
        parts.append(f"参照{join_list(followed)}")
    if consulted:
        parts.append(f"参考{join_list(consulted)}")
    return (
        "，".join(parts)
        + "。建议研判时以参照先例的处理结果为基础，与之不同的，在会议纪要中说明理由。"
    )
