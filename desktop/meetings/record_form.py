"""The meeting record as it is typed during the meeting, in three tabs.

会议 (level, date, place, chair, recorder, the facts presented and who took
part), 意见 (who said what, dissent tinted) and 结论 (the outcome with its
reason, the decision, its measures and the reason for departing from
precedents). The form holds text; `review_state.build_review` checks it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.editor.rows import ChoiceDelegate, MeasuresModel, TermDelegate
from desktop.meetings.models import ROLES, STANCES, Index, OpinionsModel, ParticipantsModel
from desktop.meetings.review_state import MeetingFields
from precedents.meetings.model import Opinion, Outcome, Participant
from precedents.record import LEVELS
from precedents.validation import Issue
from precedents.vocabulary import Vocabulary


class SpeakerDelegate(ChoiceDelegate):
    """A speaker is picked from the participants as they are at that moment; a
    participant's department comes along when the opinion has none yet."""

    def __init__(self, participants: ParticipantsModel, parent: QWidget | None = None) -> None:
        super().__init__((), parent)
        self.participants = participants

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        self.choices = tuple(self.participants.names())
        return super().createEditor(parent, option, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        super().setModelData(editor, model, index)
        department = model.index(index.row(), 1)
        if not department.data():
            known = self.participants.department_of(str(index.data() or ""))
            if known:
                model.setData(department, known)


def _table(model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.verticalHeader().setMinimumSectionSize(28)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(True)
    return view


class MeetingForm(QTabWidget):
    changed = Signal()

    def __init__(self, vocabulary: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.participants = ParticipantsModel(self)
        self.opinions = OpinionsModel(self)
        self.measures = MeasuresModel(self)
        self.addTab(self._meeting_tab(), self.tr("Meeting"))
        self.addTab(self._opinions_tab(), self.tr("Opinions"))
        self.addTab(self._decision_tab(vocabulary), self.tr("Outcome"))
        for model in (self.participants, self.opinions, self.measures):
            model.edited.connect(self.changed)

    # -- layout -----------------------------------------------------------------

    def _line(self, placeholder: str = "") -> QLineEdit:
        line = QLineEdit(self)
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(lambda _t: self.changed.emit())
        return line

    def _text(self, placeholder: str, height: int) -> QPlainTextEdit:
        """A text box `height` pixels high, growing to twice that: the tables get the rest."""
        text = QPlainTextEdit(self)
        text.setPlaceholderText(placeholder)
        text.setMinimumHeight(height)
        text.setMaximumHeight(height * 2)
        text.textChanged.connect(self.changed)
        return text

    def _rows_bar(self, view: QTableView, add_text: str, add: Any) -> QHBoxLayout:
        add_button = QPushButton(add_text, self)
        remove_button = QPushButton(self.tr("Remove"), self)
        add_button.clicked.connect(add)
        remove_button.clicked.connect(
            lambda: view.model().remove(view.currentIndex().row())  # type: ignore[attr-defined]
        )
        bar = QHBoxLayout()
        bar.addWidget(add_button)
        bar.addWidget(remove_button)
        bar.addStretch(1)
        return bar

    def _meeting_tab(self) -> QWidget:
        tab = QWidget(self)
        self.level = QComboBox(tab)
        self.level.addItems(list(LEVELS))
        self.level.currentTextChanged.connect(lambda _t: self.changed.emit())
        self.held_on = self._line("2025-03-18")
        self.place = self._line(self.tr("e.g. 杏林街道办事处三楼会议室"))
        self.chair = self._line()
        self.recorder = self._line()
        self.facts = self._text(self.tr("What was presented to the meeting"), 60)
        form = QFormLayout()
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Date"), self.held_on)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Chair"), self.chair)
        form.addRow(self.tr("Recorder"), self.recorder)
        form.addRow(self.tr("Facts presented"), self.facts)
        self.participants_view = _table(self.participants, tab)
        self.participants_view.setItemDelegateForColumn(2, ChoiceDelegate(ROLES, self))
        self.participants_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Participants"), tab))
        layout.addWidget(self.participants_view, 1)
        bar = self._rows_bar(
            self.participants_view, self.tr("Add participant"), self.add_participant
        )
        self.recent_box = QComboBox(tab)
        self.recent_box.setMinimumContentsLength(12)
        self.recent_box.activated.connect(self._add_recent)
        self.set_recent([])
        bar.addWidget(self.recent_box)
        layout.addLayout(bar)
        return tab

    def _opinions_tab(self) -> QWidget:
        tab = QWidget(self)
        self.opinions_view = _table(self.opinions, tab)
        self.opinions_view.setItemDelegateForColumn(0, SpeakerDelegate(self.participants, self))
        self.opinions_view.setItemDelegateForColumn(2, ChoiceDelegate(STANCES, self))
        header = self.opinions_view.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        hint = QLabel(self.tr("Dissent and reservations are kept as said, and tinted."), tab)
        hint.setStyleSheet("color: #6b7280;")
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(self.opinions_view, 1)
        layout.addLayout(
            self._rows_bar(self.opinions_view, self.tr("Add opinion"), self.add_opinion)
        )
        return tab

    def _decision_tab(self, vocabulary: Vocabulary) -> QWidget:
        tab = QWidget(self)
        self.outcome = QComboBox(tab)
        self.outcome.addItems([outcome.value for outcome in Outcome])
        self.outcome.currentTextChanged.connect(lambda _t: self._outcome_changed())
        self.outcome_reason = self._text(
            self.tr("Why the matter goes up a level, or what information is missing"), 44
        )
        self.decision = self._text(self.tr("The decision as the meeting worded it"), 56)
        self.measures_view = _table(self.measures, tab)
        self.measures_view.setItemDelegateForColumn(0, TermDelegate(vocabulary, "measure", self))
        header = self.measures_view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.consistency = self._text(
            self.tr("Only when the decision departs from the closest precedents"), 44
        )
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Reason"), self.outcome_reason)
        form.addRow(self.tr("Decision"), self.decision)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Measures: amounts, departments, deadlines"), tab))
        layout.addWidget(self.measures_view, 1)
        layout.addLayout(
            self._rows_bar(self.measures_view, self.tr("Add measure"), self.measures.add_row)
        )
        departing = QFormLayout()
        departing.addRow(self.tr("Reason for departing"), self.consistency)
        layout.addLayout(departing)
        self._outcome_changed()
        return tab

    def _outcome_changed(self) -> None:
        decided = self.outcome.currentText() == Outcome.DECIDED.value
        reasoned = self.outcome.currentText() in (Outcome.ESCALATED, Outcome.RETURNED)
        for widget in (self.decision, self.measures_view, self.consistency):
            widget.setEnabled(decided)
        self.outcome_reason.setEnabled(reasoned)
        self.changed.emit()

    # -- rows -------------------------------------------------------------------

    def add_participant(self) -> None:
        row = self.participants.append(Participant(name=""))
        self.participants_view.setCurrentIndex(self.participants.index(row, 0))
        self.participants_view.edit(self.participants.index(row, 0))

    def set_recent(self, people: list[Participant]) -> None:
        """People from earlier meetings, offered for a quick entry."""
        self.recent_box.clear()
        self.recent_box.addItem(self.tr("From earlier meetings…"), None)
        for person in people:
            text = f"{person.name}（{person.department}）" if person.department else person.name
            self.recent_box.addItem(text, person)
        self.recent_box.setEnabled(bool(people))

    def _add_recent(self, row: int) -> None:
        person = self.recent_box.itemData(row)
        self.recent_box.setCurrentIndex(0)
        if isinstance(person, Participant) and person.name not in self.participants.names():
            self.participants.append(Participant(person.name, person.department))

    def add_opinion(self) -> None:
        row = self.opinions.append(Opinion(speaker="", text=""))
        self.opinions_view.setCurrentIndex(self.opinions.index(row, 0))
        self.opinions_view.edit(self.opinions.index(row, 0))

    # -- contents ---------------------------------------------------------------

    def set_fields(self, fields: MeetingFields) -> None:
        widgets = (self.level, self.held_on, self.place, self.chair, self.recorder, self.facts)
        for widget in (*widgets, self.outcome, self.outcome_reason, self.decision):
            widget.blockSignals(True)
        self.level.setCurrentText(fields.level)
        self.held_on.setText(fields.held_on)
        self.place.setText(fields.place)
        self.chair.setText(fields.chair)
        self.recorder.setText(fields.recorder)
        self.facts.setPlainText(fields.presented_facts)
        self.outcome.setCurrentText(fields.outcome.value)
        self.outcome_reason.setPlainText(fields.outcome_reason)
        self.decision.setPlainText(fields.decision_text)
        self.consistency.blockSignals(True)
        self.consistency.setPlainText(fields.consistency_reason)
        for widget in (*widgets, self.outcome, self.outcome_reason, self.decision):
            widget.blockSignals(False)
        self.consistency.blockSignals(False)
        self.participants.set_rows(fields.participants)
        self.opinions.set_rows(fields.opinions)
        self.measures.set_rows(fields.measure_rows)
        self._outcome_changed()

    def fields(self) -> MeetingFields:
        return MeetingFields(
            level=self.level.currentText(),
            held_on=self.held_on.text(),
            place=self.place.text(),
            chair=self.chair.text(),
            recorder=self.recorder.text(),
            presented_facts=self.facts.toPlainText(),
            participants=self.participants.rows(),
            opinions=self.opinions.rows(),
            outcome=Outcome(self.outcome.currentText()),
            outcome_reason=self.outcome_reason.toPlainText(),
            decision_text=self.decision.toPlainText(),
            measure_rows=self.measures.rows(),
            consistency_reason=self.consistency.toPlainText(),
        )

    def show_issues(self, issues: list[Issue]) -> None:
        """Each issue on the tab that holds its field; the first such tab comes forward."""
        tabs = {"participants": 0, "opinions": 1, "measures": 2, "outcome": 2, "decision": 2}
        for issue in issues:
            head = issue.field.split("[")[0].split(".")[0]
            for prefix, tab in tabs.items():
                if head.startswith(prefix):
                    self.setCurrentIndex(tab)
                    return
        if issues:
            self.setCurrentIndex(0)

    def set_outcome(self, outcome: Outcome, reason: str = "") -> None:
        self.outcome.setCurrentText(outcome.value)
        if reason:
            self.outcome_reason.setPlainText(reason)

    def set_editable(self, editable: bool) -> None:
        """A decided matter's deciding review is shown read-only."""
        for index in range(self.count()):
            widget = self.widget(index)
            if widget is not None:
                widget.setEnabled(editable)


class RecordColumn(QWidget):
    """The form under its heading, what is wrong with it, where the meeting stands, and
    the buttons to escalate and save."""

    def __init__(self, vocabulary: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = MeetingForm(vocabulary, self)
        heading = QLabel(self.tr("Meeting record"), self)
        heading.setStyleSheet("font-weight: 600; color: #1f3a5f;")
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.issues_label = QLabel(self)
        self.issues_label.setWordWrap(True)
        self.issues_label.setStyleSheet("color: #a61b1b;")
        self.issues_label.hide()
        self.escalate_button = QPushButton(self.tr("Escalate…"), self)
        self.save_button = QPushButton(self.tr("Save meeting"), self)
        self.save_button.setDefault(True)
        self.reopen_button = QPushButton(self.tr("Review again…"), self)
        self.archive_button = QPushButton(self.tr("Archive"), self)
        self.reopen_button.hide()
        self.archive_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        buttons.addWidget(self.escalate_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 12, 8)
        layout.addWidget(heading)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.issues_label)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)
