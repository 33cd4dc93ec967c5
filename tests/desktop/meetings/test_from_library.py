"""From the library to a meeting: 提交研判 on a precedent opens it on the meeting screen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from desktop.main_window import MainWindow


def test_take_to_a_meeting_from_the_detail_pane(qtbot, window: MainWindow) -> None:
    library_page = window.library_page
    library_page.select_code("T-HC-2024-001")
    detail = library_page.record.detail
    qtbot.waitUntil(lambda: detail.code == "T-HC-2024-001")
    assert detail.meeting_button.isVisible()
    detail.meeting_button.click()
    meeting = window.meeting_page
    assert window.pages.currentWidget() is meeting
    assert window.navigation.actions()[1].isChecked()
    # A decided precedent is not among the open matters, yet it is listed and loaded.
    qtbot.waitUntil(lambda: meeting.code == "T-HC-2024-001")
    assert meeting.matter_box.currentData(meeting.matters.CODE_ROLE) == "T-HC-2024-001"
    assert "戈谢病" in meeting.matter_panel.view.toPlainText()


def test_taking_another_matter_keeps_unsaved_notes_when_asked(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    from desktop.dialogs.questions import Unsaved, UnsavedChanges

    meeting = window.meeting_page
    window.take_to_meeting("T-JM-2024-002")
    qtbot.waitUntil(lambda: meeting.code == "T-JM-2024-002")
    meeting.form.place.setText("会议室")
    assert meeting.dirty
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, *a: Unsaved.CANCEL))
    window.show_page(0)
    window.take_to_meeting("T-HC-2024-001")
    assert window.pages.currentWidget() is window.library_page
    assert meeting.code == "T-JM-2024-002" and meeting.form.place.text() == "会议室"


def test_take_to_a_meeting_from_the_result_list(qtbot, window: MainWindow) -> None:
    view = window.library_page.view
    row = window.library_page.results.row_of("T-TA-2022-001")
    assert row is not None
    menu = view.row_menu(view.proxy.mapFromSource(window.library_page.results.index(row, 0)))
    assert menu is not None and [a.text() for a in menu.actions()] == ["Take to a meeting"]
    menu.actions()[0].trigger()
    meeting = window.meeting_page
    assert window.pages.currentWidget() is meeting
    qtbot.waitUntil(lambda: meeting.code == "T-TA-2022-001")
    assert view.row_menu(QModelIndex()) is None
