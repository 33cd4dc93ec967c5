"""The meeting screen's questions: a reason is required where the program asks for one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from desktop.meetings.questions import ConsistencyReason, MinutesReview, WordExportDialog


def test_the_departure_reason_cannot_be_left_empty(qtbot) -> None:
    dialog = ConsistencyReason(None, ["「临时救助」金额 9,000 元超出相近先例的范围"], "")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert "临时救助" in dialog.label.text() and not ok.isEnabled()
    dialog.editor.setPlainText("  ")
    assert not ok.isEnabled()
    dialog.editor.setPlainText("照护需求更大")
    assert ok.isEnabled() and dialog.reason() == "照护需求更大"


def test_word_options_masked_by_default_template_must_exist(qtbot, tmp_path: Path) -> None:
    dialog = WordExportDialog(None, "会议纪要", "")
    qtbot.addWidget(dialog)
    assert dialog.masked.isChecked() and dialog.ok.isEnabled()
    assert dialog.options() == (True, "", None)
    dialog.masked.setChecked(False)
    assert not dialog.ok.isEnabled()
    dialog.reason.setText("移送公安机关")
    assert dialog.ok.isEnabled()
    dialog.use_template.setChecked(True)
    dialog.template.setText(str(tmp_path / "红头.docx"))
    assert not dialog.ok.isEnabled()
    (tmp_path / "红头.docx").write_bytes(b"")
    dialog.template.clear()
    dialog.template.setText(str(tmp_path / "红头.docx"))
    assert dialog.ok.isEnabled()
    assert dialog.options() == (False, "移送公安机关", tmp_path / "红头.docx")


def test_the_meeting_picker_for_minutes(qtbot) -> None:
    dialog = MinutesReview(None, [(1, "第1次"), (2, "第2次"), (3, "第3次")], 2)
    qtbot.addWidget(dialog)
    assert dialog.box.count() == 3 and dialog.sequence() == 2
    dialog.box.setCurrentIndex(0)
    assert dialog.sequence() == 1
