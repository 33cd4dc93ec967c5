"""The precedent form: every field of a precedent, each with its message beside it.

The form only holds what is typed (`fields`, `set_fields`) and shows issues
next to the fields they concern (`show_issues`); validating and saving are the
editor's. A field shows its issue once the officer has left it, so a new form
is not red all over; after a save attempt every issue shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.editor.form_state import MEASURE_KEYS, PERSON_KEYS, Fields, split_field
from desktop.editor.pickers import TermCombo, TermPicker
from desktop.editor.rows import (
    RELATIONS,
    ChoiceDelegate,
    MeasuresModel,
    PersonsModel,
    RowsModel,
    TermDelegate,
)
from precedents.record import STATUSES
from precedents.validation import REQUIRED_FIELDS, Issue
from precedents.vocabulary import Vocabulary

ERROR_STYLE = "color: #b42318;"
WARNING_STYLE = "color: #b54708;"


class FieldNote(QLabel):
    """The message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def set_issues(self, issues: list[Issue]) -> None:
        if not issues:
            self.clear()
            self.hide()
            return
        errors = [i for i in issues if i.severity == "error"]
        self.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE)
        self.setText("\n".join(dict.fromkeys(_describe(i) for i in issues)))
        self.show()


def _describe(issue: Issue) -> str:
    _name, row, _key = split_field(issue.field)
    if row is None:
        return issue.message
    text = QCoreApplication.translate("FieldNote", "Row %1: %2")
    return text.replace("%1", str(row + 1)).replace("%2", issue.message)


class DateField(QWidget):
    """A date typed as YYYY-MM-DD (may stay empty), or picked from a calendar."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setMaximumWidth(140)
        self.edit.editingFinished.connect(self.editingFinished)
        button = QToolButton(self)
        button.setText(self.tr("Calendar"))
        button.setToolTip(self.tr("Pick a date"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        menu = QMenu(button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(False)
        self.calendar.setMaximumDate(QDate.currentDate())
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self._menu = menu
        self.calendar.clicked.connect(self._pick)
        button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(button)
        layout.addStretch(1)
        self.textChanged = self.edit.textChanged

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def _sync_calendar(self) -> None:
        date = QDate.fromString(self.edit.text().strip(), "yyyy-MM-dd")
        self.calendar.setSelectedDate(date if date.isValid() else QDate.currentDate())

    def _pick(self, date: QDate) -> None:
        self.edit.setText(date.toString("yyyy-MM-dd"))
        self._menu.close()
        self.editingFinished.emit()


class PrecedentForm(QWidget):
    """All fields of one precedent; `changed` fires on every edit."""

    changed = Signal()

    def __init__(
        self, vocab: Vocabulary, districts: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vocab = vocab
        self.touched: set[str] = set()
        self.notes: dict[str, FieldNote] = {}
        self.widgets: dict[str, QWidget] = {}
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(6)
        self._build_basics(layout, districts)
        self._build_terms(layout)
        self._build_narrative(layout)
        self.measures, self.measures_view = self._build_rows(
            layout, MeasuresModel(self), "measures", self.tr("Measures")
        )
        self.persons, self.persons_view = self._build_rows(
            layout, PersonsModel(self), "persons", self.tr("Persons")
        )
        self.measures_view.setItemDelegateForColumn(0, TermDelegate(vocab, "measure", self))
        self.persons_view.setItemDelegateForColumn(1, ChoiceDelegate(RELATIONS, self))
        layout.addStretch(1)

    # -- building ---------------------------------------------------------------

    def _section(self, layout: QVBoxLayout, title: str) -> QFormLayout:
        header = QLabel(title, self)
        header.setStyleSheet("font-weight: 600; font-size: 11pt; color: #1f3a5f;")
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d0d7de;")
        layout.addSpacing(8)
        layout.addWidget(header)
        layout.addWidget(line)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        layout.addLayout(form)
        return form

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        required = name in REQUIRED_FIELDS and name not in ("hardships", "barriers", "measures")
        text = f"{label} <span style='color:#b42318'>*</span>" if required else label
        note = FieldNote(self)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(note)
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        form.addRow(caption, box)
        self.notes[name] = note
        self.widgets[name] = widget
        self._watch(name, widget)

    def _watch(self, name: str, widget: QWidget) -> None:
        def touched() -> None:
            self.touched.add(name)
            self._emit_changed()

        if isinstance(widget, (QLineEdit, DateField)):
            widget.textChanged.connect(self._emit_changed)
            widget.editingFinished.connect(touched)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(touched)
        elif isinstance(widget, TermPicker):
            widget.changed.connect(touched)
            widget.problem.connect(lambda text: self._picker_problem(name, text))
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(touched)

    def _line(self, placeholder: str = "", width: int | None = None) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        if width:
            edit.setMaximumWidth(width)
        return edit

    def _build_basics(self, layout: QVBoxLayout, districts: list[str]) -> None:
        form = self._section(layout, self.tr("Basic facts"))
        self._add(form, "code", self.tr("Code"), self._line("XM-JM-2024-007", 260))
        self._add(form, "title", self.tr("Title"), self._line(self.tr("One line on the matter")))
        district = QComboBox(self)
        district.setEditable(True)
        district.addItems(["", *districts])
        district.setMaximumWidth(200)
        self._add(form, "district", self.tr("District"), district)
        self._add(form, "street", self.tr("Town or street"), self._line("", 200))
        self._add(form, "filed_on", self.tr("Filed on"), DateField(self))
        self._add(form, "decided_on", self.tr("Decided on"), DateField(self))
        level = QComboBox(self)
        level.addItems(["", *self.vocab.labels("level")])
        level.setMaximumWidth(140)
        self._add(form, "level", self.tr("Review level"), level)
        discovery = TermCombo(self.vocab, "discovery", self)
        discovery.setMaximumWidth(200)
        self._add(form, "discovery", self.tr("Found through"), discovery)
        status = QComboBox(self)
        status.addItems(list(STATUSES))
        status.setMaximumWidth(140)
        self._add(form, "status", self.tr("Status"), status)
        self._add(form, "household_size", self.tr("Household size"), self._line("", 80))
        self._add(form, "monthly_income", self.tr("Monthly income (yuan)"), self._line("", 140))

    def _build_terms(self, layout: QVBoxLayout) -> None:
        form = self._section(layout, self.tr("Hardships and barriers"))
        self._add(form, "hardships", self.tr("Hardships"), TermPicker(self.vocab, "hardship", self))
        self._add(
            form,
            "barriers",
            self.tr("Why policy did not fit"),
            TermPicker(self.vocab, "barrier", self),
        )
        tags = self._line(self.tr("Separated by 、 or commas"))
        self._add(form, "tags", self.tr("Tags"), tags)

    def _build_narrative(self, layout: QVBoxLayout) -> None:
        form = self._section(layout, self.tr("Situation and deliberation"))
        for name, label, height in (
            ("situation", self.tr("Situation"), 130),
            ("deliberation", self.tr("Deliberation"), 90),
            ("decision", self.tr("Decision"), 70),
        ):
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(height)
            self._add(form, name, label, edit)

    def _build_rows(
        self, layout: QVBoxLayout, model: RowsModel, name: str, title: str
    ) -> tuple[RowsModel, QTableView]:
        form = self._section(layout, title)
        view = QTableView(self)
        view.setModel(model)
        view.setMinimumHeight(120)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.verticalHeader().setDefaultSectionSize(28)
        add = QPushButton(self.tr("Add row"), self)
        remove = QPushButton(self.tr("Remove row"), self)
        add.clicked.connect(lambda: self._add_row(model, view))
        remove.clicked.connect(lambda: self._remove_row(model, view))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(view)
        column.addLayout(buttons)
        note = FieldNote(self)
        column.addWidget(note)
        form.addRow(box)
        self.notes[name] = note
        self.widgets[name] = view

        def edited() -> None:
            self.touched.add(name)
            self._emit_changed()

        model.edited.connect(edited)
        return model, view

    def _add_row(self, model: RowsModel, view: QTableView) -> None:
        row = model.add_row()
        view.setCurrentIndex(model.index(row, 0))
        view.edit(model.index(row, 0))

    def _remove_row(self, model: RowsModel, view: QTableView) -> None:
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()}, reverse=True)
        for row in rows or ([model.rowCount() - 1] if model.rowCount() else []):
            model.remove_row(row)

    def _picker_problem(self, name: str, text: str) -> None:
        self.notes[name].set_issues([Issue(name, text)])

    def _emit_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    # -- contents ---------------------------------------------------------------

    def fields(self) -> Fields:
        out: Fields = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, (QLineEdit, DateField)):
                out[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, TermCombo):
                out[name] = widget.value()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentText().strip()
            elif isinstance(widget, TermPicker):
                out[name] = widget.values()
        out["measures"] = self.measures.rows()
        out["persons"] = self.persons.rows()
        return out

    def set_fields(self, fields: Fields) -> None:
        self._loading = True
        try:
            for name, widget in self.widgets.items():
                value = fields.get(name, "")
                if isinstance(widget, (QLineEdit, DateField)):
                    widget.setText(str(value))
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(str(value))
                elif isinstance(widget, QComboBox):
                    widget.setCurrentText(str(value))
                elif isinstance(widget, TermPicker):
                    widget.set_values(list(value or []))
            self.measures.set_rows(
                [{k: m.get(k, "") for k in MEASURE_KEYS} for m in fields.get("measures", [])]
            )
            self.persons.set_rows(
                [{k: p.get(k, "") for k in PERSON_KEYS} for p in fields.get("persons", [])]
            )
        finally:
            self._loading = False
        self.touched.clear()
        self.show_issues([], show_all=True)

    # -- issues -----------------------------------------------------------------

    def show_issues(self, issues: list[Issue], *, show_all: bool) -> None:
        """Put each issue beside its field (only fields already left, unless `show_all`)."""
        grouped: dict[str, list[Issue]] = {name: [] for name in self.notes}
        cells: dict[str, dict[tuple[int, str], tuple[str, str]]] = {"measures": {}, "persons": {}}
        for issue in issues:
            name, row, key = split_field(issue.field)
            if name not in grouped or (not show_all and name not in self.touched):
                continue
            grouped[name].append(issue)
            if row is not None and key is not None and name in cells:
                cells[name][(row, key)] = (issue.severity, issue.message)
        for name, note in self.notes.items():
            note.set_issues(grouped[name])
        self.measures.set_issues(cells["measures"])
        self.persons.set_issues(cells["persons"])

    def widget_for(self, field_name: str) -> QWidget | None:
        return self.widgets.get(split_field(field_name)[0])
