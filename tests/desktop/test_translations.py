"""Every visible string has a Chinese translation, and the shipped catalogue is current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = i18n.catalogues()


def ts_file(catalogue: str) -> Path:
    return i18n.TRANSLATIONS_DIR / f"{catalogue}_zh_CN.ts"


CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
#: Latin text that is the same in Chinese: formats, codes, names of things.
NOT_WORDS = {"YYYY", "Ctrl", "Excel", "JSON", "Lines", "jsonl", "xlsx", "docx"}
#: Names shown as they are: fonts and the English language option.
NAMES = {"FangSong", "SimHei", "KaiTi", "SimSun", "English"}


def tool(name: str) -> str | None:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else shutil.which(name)


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_every_message_is_translated(catalogue: str) -> None:
    for (context, source), message in messages(ts_file(catalogue)).items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        texts = [translation.text or ""] + [f.text or "" for f in translation.iter("numerusform")]
        assert any(CJK.search(t) for t in texts), f"{context}: {source!r} has no Chinese"


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_catalogue_covers_every_source_string(tmp_path: Path, catalogue: str) -> None:
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in i18n.catalogue_sources(catalogue)]
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(messages(fresh)) - set(messages(ts_file(catalogue)))
    assert not missing, f"run tools/update_translations.py; untranslated: {sorted(missing)}"


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_compiled_catalogue_matches_the_ts_file(tmp_path: Path, catalogue: str) -> None:
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    compiled = tmp_path / "fresh.qm"
    source = ts_file(catalogue)
    subprocess.run([lrelease, str(source), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == i18n.catalogue_path(catalogue=catalogue).read_bytes()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every string a user can see in `root` and its menus and headers."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        where = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
        if isinstance(widget, QLineEdit):
            found.append((where, widget.placeholderText()))
        if isinstance(widget, QComboBox):
            found += [(where, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [(where, widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            found += [(where, action.text()) for action in widget.actions()]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            found += [
                (where, str(model.headerData(c, widget.orientation()) or ""))
                for c in range(widget.count())
                if widget.orientation() == Qt.Orientation.Horizontal
            ]
        found += [(where + ".action", action.text()) for action in widget.actions()]
        found.append((where + ".tooltip", widget.toolTip()))
    return [(w, t) for w, t in found if t]


def untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for where, text in texts:
        plain = re.sub(r"<[^>]+>", "", text)
        if re.match(r"^(/|[A-Za-z]:\\|\w+(\+\w+)?://)", plain):
            continue  # a file or a database address, shown as it is
        words = set(ENGLISH_WORD.findall(plain)) - NOT_WORDS - NAMES
        if words and not CJK.search(plain):
            out.append((where, text))
    return out


@pytest.fixture
def chinese(qapp):
    i18n.install(QCoreApplication.instance(), "zh_CN")
    yield
    i18n.install(QCoreApplication.instance(), "en")


def test_main_window_shows_no_english(qtbot, chinese, library, tasks) -> None:
    from desktop.main_window import MainWindow
    from desktop.prefs import Prefs
    from desktop.search_adapter import SearchAdapter

    window = MainWindow(library, SearchAdapter(library), tasks, Prefs())
    qtbot.addWidget(window)
    texts = visible_texts(window)
    for menu in window.menuBar().findChildren(QMenu):
        texts += [("menu", a.text()) for a in menu.actions()]
    assert len(texts) > 80
    assert untranslated(texts) == []
    window.library_page.record.new_matter()
    assert untranslated(visible_texts(window.library_page.record.editor)) == []
    window._closing = True


def test_dialogs_show_no_english(qtbot, chinese, library) -> None:
    from desktop.dialogs.drafts_dialog import DraftsDialog
    from desktop.dialogs.export_dialog import ExportDialog
    from desktop.dialogs.questions import RevealReason
    from desktop.dialogs.settings_dialog import SettingsDialog
    from desktop.prefs import Prefs
    from desktop.search_adapter import SearchAdapter
    from precedents.drafts import Draft, DraftStore

    store = DraftStore(library.paths.drafts)
    store.save(Draft("new-1", None, {"title": "草稿"}))
    dialogs: list[QDialog] = [
        SettingsDialog(None, library, SearchAdapter(library), Prefs()),
        ExportDialog(None, 10, 3),
        RevealReason(None, "A-1"),
        DraftsDialog(None, store),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert untranslated(visible_texts(dialog)) == [], type(dialog).__name__
