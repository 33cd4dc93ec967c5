"""The merge view after a refused save: side by side, per field, saved onto the newer version."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.dialogs.questions import Conflict, ConflictQuestion
from desktop.main_window import MainWindow
from desktop.office.merge_dialog import MergeDialog
from desktop.office.merge_model import MINE, STATE, THEIRS, MergeModel, display_value
from precedents.library import Library
from precedents.store.merge import compare_versions
from precedents.store.precedents import get_record, update_record
from tests.desktop.conftest import sample
from tests.desktop.test_editor import open_editor, set_text

CODE = "T-JM-2023-001"


def _versions() -> tuple:
    base = sample(CODE)
    base.meta.version = 1
    mine = base.copy(title="我改的标题", decision="我的处理结果")
    theirs = base.copy(situation="李四补充的情况", decision="李四的处理结果")
    theirs.meta.version = 2
    theirs.meta.updated_by = "李四"
    return mine, theirs, base


def test_merge_model_rows_and_choices(qtmodeltester) -> None:
    mine, theirs, base = _versions()
    model = MergeModel(compare_versions(mine, theirs, base))
    qtmodeltester.check(model)
    fields = [row.field for row in model.rows]
    assert fields == ["title", "situation", "decision"]
    assert model.choices == {"title": "mine", "situation": "theirs"}
    assert [row.field for row in model.undecided] == ["decision"]
    decision = fields.index("decision")
    assert model.index(decision, STATE).data() == "Both: choose"
    assert model.index(fields.index("situation"), STATE).data() == "李四"
    # The value cells act as a pair of radio buttons.
    assert model.setData(
        model.index(decision, THEIRS), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert model.choices["decision"] == "theirs" and not model.undecided
    mine_cell = model.index(decision, MINE)
    assert mine_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(
        model.index(decision, THEIRS), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert model.choices["decision"] == "mine"
    assert mine_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    qtmodeltester.check(model)


def test_values_read_as_an_officer_reads_them() -> None:
    assert display_value("hardships", ["失能", "孤寡"]) == "失能、孤寡"
    assert display_value("decided_on", None) == "(empty)"
    measures = [
        {"type": "救急难", "amount": 58000, "note": "", "department": "民政局", "deadline": None}
    ]
    assert display_value("measures", measures) == "救急难 · 58,000 yuan · by 民政局"
    persons = [{"name": "王建国", "id_number": "", "phone": "139", "relation": "本人"}]
    assert display_value("persons", persons) == "王建国 · 本人 · 139"


def test_save_is_offered_only_when_every_field_is_decided(qtbot) -> None:
    mine, theirs, base = _versions()
    dialog = MergeDialog(None, mine, theirs, base)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert "处理结果" in dialog.progress.text()
    assert "李四" in dialog.summary.text() and "version 2" in dialog.summary.text()
    dialog.all_mine.click()
    assert dialog.save_button.isEnabled()
    merged = dialog.merged()
    assert (merged.title, merged.situation, merged.decision) == (
        mine.title,
        base.situation,
        mine.decision,
    )
    assert merged.meta.version == 2
    dialog.all_theirs.click()
    assert dialog.merged().title == base.title


def test_refused_save_is_merged_field_by_field_and_saved_onto_the_newer_version(
    qtbot, window: MainWindow, library: Library, colleague: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, window, CODE)
    # 李四 saves first, on another desktop on the same database file.
    with colleague.sessions.begin() as session:
        theirs = get_record(session, CODE)
        update_record(
            session,
            theirs.copy(situation="李四补充的情况", decision="李四的处理结果"),
            actor="李四",
            expected_version=1,
        )
    questions: list[str] = []
    monkeypatch.setattr(
        ConflictQuestion,
        "ask",
        classmethod(lambda cls, p, message, can_merge: questions.append(message) or Conflict.MERGE),
    )
    shown: list[MergeDialog] = []

    def decide(dialog: MergeDialog) -> int:
        shown.append(dialog)
        model = dialog.model
        assert [r.field for r in model.rows] == ["title", "situation", "decision"]
        assert not dialog.save_button.isEnabled()
        row = [r.field for r in model.rows].index("decision")
        model.setData(model.index(row, MINE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        assert dialog.save_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", decide)
    set_text(editor, "title", "我改的标题")
    editor.form.widgets["decision"].setPlainText("我的处理结果")  # type: ignore[attr-defined]
    assert editor.save()
    qtbot.waitUntil(lambda: bool(shown) and not editor.saving and editor.base.meta.version == 3)
    assert "李四" in questions[0]
    with library.session() as session:
        stored = get_record(session, CODE)
    assert (stored.title, stored.situation, stored.decision) == (
        "我改的标题",
        "李四补充的情况",
        "我的处理结果",
    )
    assert stored.meta.version == 3 and stored.meta.updated_by == "测试员"
    assert not editor.is_dirty()


def test_going_back_from_the_merge_view_keeps_my_text(
    qtbot, window: MainWindow, library: Library, colleague: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, window, CODE)
    with colleague.sessions.begin() as session:
        update_record(
            session,
            get_record(session, CODE).copy(title="李四的标题"),
            actor="李四",
            expected_version=1,
        )
    monkeypatch.setattr(ConflictQuestion, "ask", classmethod(lambda cls, p, m, c: Conflict.MERGE))
    shown: list[MergeDialog] = []
    monkeypatch.setattr(
        MergeDialog, "exec", lambda d: shown.append(d) or QDialog.DialogCode.Rejected
    )
    set_text(editor, "title", "我的标题")
    assert editor.save()
    qtbot.waitUntil(lambda: bool(shown) and not editor.saving)
    assert editor.form.fields()["title"] == "我的标题"
    with library.session() as session:
        assert get_record(session, CODE).title == "李四的标题"


def test_the_differing_passages_are_marked() -> None:
    from desktop.office.merge_delegate import changed_spans, marked_html

    mine, theirs = changed_spans("老人独居。", "老人独居。每周探访一次。")
    assert mine == [] and theirs == [(5, 12)]
    assert marked_html("a<b\nc", [(1, 2)]) == 'a<span style="background:#fde68a">&lt;</span>b<br>c'
