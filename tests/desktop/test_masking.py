"""The masking question the export dialogs share: masked by default, a reason for unmasked."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desktop.dialogs.masking import MaskingChoice, choose_file_buttons


def test_unmasked_needs_a_reason_and_reports_every_change(qtbot) -> None:
    choice = MaskingChoice(None, "说明")
    qtbot.addWidget(choice)
    assert choice.complete() and choice.choice() == (True, "")
    assert not choice.reason.isEnabled() and choice.hint.text() == "说明"
    with qtbot.waitSignal(choice.changed):
        choice.masked.setChecked(False)
    assert choice.reason.isEnabled() and not choice.complete()
    with qtbot.waitSignal(choice.changed):
        choice.reason.setText("  法院调取 ")
    assert choice.complete() and choice.choice() == (False, "法院调取")
    choice.masked.setChecked(True)
    assert choice.choice() == (True, "")


def test_choose_file_buttons_accept_and_reject(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons, ok = choose_file_buttons(dialog)
    with qtbot.waitSignal(dialog.accepted):
        ok.click()
    assert ok in buttons.buttons() and len(buttons.buttons()) == 2
