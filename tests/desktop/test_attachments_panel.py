"""Attaching files to a precedent from the library screen."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop.dialogs.questions import ConfirmRemoveAttachment
from desktop.main_window import MainWindow
from precedents.attachments import attachment_text
from precedents.library import Library


def test_attach_a_word_file_and_remove_it(
    qtbot, window: MainWindow, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "入户调查.docx"
    document = docx.Document()
    document.add_paragraph("入户调查记录：老人独居，子女在外地。")
    document.save(str(source))
    record = window.library_page.record
    window.library_page.select_code("T-JM-2024-002")
    qtbot.waitUntil(lambda: record.detail.code == "T-JM-2024-002")
    assert record.attachments.add_button.isEnabled()
    record.attachments.add_requested.emit([source])
    qtbot.waitUntil(lambda: record.attachments.model.rowCount() == 1)
    assert record.attachments.model.item(0).filename == "入户调查.docx"
    assert "(1)" in record.tabs.tabText(1)
    qtbot.waitUntil(lambda: "入户调查.docx" in record.detail.browser.toPlainText())
    with library.session() as session:
        assert "子女在外地" in attachment_text(session, "T-JM-2024-002")

    monkeypatch.setattr(ConfirmRemoveAttachment, "ask", classmethod(lambda cls, p, name: True))
    record.attachments.remove_requested.emit(record.attachments.model.item(0))
    qtbot.waitUntil(lambda: record.attachments.model.rowCount() == 0)


def test_unsupported_files_are_refused_with_a_message(
    qtbot, window: MainWindow, tmp_path: Path, errors_shown
) -> None:
    source = tmp_path / "名单.txt"
    source.write_text("x", encoding="utf-8")
    record = window.library_page.record
    window.library_page.select_code("T-JM-2024-002")
    qtbot.waitUntil(lambda: record.detail.code == "T-JM-2024-002")
    record.attachments.add_requested.emit([source])
    qtbot.waitUntil(lambda: bool(errors_shown))
    assert "名单.txt" in errors_shown[0][1]


def test_a_new_matter_cannot_take_attachments_before_saving(qtbot, window: MainWindow) -> None:
    record = window.library_page.record
    window.actions_.new.trigger()
    qtbot.waitUntil(lambda: record.editing)
    assert not record.attachments.add_button.isEnabled()
