"""The screen's dialogs: what they allow, and that everything shown is in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from desktop.patterns import operations as ops
from desktop.patterns.dialogs import ExcludeDialog, RenameDialog, SplitDialog
from desktop.patterns.draft_editor import DraftEditor
from desktop.patterns.page import PatternsPage
from desktop.patterns.policy_dialogs import (
    AdoptDialog,
    DraftExportDialog,
    ExportChoice,
    RepealDialog,
)
from desktop.tasks import TaskManager
from precedents.documents.example_template import EXAMPLE_TEMPLATE
from precedents.library import Library
from tests.desktop.patterns.conftest import stored
from tests.desktop.test_translations import chinese, untranslated, visible_texts

__all__ = ["chinese"]


#: Precedent codes (DEMO-HC-2021-001) are shown as they are.
CODE = re.compile(r"\b[A-Z]+(?:[-\u2011][A-Z0-9]+)+\b")


def english(widget: QWidget) -> list[tuple[str, str]]:
    return untranslated([(w, CODE.sub("", t)) for w, t in visible_texts(widget)])


def test_export_dialog_checks_the_template_before_allowing_export(
    qtbot: Any, tasks: TaskManager, tmp_path: Path
) -> None:
    dialog = DraftExportDialog(None, tasks, tmp_path / "草案.docx", "")
    qtbot.addWidget(dialog)
    assert dialog.builtin.isChecked() and not dialog.from_settings.isEnabled()
    assert dialog.export_button.isEnabled() and dialog.choice().template is None
    dialog.other.setChecked(True)
    assert not dialog.export_button.isEnabled(), "no template file chosen yet"
    dialog.other_path.setText(str(EXAMPLE_TEMPLATE))
    dialog._choice_changed()
    qtbot.waitUntil(dialog.export_button.isEnabled)
    assert dialog.choice() == ExportChoice(tmp_path / "草案.docx", EXAMPLE_TEMPLATE)
    broken = tmp_path / "坏模板.docx"
    broken.write_text("不是 Word 文件", encoding="utf-8")
    dialog.other_path.setText(str(broken))
    dialog._choice_changed()
    qtbot.waitUntil(lambda: "Cannot be used" in dialog.report.text())
    assert not dialog.export_button.isEnabled()


def test_adoption_needs_a_document_number(qtbot: Any, demo_library: Library) -> None:
    pattern = ops.load_overview(demo_library).patterns[0]
    policy = ops.open_draft(demo_library, pattern)
    dialog = AdoptDialog(None, policy, dt.date(2025, 7, 1))
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.number.setText("厦民规〔2025〕3号")
    assert dialog.ok.isEnabled()
    assert dialog.adoption().effective_on == dt.date(2025, 7, 1)


def test_an_adopted_policy_opens_read_only(
    qtbot: Any, demo_library: Library, tasks: TaskManager
) -> None:
    pattern = ops.load_overview(demo_library).patterns[0]
    policy = ops.open_draft(demo_library, pattern)
    ops.consult(demo_library, policy.id)
    ops.adopt(demo_library, policy.id, "厦民规〔2025〕3号", dt.date(2025, 7, 1))
    adopted = stored(demo_library, policy.id)
    editor = DraftEditor(demo_library, tasks, adopted)
    qtbot.addWidget(editor)
    assert editor.read_only and not editor.save_button.isEnabled()
    assert editor.title.isReadOnly()
    assert all(p.text.isReadOnly() for s in editor.sections for p in s.editors)
    assert editor.export_button.isEnabled()


def test_the_screen_and_its_dialogs_show_no_english(
    qtbot: Any, chinese: None, demo_library: Library, tasks: TaskManager
) -> None:
    page = PatternsPage(demo_library, tasks)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.overview is not None and page.busy is None)
    assert english(page) == []
    overview = page.overview
    assert overview is not None
    pattern = overview.patterns[0]
    lines = [overview.cases[c] for c in pattern.codes]
    policy = ops.open_draft(demo_library, pattern)
    windows: list[QWidget] = [
        DraftEditor(demo_library, tasks, policy),
        RenameDialog(None, pattern),
        ExcludeDialog(None, pattern, lines[0]),
        SplitDialog(None, pattern, lines, []),
        DraftExportDialog(None, tasks, Path("草案.docx"), ""),
        AdoptDialog(None, policy, dt.date(2025, 7, 1)),
        RepealDialog(None, policy, dt.date(2025, 7, 1)),
    ]
    for window in windows:
        qtbot.addWidget(window)
        assert english(window) == [], type(window).__name__
        if isinstance(window, QDialog):
            assert window.windowTitle() and not untranslated([("title", window.windowTitle())])
