"""Drawing the chart specifications with Qt Charts, on screen and as PNG pictures.

`build_chart` makes a fresh `QChart` each time: a chart belongs to one view, and
the screen, the PNG files and the Word summary each need their own. Pictures
are rendered at twice the on-screen size so they stay sharp when printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop.statistics.chart_data import ChartSpec

# Size of an exported picture in pixels (a 16 : 9 chart, sharp at 15 cm wide).
PICTURE_SIZE = QSize(1500, 860)
# Fonts of a picture are this much larger than on screen, to read well at 15 cm.
PICTURE_SCALE = 2.5
# Months shown before the labels turn sideways.
UPRIGHT_MONTHS = 12


def build_chart(spec: ChartSpec, *, with_title: bool = True, scale: float = 1.0) -> QChart:
    """A chart of `spec`; `scale` enlarges the fonts for pictures."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.setDropShadowEnabled(False)
    font = QFont(chart.font())
    font.setPointSizeF(9 * scale)
    if with_title:
        title = QFont(font)
        title.setPointSizeF(10.5 * scale)
        title.setBold(True)
        chart.setTitleFont(title)
        chart.setTitle(spec.title)
    if spec.lines:
        _add_lines(chart, spec, font)
    else:
        _add_bars(chart, spec, font)
    legend = chart.legend()
    legend.setVisible(len(spec.series) > 1)
    legend.setAlignment(Qt.AlignmentFlag.AlignTop)
    legend.setFont(font)
    return chart


def _add_bars(chart: QChart, spec: ChartSpec, font: QFont) -> None:
    series = _series(spec, font)
    chart.addSeries(series)
    categories = _category_axis(spec, font)
    values = _value_axis(spec, font)
    if spec.horizontal:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)


def _add_lines(chart: QChart, spec: ChartSpec, font: QFont) -> None:
    """One line per series over the months; the axis names every January (or quarter)."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(0, max(len(spec.categories) - 1, 1))
    marks = ("-01",) if len(spec.categories) > 36 else ("-01", "-04", "-07", "-10")
    for index, name in enumerate(spec.categories):
        if index == 0 or name.endswith(marks):
            axis.append(name, index)
    axis.setLabelsFont(font)
    axis.setGridLineColor(QColor("#f1f5f9"))
    values = _value_axis(spec, font)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    for item in spec.series:
        line = QLineSeries()
        line.setName(item.name)
        line.setPen(QPen(QColor(item.colour), 2))
        for index, value in enumerate(item.values):
            line.append(index, value)
        chart.addSeries(line)
        line.attachAxis(axis)
        line.attachAxis(values)


def _series(spec: ChartSpec, font: QFont) -> QAbstractBarSeries:
    series: QAbstractBarSeries = QHorizontalBarSeries() if spec.horizontal else QBarSeries()
    # Sideways charts list the first (most frequent) category on top.
    order: Iterable[int] = range(len(spec.categories))
    if spec.horizontal:
        order = reversed(range(len(spec.categories)))
    indices = list(order)
    for item in spec.series:
        bar_set = QBarSet(item.name)
        bar_set.setColor(QColor(item.colour))
        bar_set.setBorderColor(QColor(item.colour))
        bar_set.setLabelColor(QColor("#374151"))
        bar_set.setLabelFont(font)
        bar_set.append([item.values[i] for i in indices])
        series.append(bar_set)
    series.setLabelsVisible(len(spec.categories) * len(spec.series) <= 24)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(4)
    return series


def _category_axis(spec: ChartSpec, font: QFont) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    names = list(spec.categories)
    axis.append(list(reversed(names)) if spec.horizontal else names)
    axis.setLabelsFont(font)
    # Terms are short; Qt Charts would otherwise elide them to "…" on a first layout.
    axis.setTruncateLabels(False)
    axis.setGridLineVisible(False)
    if not spec.horizontal and len(names) > UPRIGHT_MONTHS:
        axis.setLabelsAngle(-90)
    return axis


def _value_axis(spec: ChartSpec, font: QFont) -> QValueAxis:
    axis = QValueAxis()
    values = [v for s in spec.series for v in s.values]
    top = max(values, default=0.0)
    whole = all(float(v).is_integer() for v in values)
    # Room beyond the longest bar for its label; counts tick in whole numbers.
    axis.setRange(0, max(top * 1.15, 5.0 if whole else 0.1))
    axis.setTickCount(6)
    axis.applyNiceNumbers()
    axis.setLabelFormat("%.0f" if whole or axis.max() >= 5 else "%.1f")
    axis.setLabelsFont(font)
    if spec.horizontal:
        # Under the bars the unit reads upright; beside them Qt would turn 件 on its side,
        # and the chart's title already says what is counted.
        axis.setTitleText(spec.unit)
        axis.setTitleFont(font)
    axis.setGridLineColor(QColor("#e5e7eb"))
    return axis


class ChartView(QChartView):
    """One chart on the screen; shows a plain note when there is nothing to chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(420, 300)
        self.spec: ChartSpec | None = None

    def show_spec(self, spec: ChartSpec) -> None:
        self.spec = spec
        old = self.chart()
        chart = build_chart(spec)
        if spec.empty:
            chart.setTitle(self.tr("%1: nothing in this period").replace("%1", spec.title))
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.setToolTip(spec.title)


def picture_name(number: int, spec: ChartSpec) -> str:
    """ "01-每月新增事项与解决个案.png": numbered in screen order, safe on Windows."""
    title = re.sub(r'[\\/:*?"<>|]+', "", spec.title)
    return f"{number:02d}-{' '.join(title.split())}.png"


def save_picture(spec: ChartSpec, path: Path, *, with_title: bool = True) -> Path:
    """Render `spec` alone to a PNG file of `PICTURE_SIZE`; returns the path."""
    view = QChartView(build_chart(spec, with_title=with_title, scale=PICTURE_SCALE))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QChartView.Shape.NoFrame)
    view.setBackgroundBrush(QColor("white"))
    view.resize(PICTURE_SIZE)
    image = view.grab()
    view.deleteLater()
    if not image.save(str(path), "PNG"):
        raise OSError(f"无法写入图片 {path}")
    return path
