"""The matter as the meeting sees it: a short, readable, masked page, and its reviews.

Title, the facts officers ask about first (district, level, status, household,
income, how it was found), the hardships and barriers, and the situation as
written. The record given is already masked (`use_cases.load_matter`), and
so are the reviews' texts in the list below it: the screen may be on a
projector, and a banner says so, as the library's detail pane does.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMenu,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.meetings.models import HistoryModel
from desktop.meetings.use_cases import MeetingMatter
from precedents.interchange.jsonl import number
from precedents.meetings.model import Review

STYLE = """
body { line-height: 150%; }
.title { font-size: 1.3em; font-weight: 600; color: #1f3a5f; margin: 0 0 4px 0; }
.muted { color: #6b7280; }
.masked { background-color: #eef6ee; color: #256029; }
.hardship { background-color: #fff1e6; color: #8a3c00; }
.barrier { background-color: #f3e8ff; color: #5b2a86; }
td.label { color: #6b7280; padding-right: 10px; }
h3 { font-size: 1.05em; color: #1f3a5f; margin: 10px 0 2px 0; }
"""

translate = QCoreApplication.translate


def _or_dash(value: object) -> str:
    return "—" if value is None or value == "" else escape(str(value))


def _tags(values: list[str], css: str) -> str:
    if not values:
        return "<span class='muted'>—</span>"
    return " ".join(f"<span class='{css}'>&nbsp;{escape(v)}&nbsp;</span>" for v in values)


def matter_html(matter: MeetingMatter) -> str:
    """The page for `matter`."""
    record = matter.record
    income = (
        translate("MeetingMatter", "%1 yuan a month").replace(
            "%1", f"{number(record.monthly_income):,}"
        )
        if record.monthly_income is not None
        else None
    )
    rows = (
        (
            translate("MeetingMatter", "District"),
            " ".join(filter(None, [record.district, record.street or ""])),
        ),
        (translate("MeetingMatter", "Level"), record.level),
        (translate("MeetingMatter", "Status"), record.status.value),
        (translate("MeetingMatter", "Household"), record.household_size),
        (translate("MeetingMatter", "Income"), income),
        (translate("MeetingMatter", "Found by"), record.discovery),
    )
    table = "".join(
        f"<tr><td class='label'>{escape(label)}</td><td>{_or_dash(value)}</td></tr>"
        for label, value in rows
    )
    hardships = translate("MeetingMatter", "Hardships")
    barriers = translate("MeetingMatter", "Barriers")
    situation_heading = translate("MeetingMatter", "Situation")
    masked = translate("MeetingMatter", "Personal data is masked: fit to project.")
    situation = "".join(
        f"<p>{escape(line.strip())}</p>" for line in record.situation.splitlines() if line.strip()
    )
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        f"<p class='title'>{escape(record.title)}</p>"
        f"<p class='muted'>{escape(record.code)}</p>"
        f"<p class='masked'>&nbsp;{escape(masked)}&nbsp;</p>"
        f"<table>{table}</table>"
        f"<h3>{escape(hardships)}</h3>"
        f"<p>{_tags(record.hardships, 'hardship')}</p>"
        f"<h3>{escape(barriers)}</h3>"
        f"<p>{_tags(record.barriers, 'barrier')}</p>"
        f"<h3>{escape(situation_heading)}</h3>"
        f"{situation or '<p class=muted>—</p>'}"
        f"{_moves(matter)}"
        "</body></html>"
    )


def _moves(matter: MeetingMatter) -> str:
    """Who moved the status when, and why: 2025-03-18 09:30 林晓：草稿 → 研判中（开始研判）."""
    if not matter.moves:
        return ""
    lines = []
    for move in matter.moves:
        note = f"（{escape(move.note)}）" if move.note else ""
        lines.append(
            f"<p class='muted'>{move.at:%Y-%m-%d %H:%M} {escape(move.actor)}："
            f"{escape(move.old)} → {escape(move.new)}{note}</p>"
        )
    heading = escape(translate("MeetingMatter", "Status moves"))
    return f"<h3>{heading}</h3>" + "".join(lines)


class MatterPanel(QSplitter):
    """The matter's page above the list of its reviews so far; a review's context menu
    writes its minutes."""

    # The minutes of the review with this sequence were asked for.
    minutes_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.history_box = QWidget(self)
        self.history = HistoryModel(self)
        self.history_view = QListView(self.history_box)
        self.history_view.setModel(self.history)
        self.history_view.setWordWrap(True)
        self.history_view.setSpacing(2)
        self.history_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.history_view.customContextMenuRequested.connect(self._review_menu)
        heading = QLabel(self.tr("Reviews so far"), self.history_box)
        heading.setStyleSheet("font-weight: 600; color: #1f3a5f;")
        self.empty = QLabel(self.tr("None yet: this is the first meeting."), self.history_box)
        self.empty.setStyleSheet("color: #6b7280;")
        box = QVBoxLayout(self.history_box)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(heading)
        box.addWidget(self.empty)
        box.addWidget(self.history_view, 1)
        self.addWidget(self.view)
        self.addWidget(self.history_box)
        self.setSizes([520, 220])

    def show_matter(self, matter: MeetingMatter, current: Review) -> None:
        self.view.setHtml(matter_html(matter))
        self.history.set_reviews(matter.reviews, current.sequence or None, matter.masked)
        self.empty.setVisible(not matter.reviews)

    def review_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of the review at `index` (None: no review there)."""
        review = index.data(HistoryModel.REVIEW_ROLE)
        if not isinstance(review, Review):
            return None
        menu = QMenu(self)
        sequence = review.sequence
        menu.addAction(
            self.tr("Minutes of meeting %1…").replace("%1", str(sequence)),
            lambda: self.minutes_requested.emit(sequence),
        )
        return menu

    def _review_menu(self, position: QPoint) -> None:
        menu = self.review_menu(self.history_view.indexAt(position))
        if menu is not None:
            menu.exec(self.history_view.viewport().mapToGlobal(position))

    def say(self, text: str) -> None:
        self.view.setPlainText(text)
        self.history.set_reviews([])
        self.empty.hide()
