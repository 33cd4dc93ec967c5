"""The filter bar of the statistics screen: a period (a year, all, or any dates) and a district.

Emits `changed` once per change the officer makes; choosing a year sets both
dates, editing a date turns the period choice to "custom".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from precedents.stats import Period
from precedents.stats_scope import Scope

# Item data of the period choices that are not a year.
ALL, CUSTOM = "all", "custom"


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = Scope(None, None, ())
        self.period_box = QComboBox(self)
        self.period_box.setMinimumContentsLength(8)
        self.start_edit = self._date_edit()
        self.end_edit = self._date_edit()
        self.district_box = QComboBox(self)
        self.district_box.setMinimumContentsLength(8)
        self.district_box.addItem(self.tr("All districts"), "")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (self.tr("Period"), self.period_box),
            (self.tr("From"), self.start_edit),
            (self.tr("To"), self.end_edit),
            (self.tr("District"), self.district_box),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget)
        self._fill_periods()
        self.period_box.activated.connect(self._period_chosen)
        self.district_box.activated.connect(lambda _index: self.changed.emit())
        self.start_edit.editingFinished.connect(self._date_edited)
        self.end_edit.editingFinished.connect(self._date_edited)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate.currentDate())
        return edit

    def _fill_periods(self) -> None:
        self.period_box.clear()
        self.period_box.addItem(self.tr("All matters"), ALL)
        for year in self.scope.years:
            self.period_box.addItem(self.tr("Year %1").replace("%1", str(year)), year)
        self.period_box.addItem(self.tr("Custom dates"), CUSTOM)

    def set_scope(self, scope: Scope) -> None:
        """New districts and years to offer; keeps the officer's choices where they still apply."""
        first = self.scope.first is None
        chosen, district = self.period_box.currentData(), self.district()
        self.scope = scope
        self._fill_periods()
        self.district_box.clear()
        self.district_box.addItem(self.tr("All districts"), "")
        for name in scope.districts:
            self.district_box.addItem(name, name)
        self.district_box.setCurrentIndex(max(self.district_box.findData(district or ""), 0))
        index = self.period_box.findData(chosen)
        if first or index < 0:
            index = self.period_box.findData(ALL)
        self.period_box.setCurrentIndex(index)
        if self.period_box.currentData() != CUSTOM:
            self._set_dates_of_choice()

    def _period_chosen(self, _index: int) -> None:
        if self.period_box.currentData() != CUSTOM:
            self._set_dates_of_choice()
        self.changed.emit()

    def _set_dates_of_choice(self) -> None:
        choice = self.period_box.currentData()
        if isinstance(choice, int):
            self._set_dates(dt.date(choice, 1, 1), dt.date(choice, 12, 31))
        elif self.scope.first is not None and self.scope.last is not None:
            self._set_dates(self.scope.first, self.scope.last)

    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _date_edited(self) -> None:
        self.period_box.setCurrentIndex(self.period_box.findData(CUSTOM))
        self.changed.emit()

    def set_period(self, start: dt.date, end: dt.date, district: str | None = None) -> None:
        """Choose dates (and a district) as the officer would; emits `changed`."""
        self._set_dates(start, end)
        year = start.year
        whole_year = (start, end) == (dt.date(year, 1, 1), dt.date(year, 12, 31))
        index = self.period_box.findData(year) if whole_year else -1
        self.period_box.setCurrentIndex(index if index >= 0 else self.period_box.findData(CUSTOM))
        self.district_box.setCurrentIndex(max(self.district_box.findData(district or ""), 0))
        self.changed.emit()

    def district(self) -> str | None:
        return self.district_box.currentData() or None

    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        """The dates to count; open at both ends for "all matters"."""
        if self.period_box.currentData() == ALL:
            return None, None
        return _day(self.start_edit.date()), _day(self.end_edit.date())

    def period(self) -> Period:
        """The period chosen; raises `PrecedentError` when the dates are the wrong way round."""
        start, end = self.dates()
        return Period(start, end, self.district())


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())
