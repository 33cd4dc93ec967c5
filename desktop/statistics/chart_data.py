"""What each chart shows, taken from the figures: categories, series and their values.

Kept apart from the drawing so tests read the numbers a chart was given, and
so the screen, the PNG export and the Word summary draw the very same charts.
The keys are those of `precedents.documents.annual_summary.CHART_CAPTIONS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from precedents.stats import Figures
from precedents.stats_tables import TOP

translate = QCoreApplication.translate

NEW_COLOUR = "#2563eb"
SOLVED_COLOUR = "#c2410c"
OTHER_COLOUR = "#0f766e"
# Amounts are charted in ten thousands of yuan (万元), as reports state them.
WAN = Decimal(10000)
# More months than this are drawn as lines (bars would be too thin to read).
LINE_MONTHS = 18


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str


@dataclass(frozen=True, slots=True)
class ChartSpec:
    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    # Bars drawn sideways, first category on top (long Chinese labels read better).
    horizontal: bool = False
    unit: str = ""
    # Lines instead of bars: a long run of months reads better as a curve.
    lines: bool = False

    @property
    def empty(self) -> bool:
        return not self.categories or not any(any(s.values) for s in self.series)


def chart_specs(figures: Figures) -> list[ChartSpec]:
    """Every chart of the screen, in the order the screen and the summary show them."""
    return [
        _months(figures),
        _districts(figures),
        _terms(
            "hardships",
            translate("StatisticsCharts", "Hardships most often seen"),
            figures.hardships,
        ),
        _terms(
            "barriers",
            translate("StatisticsCharts", "Policy barriers most often seen"),
            figures.barriers,
        ),
        _measure_counts(figures),
        _amounts(figures),
        _durations(figures),
        _levels(figures),
    ]


def _new_and_solved(new: list[int], solved: list[int]) -> tuple[Series, ...]:
    return (
        Series(
            translate("StatisticsCharts", "New matters"), tuple(float(v) for v in new), NEW_COLOUR
        ),
        Series(
            translate("StatisticsCharts", "Cases solved"),
            tuple(float(v) for v in solved),
            SOLVED_COLOUR,
        ),
    )


def _months(f: Figures) -> ChartSpec:
    new = [f.by_month.get(m, 0) for m in f.months]
    solved = [f.solved_by_month.get(m, 0) for m in f.months]
    return ChartSpec(
        "months",
        translate("StatisticsCharts", "New matters and cases solved per month"),
        f.months,
        _new_and_solved(new, solved),
        unit=translate("StatisticsCharts", "matters"),
        lines=len(f.months) > LINE_MONTHS,
    )


def _districts(f: Figures) -> ChartSpec:
    names = list(f.by_district) + [d for d in f.solved_by_district if d not in f.by_district]
    return ChartSpec(
        "districts",
        translate("StatisticsCharts", "New matters and cases solved per district"),
        tuple(names),
        _new_and_solved(
            [f.by_district.get(n, 0) for n in names],
            [f.solved_by_district.get(n, 0) for n in names],
        ),
        unit=translate("StatisticsCharts", "matters"),
    )


def _terms(key: str, title: str, counts: dict[str, int]) -> ChartSpec:
    top = list(counts.items())[:TOP]
    return ChartSpec(
        key,
        title,
        tuple(term for term, _ in top),
        (
            Series(
                translate("StatisticsCharts", "Matters"),
                tuple(float(c) for _, c in top),
                NEW_COLOUR,
            ),
        ),
        horizontal=True,
        unit=translate("StatisticsCharts", "matters"),
    )


def _measure_counts(f: Figures) -> ChartSpec:
    items = list(f.measures.items())[:TOP]
    return ChartSpec(
        "measures",
        translate("StatisticsCharts", "Assistance measures decided"),
        tuple(kind for kind, _ in items),
        (
            Series(
                translate("StatisticsCharts", "Times decided"),
                tuple(float(m.count) for _, m in items),
                OTHER_COLOUR,
            ),
        ),
        horizontal=True,
        unit=translate("StatisticsCharts", "times"),
    )


def _amounts(f: Figures) -> ChartSpec:
    paid = sorted(((k, m.total) for k, m in f.measures.items() if m.total), key=lambda i: -i[1])
    return ChartSpec(
        "amounts",
        translate("StatisticsCharts", "Amounts of assistance (10,000 yuan)"),
        tuple(kind for kind, _ in paid),
        (
            Series(
                translate("StatisticsCharts", "Total"),
                tuple(float(total / WAN) for _, total in paid),
                SOLVED_COLOUR,
            ),
        ),
        horizontal=True,
        unit=translate("StatisticsCharts", "10,000 yuan"),
    )


def _durations(f: Figures) -> ChartSpec:
    levels = list(f.days_by_level.items())
    everything = translate("StatisticsCharts", "All")
    if f.days_to_decision is not None:
        levels.append((everything, f.days_to_decision))
    names = tuple(name if name == everything else f"{name}级" for name, _ in levels)
    return ChartSpec(
        "durations",
        translate("StatisticsCharts", "Days from filing to decision, by the highest review level"),
        names,
        (
            Series(
                translate("StatisticsCharts", "Mean"), tuple(d.mean for _, d in levels), NEW_COLOUR
            ),
            Series(
                translate("StatisticsCharts", "Median"),
                tuple(d.median for _, d in levels),
                OTHER_COLOUR,
            ),
        ),
        unit=translate("StatisticsCharts", "days"),
    )


def _levels(f: Figures) -> ChartSpec:
    names = [level for level in f.levels_reached]
    names += [level for level in f.reviews_by_level if level not in names]
    return ChartSpec(
        "levels",
        translate("StatisticsCharts", "Review levels"),
        tuple(f"{level}级" for level in names),
        (
            Series(
                translate("StatisticsCharts", "Highest level of solved cases"),
                tuple(float(f.levels_reached.get(n, 0)) for n in names),
                SOLVED_COLOUR,
            ),
            Series(
                translate("StatisticsCharts", "Case meetings held"),
                tuple(float(f.reviews_by_level.get(n, 0)) for n in names),
                OTHER_COLOUR,
            ),
        ),
        unit=translate("StatisticsCharts", "matters / meetings"),
    )
