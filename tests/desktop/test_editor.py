"""Editing: validation beside the fields, saving through the domain, drafts, undo."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.dialogs.questions import (
    ConfirmDelete,
    Conflict,
    ConflictQuestion,
    RestoreDraft,
    Unsaved,
    UnsavedChanges,
)
from desktop.editor.editor import EditorPanel
from desktop.main_window import MainWindow
from precedents.drafts import DraftStore
from precedents.library import Library
from precedents.store.precedents import find_record, get_record, update_record
from tests.desktop.conftest import type_chinese
from tests.desktop.test_library_page import codes


def open_editor(qtbot, window: MainWindow, code: str) -> EditorPanel:
    page = window.library_page
    page.select_code(code)
    record = page.record
    qtbot.waitUntil(lambda: record.detail.code == code)
    record.edit()
    qtbot.waitUntil(lambda: record.editing)
    return record.editor


def set_text(editor: EditorPanel, name: str, text: str) -> None:
    widget = editor.form.widgets[name]
    widget.setText(text)  # type: ignore[attr-defined]
    widget.editingFinished.emit()  # type: ignore[attr-defined]


def note(editor: EditorPanel, name: str) -> str:
    return editor.form.notes[name].text() if editor.form.notes[name].isVisible() else ""


def test_validation_messages_appear_beside_the_fields(qtbot, window: MainWindow) -> None:
    editor = open_editor(qtbot, window, "T-JM-2023-001")
    set_text(editor, "filed_on", "2023/5/10")
    set_text(editor, "monthly_income", "两千")
    set_text(editor, "title", "")
    qtbot.waitUntil(lambda: note(editor, "filed_on") != "")
    assert "YYYY-MM-DD" in note(editor, "filed_on")
    assert "数字" in note(editor, "monthly_income")
    assert "不能为空" in note(editor, "title")
    assert note(editor, "code") == ""


def test_person_id_and_phone_are_checked_per_row(qtbot, window: MainWindow) -> None:
    editor = open_editor(qtbot, window, "T-JM-2023-001")
    persons = editor.form.persons
    persons.setData(persons.index(0, 2), "350211194805123219")  # wrong check digit
    persons.setData(persons.index(0, 3), "1391234")
    qtbot.waitUntil(lambda: note(editor, "persons") != "")
    text = note(editor, "persons")
    assert "校验位" in text and "电话号码格式不正确" in text
    assert persons.index(0, 3).data(3) is not None or persons.index(0, 3).data(8) is not None


def test_save_is_refused_while_fields_are_wrong(qtbot, window: MainWindow) -> None:
    editor = open_editor(qtbot, window, "T-JM-2023-001")
    set_text(editor, "decided_on", "2020-01-01")  # before the filing date
    assert editor.save() is False
    assert "早于" in note(editor, "decided_on")


def test_editing_saves_and_the_search_finds_the_new_text(
    qtbot, window: MainWindow, library: Library
) -> None:
    editor = open_editor(qtbot, window, "T-TA-2022-001")
    set_text(editor, "title", "丧偶老人两子精神残疾，土坯房翻建")
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    with library.session() as session:
        saved = get_record(session, "T-TA-2022-001")
    assert saved.title.endswith("翻建") and saved.meta.version == 2
    assert DraftStore(library.paths.drafts).load("T-TA-2022-001") is None
    page = window.library_page
    type_chinese(page.search_box, "翻建")
    qtbot.waitUntil(lambda: codes(window) == ["T-TA-2022-001"])


def test_new_matter_with_synonyms_and_measure_rows(
    qtbot, window: MainWindow, library: Library
) -> None:
    record = window.library_page.record
    window.actions_.new.trigger()
    qtbot.waitUntil(lambda: record.editing)
    editor = record.editor
    form = editor.form
    set_text(editor, "code", "T-XA-2024-009")
    set_text(editor, "title", "渔船损毁渔民临时救助")
    form.widgets["district"].setCurrentText("翔安区")  # type: ignore[attr-defined]
    form.widgets["level"].setCurrentText("区")  # type: ignore[attr-defined]
    form.widgets["situation"].setPlainText("台风中渔船损毁，家庭失去收入来源。")  # type: ignore[attr-defined]
    type_chinese(form.widgets["hardships"].input, "受灾")  # type: ignore[attr-defined]
    form.widgets["hardships"].input.returnPressed.emit()  # type: ignore[attr-defined]
    assert form.widgets["hardships"].values() == ["因灾"]  # type: ignore[attr-defined]
    row = form.measures.add_row()
    form.measures.setData(form.measures.index(row, 0), "临时救助")
    form.measures.setData(form.measures.index(row, 1), "5,000")
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    with library.session() as session:
        saved = get_record(session, "T-XA-2024-009")
    assert saved.hardships == ["因灾"]
    assert [(m.type, m.amount) for m in saved.measures] == [("临时救助", Decimal(5000))]
    qtbot.waitUntil(lambda: "T-XA-2024-009" in codes(window))


def test_duplicate_opens_a_new_matter_under_a_free_code(qtbot, window: MainWindow) -> None:
    page = window.library_page
    page.select_code("T-JM-2023-001")
    qtbot.waitUntil(lambda: page.record.detail.code == "T-JM-2023-001")
    window.actions_.duplicate.trigger()
    qtbot.waitUntil(lambda: page.record.editing)
    fields = page.record.editor.form.fields()
    assert fields["code"] == "T-JM-2023-002"
    assert fields["status"] == "草稿"
    assert page.record.editor.base is None


def test_unsaved_changes_are_asked_about_and_kept_as_a_draft(
    qtbot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, window, "T-JM-2024-002")
    set_text(editor, "street", "灌口镇")
    qtbot.waitUntil(lambda: DraftStore(library.paths.drafts).load("T-JM-2024-002") is not None)
    asked: list[str] = []
    monkeypatch.setattr(
        UnsavedChanges, "ask", classmethod(lambda cls, p, t: asked.append(t) or Unsaved.CANCEL)
    )
    window.library_page.select_code("T-HC-2024-001")
    assert asked and window.library_page.record.editing
    # The program closes anyway (a crash): the draft is offered next time.
    window.library_page.record.editor._timers["autosave"].stop()
    monkeypatch.setattr(RestoreDraft, "ask", classmethod(lambda cls, p, t, at: True))
    editor.key = ""  # forget the open edit as a crash would
    window.library_page.record.stack.setCurrentIndex(0)
    again = open_editor(qtbot, window, "T-JM-2024-002")
    assert again.form.fields()["street"] == "灌口镇"
    assert again.is_dirty()


def test_conflict_is_explained_and_nothing_is_overwritten(
    qtbot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch, errors_shown
) -> None:
    editor = open_editor(qtbot, window, "T-JM-2023-001")
    with library.sessions.begin() as session:
        theirs = get_record(session, "T-JM-2023-001")
        theirs.title = "别人改过的标题"
        update_record(session, theirs, actor="李四", expected_version=1)
    messages: list[str] = []
    monkeypatch.setattr(
        ConflictQuestion,
        "ask",
        classmethod(lambda cls, p, m, merge: messages.append(m) or Conflict.KEEP_EDITING),
    )
    set_text(editor, "title", "我的标题")
    assert editor.save()
    qtbot.waitUntil(lambda: bool(messages))
    assert "李四" in messages[0]
    with library.session() as session:
        assert get_record(session, "T-JM-2023-001").title == "别人改过的标题"
    assert editor.form.fields()["title"] == "我的标题", "the officer's text is kept"


def test_delete_asks_and_can_be_undone(
    qtbot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.library_page
    page.select_code("T-HC-2024-001")
    qtbot.waitUntil(lambda: page.record.detail.code == "T-HC-2024-001")
    monkeypatch.setattr(ConfirmDelete, "ask", classmethod(lambda cls, p, c, t: False))
    page.record.delete()
    assert "T-HC-2024-001" in codes(window)
    monkeypatch.setattr(ConfirmDelete, "ask", classmethod(lambda cls, p, c, t: True))
    page.record.delete()
    qtbot.waitUntil(lambda: "T-HC-2024-001" not in codes(window))
    with library.session() as session:
        assert find_record(session, "T-HC-2024-001") is None
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: "T-HC-2024-001" in codes(window))
    with library.session() as session:
        assert get_record(session, "T-HC-2024-001").title.startswith("戈谢病")


def test_closing_the_window_asks_about_unsaved_changes(
    qtbot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, window, "T-JM-2024-002")
    set_text(editor, "street", "灌口镇")
    answers = [Unsaved.CANCEL, Unsaved.DISCARD]
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, p, t: answers.pop(0)))
    window.close()
    assert window.isVisible(), "kept open: the officer chose to keep editing"
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert DraftStore(library.paths.drafts).load("T-JM-2024-002") is None


def test_closing_without_changes_does_not_ask(qtbot, window: MainWindow) -> None:
    open_editor(qtbot, window, "T-JM-2024-002")
    window.close()
    assert not window.isVisible()


def test_a_status_change_is_saved(qtbot, window: MainWindow, library: Library) -> None:
    editor = open_editor(qtbot, window, "T-JM-2023-001")
    editor.form.widgets["status"].setCurrentText("已归档")  # type: ignore[attr-defined]
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    with library.session() as session:
        assert get_record(session, "T-JM-2023-001").status.value == "已归档"


def test_del_in_the_list_deletes_but_not_in_the_search_box(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt

    asked: list[str] = []
    monkeypatch.setattr(
        ConfirmDelete, "ask", classmethod(lambda cls, p, c, t: asked.append(c) or False)
    )
    page = window.library_page
    page.select_code("T-HC-2024-001")
    qtbot.waitUntil(lambda: page.record.detail.code == "T-HC-2024-001")
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Delete)
    assert asked == []
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert asked == ["T-HC-2024-001"]


def test_a_saved_new_matter_is_shown_when_the_editor_closes(
    qtbot, window: MainWindow, library: Library
) -> None:
    record = window.library_page.record
    window.library_page.select_code("T-JM-2023-001")
    qtbot.waitUntil(lambda: record.detail.code == "T-JM-2023-001")
    window.actions_.duplicate.trigger()
    qtbot.waitUntil(lambda: record.editing)
    with qtbot.waitSignal(record.editor.saved):
        assert record.editor.save()
    record.editor.request_close(lambda: None)
    qtbot.waitUntil(lambda: record.detail.code == "T-JM-2023-002")
    qtbot.waitUntil(lambda: window.library_page.current_code() == "T-JM-2023-002")
