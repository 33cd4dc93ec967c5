"""The selected pattern: what defines it, its typical household, amounts and precedents.

From top to bottom: the pattern's name with the curation buttons, its facts
(support, districts, period, defining hardships, barriers and measures, key
terms, the typical household, the policy drafted from it), the amounts decided
per measure, and its precedents. Double-clicking a precedent opens it in the
library; the buttons under the list split precedents off or take one out.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.patterns.models import AmountsModel, CaseColumn, CasesModel, yuan
from desktop.patterns.operations import Overview
from precedents.patterns.describe import HouseholdFacts, Pattern
from precedents.patterns.registry import Policy

CHIP = "<span style='background:{bg}; color:{fg}; padding:2px 6px;'>&nbsp;{text}&nbsp;</span>"
CHIP_COLORS = {
    "hardship": ("#fef3c7", "#92400e"),
    "barrier": ("#fee2e2", "#991b1b"),
    "measure": ("#dcfce7", "#166534"),
    "term": ("#ede9fe", "#5b21b6"),
}


def chips(terms: tuple[str, ...] | list[str], kind: str) -> str:
    background, foreground = CHIP_COLORS[kind]
    return (
        " ".join(CHIP.format(bg=background, fg=foreground, text=html.escape(t)) for t in terms)
        or "—"
    )


def table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    return view


class PatternDetails(QWidget):
    confirm_requested = Signal()
    rename_requested = Signal()
    draft_requested = Signal()
    split_requested = Signal(list)  # codes ticked beforehand
    exclude_requested = Signal(str)  # code
    open_precedent = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pattern: Pattern | None = None
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("color: #1f3a5f;")
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet("color: #6b7280;")
        self.confirm_button = QPushButton(self.tr("Confirm"), self)
        self.confirm_button.setToolTip(
            self.tr("Keep this pattern with its precedents whatever later mining finds")
        )
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.draft_button = QPushButton(self.tr("Draft policy…"), self)
        self.draft_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.rename_button.clicked.connect(self.rename_requested)
        self.draft_button.clicked.connect(self.draft_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.subtitle, 1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.draft_button)

        self.facts = QTextBrowser(self)
        self.facts.setOpenLinks(False)
        self.facts.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.amounts = AmountsModel(self)
        self.amounts_view = table(self)
        self.amounts_view.setModel(self.amounts)
        self.amounts_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.amounts_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.cases = CasesModel(self)
        self.cases_view = table(self)
        self.cases_view.setModel(self.cases)
        self.cases_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.cases_view.horizontalHeader()
        header.setSectionResizeMode(CaseColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CaseColumn.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CaseColumn.DISTRICT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CaseColumn.DECIDED_ON, QHeaderView.ResizeMode.ResizeToContents)
        self.cases_view.doubleClicked.connect(
            lambda index: self.open_precedent.emit(self.cases.line(index.row()).code)
        )
        self.open_button = QPushButton(self.tr("Open in library"), self)
        self.split_button = QPushButton(self.tr("Split off…"), self)
        self.exclude_button = QPushButton(self.tr("Take out of pattern…"), self)
        self.open_button.clicked.connect(self._open_selected)
        self.split_button.clicked.connect(lambda: self.split_requested.emit(self.selected_codes()))
        self.exclude_button.clicked.connect(self._exclude_selected)
        self.cases_view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.cases_label = QLabel(self)
        self.cases_label.setStyleSheet("font-weight: 600;")
        case_buttons = QHBoxLayout()
        case_buttons.addWidget(self.cases_label, 1)
        case_buttons.addWidget(self.open_button)
        case_buttons.addWidget(self.split_button)
        case_buttons.addWidget(self.exclude_button)

        amounts_box = self._box(
            QLabel(self.tr("Amounts decided per measure"), self), self.amounts_view
        )
        cases_box = QWidget(self)
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.setContentsMargins(0, 0, 0, 0)
        cases_layout.addLayout(case_buttons)
        cases_layout.addWidget(self.cases_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.facts)
        self.splitter.addWidget(amounts_box)
        self.splitter.addWidget(cases_box)
        self.splitter.setSizes([315, 180, 240])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)
        self.show_pattern(None, None)

    def _box(self, label: QLabel, view: QWidget) -> QWidget:
        label.setStyleSheet("font-weight: 600;")
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(view)
        return box

    # -- showing ------------------------------------------------------------------

    def show_pattern(self, pattern: Pattern | None, overview: Overview | None) -> None:
        self.pattern = pattern
        if pattern is None or overview is None:
            self.title.setText(self.tr("No pattern selected"))
            self.subtitle.setText("")
            self.facts.setHtml("")
            self.amounts.set_stats([])
            self.cases.set_lines([])
            self.cases_label.setText(self.tr("Precedents"))
            self._update()
            return
        self.title.setText(pattern.title)
        parts = [pattern.id]
        if pattern.confirmed:
            parts.append(self.tr("confirmed"))
        if pattern.name:
            parts.append(self.tr("renamed; mined label: %1").replace("%1", pattern.label))
        self.subtitle.setText(" · ".join(parts))
        self.facts.setHtml(self.facts_html(pattern, overview))
        self.amounts.set_stats(pattern.amounts)
        lines = [overview.cases[c] for c in pattern.codes if c in overview.cases]
        self.cases.set_lines(lines)
        self.cases_label.setText(self.tr("Precedents (%1)").replace("%1", str(len(lines))))
        draft = overview.registry.open_draft(pattern.id)
        self.draft_button.setText(self.tr("Open draft…") if draft else self.tr("Draft policy…"))
        self._update()

    def show_several(self, count: int) -> None:
        """Several patterns are selected: the list's Merge button is what applies to them."""
        self.show_pattern(None, None)
        self.title.setText(self.tr("%n patterns selected", "", count))
        self.subtitle.setText(self.tr("Merge selected… joins them into the first one."))

    def _update(self) -> None:
        has = self.pattern is not None
        selected = self.selected_codes()
        self.confirm_button.setEnabled(has and not (self.pattern and self.pattern.confirmed))
        self.rename_button.setEnabled(has)
        self.draft_button.setEnabled(has)
        self.open_button.setEnabled(len(selected) == 1)
        self.split_button.setEnabled(has and self.cases.rowCount() > 1)
        self.exclude_button.setEnabled(len(selected) == 1)

    def selected_codes(self) -> list[str]:
        rows = sorted({i.row() for i in self.cases_view.selectionModel().selectedRows()})
        return [self.cases.line(r).code for r in rows]

    def _open_selected(self) -> None:
        codes = self.selected_codes()
        if len(codes) == 1:
            self.open_precedent.emit(codes[0])

    def _exclude_selected(self) -> None:
        codes = self.selected_codes()
        if len(codes) == 1:
            self.exclude_requested.emit(codes[0])

    # -- facts --------------------------------------------------------------------

    def facts_html(self, pattern: Pattern, overview: Overview) -> str:
        span = f"{pattern.first_on.isoformat()} — {pattern.last_on.isoformat()}"
        rows = [
            (self.tr("Precedents"), self.tr("%n precedent(s)", "", pattern.support)),
            (
                self.tr("Districts"),
                html.escape("、".join(pattern.districts)) + f"（{len(pattern.districts)}）",
            ),
            (self.tr("Period"), span),
            (self.tr("Hardships"), chips(pattern.hardships, "hardship")),
            (self.tr("Barriers"), chips(pattern.barriers, "barrier")),
            (self.tr("Measures"), chips(pattern.measures, "measure")),
            (self.tr("Key terms"), chips(list(pattern.key_terms), "term")),
            (self.tr("Typical household"), self.household_html(pattern.household)),
            (self.tr("Policy"), self.policies_html(overview.registry.for_pattern(pattern.id))),
        ]
        body = "".join(
            f"<tr><td style='color:#6b7280; padding:3px 12px 3px 0;' nowrap>{label}</td>"
            f"<td style='padding:3px 0;'>{value}</td></tr>"
            for label, value in rows
        )
        return f"<table cellspacing='0'>{body}</table>"

    def household_html(self, facts: HouseholdFacts) -> str:
        parts = []
        if facts.median_size is not None:
            size = f"{facts.median_size:g}"
            parts.append(self.tr("median %1 person(s)").replace("%1", size))
        if facts.median_income is not None:
            parts.append(
                self.tr("median income %1 a month").replace("%1", yuan(facts.median_income))
            )
        if facts.median_income_per_person is not None:
            parts.append(self.tr("%1 a person").replace("%1", yuan(facts.median_income_per_person)))
        common = "、".join(f"{term} {count}" for term, count in facts.hardships[:4])
        if common:
            parts.append(self.tr("hardships: %1").replace("%1", html.escape(common)))
        barriers = "、".join(f"{term} {count}" for term, count in facts.barriers[:3])
        if barriers:
            parts.append(self.tr("barriers: %1").replace("%1", html.escape(barriers)))
        return "；".join(parts) or "—"

    def policies_html(self, policies: list[Policy]) -> str:
        if not policies:
            return self.tr("none drafted yet")
        return "<br>".join(
            f"《{html.escape(p.title)}》 {p.status}"
            + (f"（{html.escape(p.document_number)}）" if p.document_number else "")
            for p in policies
        )
