"""The merge view: my version and the newer stored version side by side, field by field.

Opened when a save is refused because another officer saved the precedent
first (`ConflictError`). Only the fields the two versions disagree on are
listed; the officer ticks, per field, which value to keep (fields only one
side changed are ticked already) and saves. The merged record carries the
stored version, so saving it builds on the newer version, and is refused
again if yet another save came in meanwhile. `MergeDialog.ask` is the
editor's `merge_handler`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.office.merge_delegate import DiffDelegate
from desktop.office.merge_model import FIELD, MINE, STATE, THEIRS, MergeModel
from precedents.record import PrecedentRecord
from precedents.store.merge import compare_versions, merge


class MergeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        mine: PrecedentRecord,
        theirs: PrecedentRecord,
        base: PrecedentRecord | None,
    ) -> None:
        super().__init__(parent)
        self.mine, self.theirs, self.base = mine, theirs, base
        comparison = compare_versions(mine, theirs, base)
        self.model = MergeModel(comparison, self)
        self.setWindowTitle(self.tr("Merge changes to %1").replace("%1", theirs.code))
        self.resize(1100, 680)
        self.summary = QLabel(self._summary(), self)
        self.summary.setWordWrap(True)
        self.view = self._table()
        self.progress = QLabel(self)
        self.all_mine = QPushButton(self.tr("Keep all mine"), self)
        self.all_theirs = QPushButton(self.tr("Keep all stored"), self)
        self.all_mine.clicked.connect(lambda: self.model.choose_all("mine"))
        self.all_theirs.clicked.connect(lambda: self.model.choose_all("theirs"))
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save merged version"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Back to editing"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        row.addSpacing(12)
        row.addWidget(self.progress, 1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.model.choices_changed.connect(self._update)
        self._update()
        self.buttons.setFocus()

    def _summary(self) -> str:
        c = self.model.comparison
        who = c.theirs_updated_by or self.tr("Another officer")
        text = self.tr(
            "%1 saved version %2 of this precedent at %3, after you started editing "
            "version %4. %5 field(s) differ. Tick the value to keep in each row; fields "
            "only one of you changed are ticked already. Your choice is saved onto the "
            "newer version."
        )
        for key, value in (
            ("%1", who),
            ("%2", str(c.theirs_version)),
            ("%3", c.theirs_updated_at or "—"),
            ("%4", str(c.mine_version)),
            ("%5", str(len(self.model.rows))),
        ):
            text = text.replace(key, value)
        return text

    def _table(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.model)
        view.setItemDelegateForColumn(MINE, DiffDelegate(view))
        view.setItemDelegateForColumn(THEIRS, DiffDelegate(view))
        view.setWordWrap(True)
        view.setAlternatingRowColors(False)
        view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(THEIRS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(FIELD, 170)
        view.setColumnWidth(STATE, 120)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.clicked.connect(self._clicked)
        return view

    def _clicked(self, index: object) -> None:
        """A click anywhere in a value cell chooses it (not only on the tick box)."""
        from desktop.office.merge_model import SIDES

        column = index.column()  # type: ignore[attr-defined]
        if column in SIDES:
            self.model.choose(index.row(), SIDES[column])  # type: ignore[attr-defined]

    def _update(self) -> None:
        open_fields = self.model.undecided
        if open_fields:
            names = "、".join(row.label for row in open_fields)
            self.progress.setText(self.tr("Still to choose: %1").replace("%1", names))
            self.progress.setStyleSheet("color: #b54708;")
        else:
            self.progress.setText(self.tr("Every field decided."))
            self.progress.setStyleSheet("color: #2e7d32;")
        self.save_button.setEnabled(not open_fields)

    def merged(self) -> PrecedentRecord:
        """The record to save: every field from the side ticked for it."""
        return merge(self.mine, self.theirs, self.base, self.model.choices)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        mine: PrecedentRecord,
        theirs: PrecedentRecord,
        base: PrecedentRecord | None = None,
    ) -> PrecedentRecord | None:
        """The merged record to save onto `theirs`, or None to go back to editing."""
        dialog = cls(parent, mine, theirs, base)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.merged()
