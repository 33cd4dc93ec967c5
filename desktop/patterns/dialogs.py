"""The questions of pattern curation, each a dialog with a `classmethod ask()`.

Rename, merge, split and exclude change what every later mining run gives, so
each says so; tests replace `ask` with an answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.patterns.operations import CaseLine
from desktop.plain_table import Index
from precedents.patterns.curation import NAME_LIMIT
from precedents.patterns.describe import Pattern

translate = QCoreApplication.translate
_ROOT = QModelIndex()


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #4b5563;")
    return label


class _Form(QDialog):
    """A short question with a text field, OK and Cancel."""

    def __init__(self, parent: QWidget | None, title: str, text: str, ok: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.field = QLineEdit(self)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(_note(text, self))
        self.layout_.addWidget(self.field)
        self.layout_.addWidget(self.buttons)


class RenameDialog(_Form):
    def __init__(self, parent: QWidget | None, pattern: Pattern) -> None:
        super().__init__(
            parent,
            self.tr("Rename pattern"),
            self.tr(
                "The name officers see instead of the mined label 「%1」. It stays when the "
                "precedents are mined again. Leave it empty to show the mined label."
            ).replace("%1", pattern.label),
            self.tr("Rename"),
        )
        self.field.setText(pattern.name or "")
        self.field.setPlaceholderText(pattern.label)
        self.field.setMaxLength(NAME_LIMIT)
        self.field.selectAll()

    @classmethod
    def ask(cls, parent: QWidget | None, pattern: Pattern) -> str | None:
        dialog = cls(parent, pattern)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.field.text().strip()


class ExcludeDialog(_Form):
    """Why a precedent does not belong to a pattern; the reason goes to the audit trail."""

    def __init__(self, parent: QWidget | None, pattern: Pattern, line: CaseLine) -> None:
        super().__init__(
            parent,
            self.tr("Take precedent out of pattern"),
            self.tr(
                "%1 「%2」 will no longer count for 「%3」, now or when the precedents are "
                "mined again. Say why, for the audit trail."
            )
            .replace("%1", line.code)
            .replace("%2", line.title)
            .replace("%3", pattern.title),
            self.tr("Take out"),
        )
        self.field.setPlaceholderText(self.tr("Reason, e.g. the household's situation differs"))
        self.ok.setEnabled(False)
        self.field.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))

    @classmethod
    def ask(cls, parent: QWidget | None, pattern: Pattern, line: CaseLine) -> str | None:
        dialog = cls(parent, pattern, line)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.field.text().strip()


class ChoiceModel(QAbstractListModel):
    """Precedents with a tick box each: those to move into a new pattern."""

    def __init__(self, lines: Sequence[CaseLine], ticked: Sequence[str] = (), parent: Any = None):
        super().__init__(parent)
        self._lines = list(lines)
        self._ticked = {line.code for line in self._lines if line.code in set(ticked)}

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{line.code}　{line.title}"
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = line.code in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        code = self._lines[index.row()].code
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        if state == Qt.CheckState.Checked:
            self._ticked.add(code)
        else:
            self._ticked.discard(code)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def ticked(self) -> list[str]:
        return [line.code for line in self._lines if line.code in self._ticked]


class SplitDialog(QDialog):
    """Choose the precedents that make a pattern of their own."""

    def __init__(
        self,
        parent: QWidget | None,
        pattern: Pattern,
        lines: Sequence[CaseLine],
        ticked: Sequence[str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split pattern"))
        self.resize(640, 460)
        self.model = ChoiceModel(lines, ticked, self)
        view = QListView(self)
        view.setModel(self.model)
        view.setUniformItemSizes(True)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Split off"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = self.tr(
            "Tick the precedents of 「%1」 that are a kind of case of their own. They become a "
            "new confirmed pattern, and stay apart when the precedents are mined again."
        ).replace("%1", pattern.title)
        layout.addWidget(_note(text, self))
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        total = len(lines)
        self.model.dataChanged.connect(lambda *_: self._update(total))
        self._update(total)

    def _update(self, total: int) -> None:
        count = len(self.model.ticked())
        self.ok.setEnabled(0 < count < total)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        pattern: Pattern,
        lines: Sequence[CaseLine],
        ticked: Sequence[str] = (),
    ) -> list[str] | None:
        dialog = cls(parent, pattern, lines, ticked)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.model.ticked()


class MergeQuestion:
    @classmethod
    def ask(cls, parent: QWidget | None, target: Pattern, others: Sequence[Pattern]) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("PatternQuestions", "Merge patterns"))
        box.setText(
            translate(
                "PatternQuestions", "Merge %n pattern(s) into 「%1」?", "", len(others)
            ).replace("%1", target.title)
        )
        names = "\n".join(f"· {p.title}（{p.support}）" for p in others)
        box.setInformativeText(
            translate(
                "PatternQuestions",
                "Their precedents join it, and it is confirmed; the merge stays when the "
                "precedents are mined again.",
            )
            + "\n\n"
            + names
        )
        merge = box.addButton(
            translate("PatternQuestions", "Merge"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("PatternQuestions", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is merge
