"""The audit trail viewer: read-only, filtered by user, action, dates and code, exported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from desktop.main_window import MainWindow
from desktop.office import audit_ops
from desktop.office.audit_export import AuditExportChoice, AuditExportDialog
from desktop.office.audit_model import AuditModel
from desktop.office.audit_viewer import NO_DATE, AuditViewer
from precedents.library import Library
from precedents.store.audit import list_events
from precedents.store.precedents import delete_record, get_record, update_record

CODE = "T-JM-2023-001"


@pytest.fixture
def viewer(qtbot, window: MainWindow, colleague: Library) -> AuditViewer:
    with colleague.sessions.begin() as session:
        record = get_record(session, CODE)
        update_record(session, record.copy(title="李四改的标题"), actor="李四", expected_version=1)
    window.actions_.audit_trail.trigger()
    found = window.findChild(AuditViewer)
    assert isinstance(found, AuditViewer)
    qtbot.waitUntil(lambda: found.model.rowCount() == 5 and found.actor.count() == 3)
    return found


def test_the_menu_opens_one_viewer_listing_the_newest_first(
    qtbot, window: MainWindow, viewer: AuditViewer, colleague: Library
) -> None:
    assert window.actions_.audit_trail in window.actions_.tools_menu.actions()
    rows = viewer.model.rows
    assert rows[0].actor == "李四" and rows[0].action == "修改" and rows[0].code == CODE
    assert "标题：" in rows[0].summary and "李四改的标题" in rows[0].summary
    assert [r.action for r in rows[1:]] == ["新建"] * 4
    assert rows[1].summary == "状态：已决定，版本：1"
    assert viewer.count_label.text() == "5 event(s)"
    window.actions_.audit_trail.trigger()
    assert window.findChildren(AuditViewer) == [viewer], "raised again, not opened twice"
    viewer.view.selectRow(0)
    assert "李四改的标题" in viewer.details.toPlainText()
    with colleague.sessions.begin() as session:
        delete_record(session, "T-TA-2022-001", actor="李四")
    viewer.refresh_button.click()
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 6)
    assert viewer.model.rows[0].action == "删除"
    viewer.close()


def test_filters_by_user_action_code_and_dates(qtbot, viewer: AuditViewer) -> None:
    viewer.actor.setCurrentText("李四")
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 1)
    viewer.actor.setCurrentText("")
    viewer.action.setCurrentIndex(viewer.action.findData("create"))
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 4)
    viewer.code.setText("T-HC-2024-001")
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 1)
    today = dt.date.today()
    viewer.since.setDate(QDate(today.year, today.month, today.day).addDays(1))
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 0)
    assert not viewer.export_button.isEnabled()
    viewer.since.setDate(NO_DATE)
    viewer.until.setDate(QDate(today.year, today.month, today.day))
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 1)
    viewer.clear_filters()
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 5)


def test_older_events_come_a_page_at_a_time(
    qtbot, viewer: AuditViewer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_ops, "PAGE", 2)
    viewer.reload()
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 2 and not viewer.loading)
    assert viewer.more_button.isEnabled() and viewer.count_label.text() == "Newest 2 of 5 events"
    viewer.load_more()
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 4 and not viewer.loading)
    viewer.load_more()
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 5)
    assert not viewer.more_button.isEnabled()
    ids = [r.id for r in viewer.model.rows]
    assert ids == sorted(ids, reverse=True)


def test_the_table_is_read_only_and_personal_data_masked(
    qtmodeltester, library: Library, colleague: Library
) -> None:
    with colleague.sessions.begin() as session:
        record = get_record(session, CODE)
        record.persons[0].phone = "13800001111"
        update_record(session, record, actor="李四", expected_version=1)
    model = AuditModel()
    qtmodeltester.check(model)
    model.set_page(audit_ops.load_page(library, audit_ops.audit_filter(actor="李四")))
    qtmodeltester.check(model)
    (row,) = model.rows
    assert row.personal and "13800001111" not in row.details and "王建国" not in row.details
    for column in range(model.columnCount()):
        assert (
            not model.flags(model.index(0, column)) & model.flags(model.index(0, 0)).ItemIsEditable
        )


def test_export_to_excel_is_masked_and_recorded(
    qtbot, viewer: AuditViewer, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "审计.xlsx"
    monkeypatch.setattr(
        AuditExportDialog, "ask", classmethod(lambda cls, p, n: AuditExportChoice(target, True, ""))
    )
    viewer.actor.setCurrentText("李四")
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 1)
    viewer.export()
    qtbot.waitUntil(lambda: "exported" in viewer.notice.text())
    sheet = load_workbook(target).active
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [(v[2], v[6], v[8]) for v in values] == [("李四", "标题", "李四改的标题")]
    with library.session() as session:
        (event,) = list_events(session, action="audit.export")
    assert event.actor == "测试员" and event.details["count"] == 1


def test_unmasked_export_needs_a_reason(qtbot) -> None:
    dialog = AuditExportDialog(None, 3)
    qtbot.addWidget(dialog)
    assert dialog.ok.isEnabled() and not dialog.reason.isEnabled()
    dialog.masked.setChecked(False)
    assert not dialog.ok.isEnabled()
    dialog.reason.setText("法院调取")
    assert dialog.ok.isEnabled()
