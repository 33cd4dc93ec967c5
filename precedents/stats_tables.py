"""The figures as tables with Chinese headers: one list the Excel export, the Word
summary, the command line and the desktop's table views all read.

Each `StatsTable` says which date its figures use (`basis`), so a reader of any
export knows how a number was counted. Cells are plain values (text, int, float,
Decimal); formatting belongs to the writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from precedents.stats import Figures, level_rank

Cell = str | int | float | Decimal | None

#: Which date each family of figures counts by (see `precedents.stats`).
BY_FILING = "按提出日期"
BY_DECISION = "按决定日期（已决定、已归档的事项）"
BY_MEETING = "按研判会议日期"
BY_EFFECT = "按政策施行日期（全市，不分区）"
#: How many hardships and barriers the top lists show.
TOP = 10


@dataclass(frozen=True, slots=True)
class StatsTable:
    key: str
    title: str
    basis: str
    header: tuple[str, ...]
    #: Amounts of money are `Decimal`s (yuan), counts `int`s, days and shares `float`s.
    rows: tuple[tuple[Cell, ...], ...]


def share(count: int, total: int) -> float | None:
    """Percentage of `total`, one decimal; None when there is nothing to share."""
    return round(100 * count / total, 1) if total else None


def district_label(figures: Figures) -> str:
    return figures.period.district or "全市"


def overview(figures: Figures) -> StatsTable:
    days = figures.days_to_decision
    reg = figures.registry
    rows: list[tuple[Cell, ...]] = [
        ("统计期间", figures.period.label(), ""),
        ("统计范围", district_label(figures), ""),
        ("新增事项（件）", figures.total, BY_FILING),
        ("解决疑难个案（件）", figures.solved, BY_DECISION),
        ("救助金额合计（元）", figures.amount_total, BY_DECISION),
        ("其中社会捐赠、慈善救助和价格优惠（元）", figures.social_total, BY_DECISION),
        ("平均办结天数", days.mean if days else None, BY_DECISION),
        ("办结天数中位数", days.median if days else None, BY_DECISION),
        ("最长办结天数", days.max if days else None, BY_DECISION),
        ("研判会议（次）", figures.reviews, BY_MEETING),
        ("提交上一级研判（次）", figures.escalation_count, BY_MEETING),
        ("施行普惠政策（件）", len(reg.adopted), BY_EFFECT),
        ("其中由先例规律转化（件）", reg.from_patterns, BY_EFFECT),
        ("降低门槛（项）", reg.thresholds_lowered, BY_EFFECT),
        ("政策覆盖先例（件）", reg.covered, BY_EFFECT),
    ]
    return StatsTable("overview", "概况", "", ("指标", "数值", "统计口径"), tuple(rows))


def months(figures: Figures) -> StatsTable:
    rows = tuple(
        (month, figures.by_month.get(month, 0), figures.solved_by_month.get(month, 0))
        for month in figures.months
    )
    return StatsTable(
        "months",
        "每月新增与解决",
        f"新增{BY_FILING}；解决{BY_DECISION}",
        ("月份", "新增事项（件）", "解决个案（件）"),
        rows,
    )


def districts(figures: Figures) -> StatsTable:
    names = list(figures.by_district)
    names += [d for d in figures.solved_by_district if d not in figures.by_district]
    rows = tuple(
        (
            name,
            figures.by_district.get(name, 0),
            figures.solved_by_district.get(name, 0),
            figures.amount_by_district.get(name, Decimal(0)),
        )
        for name in names
    )
    return StatsTable(
        "districts",
        "各区新增与解决",
        f"新增{BY_FILING}；解决和金额{BY_DECISION}",
        ("区", "新增事项（件）", "解决个案（件）", "救助金额（元）"),
        rows,
    )


def terms(figures: Figures, kind: str) -> StatsTable:
    counts = figures.hardships if kind == "hardships" else figures.barriers
    name = "困难情形" if kind == "hardships" else "政策障碍"
    rows = tuple(
        (term, count, share(count, figures.total)) for term, count in list(counts.items())[:TOP]
    )
    return StatsTable(
        kind,
        f"常见{name}",
        f"{BY_FILING}；一件事项可有多项",
        (name, "事项数（件）", "占新增事项（%）"),
        rows,
    )


def measures(figures: Figures) -> StatsTable:
    rows = tuple(
        (kind, m.count, m.with_amount, m.total if m.with_amount else None, m.median)
        for kind, m in figures.measures.items()
    )
    return StatsTable(
        "measures",
        "救助措施与金额",
        BY_DECISION,
        ("救助措施", "次数", "有金额的次数", "金额合计（元）", "金额中位数（元）"),
        rows,
    )


def durations(figures: Figures) -> StatsTable:
    rows: list[tuple[Cell, ...]] = [
        (f"{level}级", d.count, d.mean, d.median, d.max)
        for level, d in figures.days_by_level.items()
    ]
    if figures.days_to_decision is not None:
        d = figures.days_to_decision
        rows.append(("全部", d.count, d.mean, d.median, d.max))
    return StatsTable(
        "durations",
        "从提出到决定的天数",
        f"{BY_DECISION}；按事项达到的最高研判层级",
        ("最高研判层级", "事项数（件）", "平均天数", "中位天数", "最长天数"),
        tuple(rows),
    )


def levels(figures: Figures) -> StatsTable:
    names = set(figures.levels_reached) | set(figures.reviews_by_level) | set(figures.escalations)
    rows = tuple(
        (
            f"{level}级",
            figures.levels_reached.get(level, 0),
            figures.reviews_by_level.get(level, 0),
            figures.escalations.get(level, 0),
        )
        for level in sorted(names, key=level_rank)
    )
    return StatsTable(
        "levels",
        "研判层级",
        f"最高层级{BY_DECISION}；研判会议和提交上一级{BY_MEETING}",
        ("研判层级", "解决个案的最高层级（件）", "研判会议（次）", "提交上一级（次）"),
        rows,
    )


def policies(figures: Figures) -> StatsTable:
    rows = tuple(
        (
            p.title,
            p.document_number,
            p.effective_on.isoformat(),
            p.thresholds_lowered,
            p.covered,
            "规律转化" if p.from_pattern else "直接起草",
            "已废止" if p.repealed else "施行中",
        )
        for p in figures.registry.adopted
    )
    return StatsTable(
        "policies",
        "施行的普惠政策",
        BY_EFFECT,
        ("政策名称", "文号", "施行日期", "降低门槛（项）", "覆盖先例（件）", "来源", "现状"),
        rows,
    )


def counts_table(key: str, title: str, header: str, counts: dict[str, int]) -> StatsTable:
    return StatsTable(key, title, BY_FILING, (header, "事项数（件）"), tuple(counts.items()))


def figures_tables(figures: Figures) -> list[StatsTable]:
    """Every table, in the order the exports show them."""
    return [
        overview(figures),
        months(figures),
        districts(figures),
        counts_table("statuses", "新增事项的办理状态", "状态", figures.by_status),
        counts_table("discovery", "新增事项的发现渠道", "发现渠道", figures.by_discovery),
        terms(figures, "hardships"),
        terms(figures, "barriers"),
        measures(figures),
        durations(figures),
        levels(figures),
        policies(figures),
    ]


def format_cell(value: Cell) -> str:
    """A cell as text: money with thousands separators, a dash for a missing value."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
