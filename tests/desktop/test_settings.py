"""The settings dialog saves the shared settings; administrators edit vocabularies."""

from __future__ import annotations

import pytest

from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.dialogs.vocabulary_editor import VocabularyEditor
from desktop.prefs import Prefs
from desktop.search_adapter import SearchAdapter
from precedents.library import Library
from precedents.settings import load_settings
from precedents.store.audit import list_events
from precedents.store.synonyms import list_groups


def test_settings_are_saved_to_the_shared_file(qtbot, library: Library) -> None:
    prefs = Prefs()
    dialog = SettingsDialog(None, library, SearchAdapter(library), prefs)
    qtbot.addWidget(dialog)
    dialog.officer.setText("张三")
    dialog.department.setText("社会救助科")
    dialog.fonts["body"].setCurrentText("仿宋_GB2312")
    dialog.weights["hardships"].setValue(0.3)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog._save()
    saved = load_settings(library.paths.settings_file)
    assert (saved.officer_name, saved.department) == ("张三", "社会救助科")
    assert saved.fonts == {"body": "仿宋_GB2312"}
    assert saved.similarity_weights["hardships"] == pytest.approx(0.3)
    assert library.actor == "张三"
    assert prefs.language() == "en"


def test_a_bad_database_address_is_refused(qtbot, library: Library, errors_shown) -> None:
    dialog = SettingsDialog(None, library, SearchAdapter(library), Prefs())
    qtbot.addWidget(dialog)
    dialog.db_url.setText("不是地址")
    dialog._save()
    assert errors_shown and "不是地址" in errors_shown[0][1]
    assert load_settings(library.paths.settings_file).db_url == ""


def test_synonyms_of_a_term_are_edited_and_audited(qtbot, library: Library) -> None:
    editor = VocabularyEditor(library)
    qtbot.addWidget(editor)
    editor.kind.setCurrentIndex(editor.kind.findData("hardship"))
    row = next(
        r for r in range(editor.terms.rowCount()) if editor.terms.index(r, 0).data() == "重病"
    )
    current = editor.terms.index(row, 1).data()
    assert editor.terms.setData(editor.terms.index(row, 1), current + "、危重病")
    assert "危重病" in library.vocabulary(reload=True).term("hardship", "重病").synonyms
    assert library.vocabulary().resolve("hardship", "危重病") == "重病"
    with library.session() as session:
        assert list_events(session, action="vocabulary.update")


def test_synonym_groups_are_added_and_removed(
    qtbot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    editor = VocabularyEditor(library)
    qtbot.addWidget(editor)
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("渐冻症、肌萎缩侧索硬化、ALS", True))
    )
    editor._add_group()
    with library.session() as session:
        groups = [g for g in list_groups(session) if "渐冻症" in g.terms]
    assert groups and groups[0].terms == ("渐冻症", "肌萎缩侧索硬化", "ALS")
    row = next(
        r for r in range(editor.groups.rowCount()) if editor.groups.group(r).id == groups[0].id
    )
    editor.groups_view.selectRow(row)
    editor._remove_group()
    with library.session() as session:
        assert all("渐冻症" not in g.terms for g in list_groups(session))
