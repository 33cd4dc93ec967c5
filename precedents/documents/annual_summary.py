"""一事一议工作情况统计: the annual (or any period's) summary of the figures.

Written from `precedents.stats.Figures`: each section states the figures as
sentences, then the table and the chart behind them. Charts are pictures the
caller renders (the desktop draws them with Qt Charts); without them, as from
the command line, the document has the sentences and tables only. The closing
section says which date each figure counts by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from precedents.documents.builder import DocumentBuilder
from precedents.documents.render import Renderer
from precedents.documents.text import join_list
from precedents.stats import Figures
from precedents.stats_tables import (
    BY_DECISION,
    BY_EFFECT,
    BY_FILING,
    BY_MEETING,
    StatsTable,
    district_label,
    districts,
    durations,
    format_cell,
    measures,
    policies,
    share,
)

#: The charts a summary can hold, by key, with their captions, in document order.
CHART_CAPTIONS: dict[str, str] = {
    "months": "每月新增事项与解决个案",
    "districts": "各区新增事项与解决个案",
    "hardships": "常见困难情形",
    "barriers": "常见政策障碍",
    "measures": "救助措施次数",
    "amounts": "救助金额",
    "durations": "从提出到决定的天数",
    "levels": "研判层级",
}


@dataclass(slots=True)
class AnnualSummary:
    """The summary of one period; `charts` maps `CHART_CAPTIONS` keys to PNG files."""

    figures: Figures
    organisation: str = ""
    written_on: dt.date | None = None
    charts: dict[str, Path] = field(default_factory=dict)

    @property
    def title_lines(self) -> list[str]:
        """ "2024年一事一议工作情况统计"; a long period takes a line of its own."""
        period = self.figures.period
        scope = period.label() if period.label() != "全部" else ""
        scope += period.district or ""
        if len(scope) + 10 > 18:
            return [scope, "一事一议工作情况统计"]
        return [f"{scope}一事一议工作情况统计"]

    @property
    def title(self) -> str:
        return "".join(self.title_lines)


def write_annual_summary(builder: DocumentBuilder, summary: AnnualSummary) -> None:
    f = summary.figures
    builder.set_field("文种", "统计")
    builder.title(summary.title_lines)
    builder.begin_body()
    builder.heading(1, "总体情况")
    builder.paragraph(_overall(f))
    if f.by_discovery and f.total:
        builder.paragraph(_discovery(f))
    _table(builder, districts(f), (22, 22, 22, 34))
    _charts(builder, summary, ("months", "districts"))
    builder.heading(1, "困难情形与政策障碍")
    builder.paragraph(_terms(f))
    _charts(builder, summary, ("hardships", "barriers"))
    builder.heading(1, "救助措施与资金")
    builder.paragraph(_money(f))
    _table(builder, measures(f), (26, 14, 18, 22, 22))
    _charts(builder, summary, ("measures", "amounts"))
    builder.heading(1, "办理时效")
    builder.paragraph(_timeliness(f))
    _table(builder, durations(f), (26, 20, 18, 18, 18))
    _charts(builder, summary, ("durations",))
    builder.heading(1, "研判层级")
    builder.paragraph(_levels(f))
    _charts(builder, summary, ("levels",))
    builder.heading(1, "普惠政策转化")
    builder.paragraph(_registry(f))
    _table(builder, policies(f), (40, 24, 18, 12, 12, 14, 12))
    builder.heading(1, "统计口径")
    for line in basis_lines():
        builder.paragraph(line)
    if summary.organisation and summary.written_on is not None:
        builder.signature(summary.organisation, summary.written_on)


#: Write the summary as .docx (see `Renderer`); returns the path written.
render_annual_summary = Renderer(write_annual_summary)


def basis_lines() -> list[str]:
    return [
        f"新增事项、发现渠道、困难情形和政策障碍{BY_FILING}统计。",
        f"解决个案、救助措施与金额、办理天数和最高研判层级{BY_DECISION}统计。",
        f"研判会议和提交上一级研判{BY_MEETING}统计。",
        f"普惠政策{BY_EFFECT}统计；降低门槛按每件政策消除的政策障碍计，至少一项。",
    ]


# -- pieces ------------------------------------------------------------------------------


def _table(builder: DocumentBuilder, table: StatsTable, weights: Sequence[float]) -> None:
    if not table.rows:
        return
    builder.table_caption(table.title)
    rows = [[format_cell(cell) for cell in row] for row in table.rows]
    builder.table(table.header, rows, weights, centred=set(range(1, len(table.header))))
    builder.blank()


def _charts(builder: DocumentBuilder, summary: AnnualSummary, keys: Sequence[str]) -> None:
    for key in keys:
        if key in summary.charts:
            builder.picture(summary.charts[key], CHART_CAPTIONS[key])


def yuan(amount: Decimal) -> str:
    """Amounts in official prose: 58000元, 162.9万元 from ten thousand yuan up."""
    if abs(amount) >= 10000:
        wan = (amount / 10000).quantize(Decimal("0.01")).normalize()
        return f"{wan:f}万元"
    if amount == amount.to_integral_value():
        return f"{int(amount)}元"
    return f"{amount.quantize(Decimal('0.01'))}元"


def _opening(f: Figures) -> str:
    label = f.period.label()
    when = "截至目前" if label == "全部" else label
    return f"{when}，{district_label(f)}"


def _overall(f: Figures) -> str:
    text = f"{_opening(f)}共新增一事一议事项{f.total}件，解决疑难个案{f.solved}件"
    times = sum(m.count for m in f.measures.values())
    if times:
        text += f"，决定救助措施{times}项次"
    if f.amount_total:
        text += f"，救助金额合计{yuan(f.amount_total)}"
        if f.social_total:
            text += f"，其中社会捐赠、慈善救助和价格优惠{yuan(f.social_total)}"
    return text + "。"


def _discovery(f: Figures) -> str:
    parts = [f"{name}{count}件" for name, count in f.by_discovery.items() if name != "未填写"]
    return f"从发现渠道看，新增事项中{join_list(parts, '，')}。"


def _ranked_terms(counts: dict[str, int], total: int, top: int = 3) -> str:
    items = list(counts.items())[:top]
    parts = [f"{term}（{count}件，占{share(count, total):g}%）" for term, count in items]
    return join_list(parts)


def _terms(f: Figures) -> str:
    if not f.total:
        return "本期没有新增事项。"
    text = f"新增事项中最常见的困难情形是{_ranked_terms(f.hardships, f.total)}"
    if f.barriers:
        text += f"；现行政策未能覆盖的原因主要是{_ranked_terms(f.barriers, f.total)}"
    return text + "。一件事项可有多项困难情形和政策障碍。"


def _money(f: Figures) -> str:
    if not f.measures:
        return "本期解决的个案没有登记救助措施。"
    paid = sorted(
        ((k, m) for k, m in f.measures.items() if m.total), key=lambda item: -item[1].total
    )
    parts = [
        f"{kind}{m.count}次，合计{yuan(m.total)}"
        + (f"，中位数{yuan(m.median)}" if m.median is not None else "")
        for kind, m in paid[:3]
    ]
    text = f"解决的个案中，金额最多的救助措施是{join_list(parts, '；')}"
    unpaid = [f"{kind}{m.count}次" for kind, m in f.measures.items() if not m.with_amount]
    if unpaid:
        text += f"。另有{join_list(unpaid[:4])}等措施按月发放或提供服务，未单列金额"
    return text + "。"


def _timeliness(f: Figures) -> str:
    d = f.days_to_decision
    if d is None:
        return "本期没有作出决定的个案。"
    text = f"解决的个案从提出到作出决定平均{d.mean:g}天，中位数{d.median:g}天，最长{d.max}天"
    slowest = [f"{level}级{x.count}件平均{x.mean:g}天" for level, x in f.days_by_level.items()]
    if len(slowest) > 1:
        text += f"。按最高研判层级分，{join_list(slowest, '，')}"
    return text + "。"


def _levels(f: Figures) -> str:
    reached = [f"{level}级{count}件" for level, count in f.levels_reached.items() if count]
    text = (
        f"解决的个案按作出决定时达到的最高研判层级分，{join_list(reached, '，')}"
        if reached
        else "本期没有作出决定的个案"
    )
    if f.reviews:
        held = join_list(f"{level}级{count}次" for level, count in f.reviews_by_level.items())
        text += f"。本期召开研判会议{f.reviews}次（{held}）"
        if f.escalation_count:
            text += f"，提交上一级研判{f.escalation_count}次，涉及事项{f.matters_escalated}件"
    else:
        text += "。本期系统中没有登记研判会议记录"
    return text + "。"


def _registry(f: Figures) -> str:
    r = f.registry
    if r.adopted:
        text = f"本期施行普惠政策{len(r.adopted)}件，其中由先例规律转化{r.from_patterns}件"
        text += f"，在{r.thresholds_lowered}个方面降低了救助门槛，覆盖先例{r.covered}件"
    else:
        text = "本期没有新施行的普惠政策"
    text += f"。目前施行中的普惠政策{r.in_force}件"
    if r.in_consultation or r.drafts:
        text += f"，正在征求意见{r.in_consultation}件，草稿{r.drafts}件"
    return text + "。"
