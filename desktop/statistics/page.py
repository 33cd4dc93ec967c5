"""The statistics screen (统计): filters, summary tiles, eight charts and three exports.

Figures are computed in the background (`TaskManager`, jobs lane: they read
only the database, so a count never holds up a search) whenever the screen is
shown or a filter changes; a result that arrives after a newer request is
dropped. Pictures are drawn on the UI thread (Qt paints only there);
the Excel and Word files are written in the background.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.statistics.chart_data import ChartSpec, chart_specs
from desktop.statistics.charts import ChartView, picture_name, save_picture
from desktop.statistics.files import StatsFiles
from desktop.statistics.filters import FilterBar
from desktop.tasks import TaskManager
from precedents.errors import PrecedentError
from precedents.library import Library
from precedents.stats import Figures, compute_figures
from precedents.stats_scope import Scope, read_scope
from precedents.stats_tables import district_label

COLUMNS = 2


class Tile(QFrame):
    """One headline figure: a large number over its name."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statTile")
        self.setStyleSheet(
            "#statTile { background: #f8fafc; border: 1px solid #e2e8f0; border-radius: 6px; }"
        )
        self.value = QLabel("—", self)
        self.value.setStyleSheet("font-size: 17pt; font-weight: 600; color: #1f3a5f;")
        self.name = QLabel(name, self)
        self.name.setStyleSheet("color: #4b5563;")
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 6, 12, 6)
        column.setSpacing(0)
        column.addWidget(self.value)
        column.addWidget(self.name)


class StatisticsPage(QWidget):
    # Emitted each time new figures are on screen.
    figures_shown = Signal()
    # A line for the officer: an export written, or why nothing was counted.
    message = Signal(str)

    def __init__(self, library: Library, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.figures: Figures | None = None
        self.specs: list[ChartSpec] = []
        self._generation = 0
        self._scope_read = False
        self.filters = FilterBar(self)
        self.excel_button = QPushButton(self.tr("Excel…"), self)
        self.pictures_button = QPushButton(self.tr("Charts as PNG…"), self)
        self.word_button = QPushButton(self.tr("Summary for Word…"), self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.tiles = {
            "total": Tile(self.tr("New matters"), self),
            "solved": Tile(self.tr("Hard cases solved"), self),
            "amount": Tile(self.tr("Assistance paid"), self),
            "days": Tile(self.tr("Median days to decision"), self),
            "policies": Tile(self.tr("Policies adopted (from patterns)"), self),
            "thresholds": Tile(self.tr("Thresholds lowered"), self),
        }
        self.views = [ChartView(self) for _ in range(8)]
        self._layout()
        self.filters.changed.connect(self.refresh)
        self.excel_button.clicked.connect(self.export_excel)
        self.pictures_button.clicked.connect(self.export_pictures)
        self.word_button.clicked.connect(self.export_word)
        self.message.connect(self.note.setText)
        self._set_exports_enabled(False)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.filters)
        bar.addStretch(1)
        for button in (self.excel_button, self.pictures_button, self.word_button):
            bar.addWidget(button)
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        grid_box = QWidget(self)
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for number, view in enumerate(self.views):
            grid.addWidget(view, number // COLUMNS, number % COLUMNS)
            grid.setRowMinimumHeight(number // COLUMNS, 330)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addLayout(tiles)
        layout.addWidget(scroll, 1)

    def _set_exports_enabled(self, enabled: bool) -> None:
        for button in (self.excel_button, self.pictures_button, self.word_button):
            button.setEnabled(enabled)

    # -- computing ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Matters may have been imported or decided meanwhile: count again.
        self.refresh()

    def refresh(self) -> None:
        """Count the figures of the chosen period in the background."""
        try:
            period = None if not self._scope_read else self.filters.period()
        except PrecedentError as error:
            self.message.emit(error.message)
            return
        self._generation += 1
        generation = self._generation
        read_first = not self._scope_read

        def work(_progress: Callable[[int, int], None]) -> tuple[Scope | None, Figures | None]:
            with self.library.session() as session:
                scope = read_scope(session)
                return scope, compute_figures(session, period) if not read_first else None

        self.tasks.run(
            work,
            on_done=lambda result: self._counted(generation, *result),
            context=self,
            parent=self,
        )

    def _counted(self, generation: int, scope: Scope | None, figures: Figures | None) -> None:
        if generation != self._generation:
            return
        if scope is not None and scope != self.filters.scope:
            self.filters.set_scope(scope)
        if figures is None:
            # The first pass read the scope only: count the period it offers.
            self._scope_read = True
            self.refresh()
            return
        self.show_figures(figures)

    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        self.specs = chart_specs(figures)
        for view, spec in zip(self.views, self.specs, strict=True):
            view.show_spec(spec)
        self._show_tiles(figures)
        self.note.setText(
            self.tr(
                "%1, %2. New matters count by filing date; solved cases, measures and "
                "days by decision date; policies by the date they took effect."
            )
            .replace("%1", figures.period.label())
            .replace("%2", district_label(figures))
        )
        self._set_exports_enabled(True)
        self.figures_shown.emit()

    def _show_tiles(self, f: Figures) -> None:
        # The Word summary's module (python-docx) is only needed once figures are shown.
        from precedents.documents.annual_summary import yuan

        days = f.days_to_decision
        values = {
            "total": str(f.total),
            "solved": str(f.solved),
            "amount": yuan(f.amount_total),
            "days": f"{days.median:g}" if days else "—",
            "policies": f"{len(f.registry.adopted)}（{f.registry.from_patterns}）",
            "thresholds": str(f.registry.thresholds_lowered),
        }
        for key, text in values.items():
            self.tiles[key].value.setText(text)

    # -- exports --------------------------------------------------------------------

    def _file_stem(self) -> str:
        assert self.figures is not None
        period = self.figures.period
        label = "" if period.label() == "全部" else period.label()
        return f"{label}{period.district or ''}一事一议工作情况统计"

    def export_excel(self) -> None:
        figures = self.figures
        path = StatsFiles.excel_file(self, f"{self._file_stem()}.xlsx") if figures else None
        if figures is None or path is None:
            return
        from precedents.stats_exports import write_figures_xlsx

        self.tasks.run(
            lambda _progress: write_figures_xlsx(figures, path),
            on_done=self._written,
            label=self.tr("Writing the Excel workbook…"),
            parent=self,
            context=self,
        )

    def export_pictures(self) -> None:
        folder = StatsFiles.picture_folder(self) if self.figures else None
        if folder is None:
            return
        written = [
            save_picture(spec, folder / picture_name(number, spec))
            for number, spec in enumerate(self.specs, start=1)
            if not spec.empty
        ]
        self.message.emit(
            self.tr("%n chart(s) saved in %1", "", len(written)).replace("%1", str(folder))
        )

    def export_word(self) -> None:
        figures = self.figures
        path = StatsFiles.word_file(self, f"{self._file_stem()}.docx") if figures else None
        if figures is None or path is None:
            return
        self.library.paths.cache.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="charts-", dir=self.library.paths.cache))
        charts = {
            spec.key: save_picture(spec, folder / f"{spec.key}.png", with_title=False)
            for spec in self.specs
            if not spec.empty
        }
        settings = self.library.settings

        def work(_progress: Callable[[int, int], None]) -> Path:
            from precedents.stats_exports import write_summary_docx

            try:
                return write_summary_docx(figures, path, settings=settings, charts=charts)
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        self.tasks.run(
            work,
            on_done=self._written,
            label=self.tr("Writing the summary…"),
            parent=self,
            context=self,
        )

    def _written(self, path: Any) -> None:
        self.message.emit(self.tr("Written: %1").replace("%1", str(path)))
