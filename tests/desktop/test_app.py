"""Start-up, the exception hook, fonts and preferences."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from desktop import i18n
from desktop.app import main
from desktop.errors import ExceptHook
from desktop.fonts import choose_families
from desktop.prefs import PREFS_VERSION, VERSION, WINDOW_STATE, Prefs
from precedents.demo import demo_path


@pytest.fixture
def restore_process_state(monkeypatch: pytest.MonkeyPatch):
    """main() installs hooks, log handlers and a translator for the whole process."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handlers = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
    i18n.install(QCoreApplication.instance(), "en")


def test_first_start_opens_on_the_demo_precedents(
    qapp, tmp_path: Path, capsys, restore_process_state
) -> None:
    if not demo_path().is_file():
        pytest.skip("the demo precedents are not in this checkout")
    data = tmp_path / "先例 数据"
    assert main(["precedent-desk", "--data-dir", str(data), "--smoke-test"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()[-1]
    count = int(printed.split()[1])
    assert printed.startswith("ready") and count >= 30
    assert (data / "precedents.sqlite3").is_file()
    assert (data / "logs").is_dir()


def test_uncaught_errors_are_logged_and_shown(
    qapp, tmp_path: Path, errors_shown, restore_process_state
) -> None:
    from precedents.logs import configure_logging

    log_file = configure_logging(tmp_path / "logs")
    hook = ExceptHook(tmp_path / "logs")
    try:
        raise ValueError("something odd, phone 13912345678")
    except ValueError as error:
        hook(type(error), error, error.__traceback__)
    _title, message, details = errors_shown[0]
    assert "ValueError" in details
    assert str(tmp_path / "logs") in message
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError" in logged and "13912345678" not in logged


def test_an_error_while_showing_an_error_is_not_shown_again(
    qapp, tmp_path: Path, errors_shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = ExceptHook(tmp_path)
    hook._showing = True
    hook(RuntimeError, RuntimeError("again"), None)
    assert errors_shown == []


@pytest.mark.parametrize(
    ("platform", "installed", "expected"),
    [
        ("win32", ["Arial", "Microsoft YaHei UI", "SimSun"], "Microsoft YaHei UI"),
        ("win32", ["Arial", "SimSun"], "SimSun"),
        ("linux", ["DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei"], "Noto Sans CJK SC"),
        ("linux", ["DejaVu Sans", "WenQuanYi Micro Hei"], "WenQuanYi Micro Hei"),
        ("darwin", ["PingFang SC"], "PingFang SC"),
    ],
)
def test_interface_font_per_platform(platform: str, installed: list[str], expected: str) -> None:
    assert choose_families(installed, platform)[0] == expected


def test_no_cjk_font_leaves_the_default() -> None:
    assert choose_families(["DejaVu Sans"], "linux") == []


def test_preferences_from_a_newer_program_drop_its_layout(qapp) -> None:
    settings = QSettings()
    settings.setValue(VERSION, PREFS_VERSION + 5)
    settings.setValue(WINDOW_STATE, QByteArray(b"layout of another version"))
    prefs = Prefs(settings)
    assert prefs.layout(WINDOW_STATE) is None
    assert int(settings.value(VERSION)) == PREFS_VERSION
    assert prefs.language() == "zh_CN"


def test_the_window_is_built_without_the_engines_and_the_file_writers() -> None:
    """What only an export, the audit trail or the open index needs loads later, not at start-up."""
    heavy = ("docx", "openpyxl", "whoosh", "rjieba", "precedents.interchange.importer")
    code = (
        "import sys, desktop.app, desktop.main_window, search_index.library; "
        f"print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    ).stdout.split()
    assert found == []


def test_the_window_builds_the_other_screens_when_they_are_first_shown() -> None:
    """Only the library is built with the window; meetings, patterns and statistics wait."""
    later = (
        "desktop.meetings.page",
        "desktop.meetings.notes_keeper",
        "desktop.patterns.page",
        "precedents.patterns.mining",
        "numpy",
        "desktop.statistics.page",
    )
    code = (
        "import sys, desktop.app, desktop.main_window; "
        f"print(' '.join(m for m in {later!r} if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    ).stdout.split()
    assert found == []


def test_each_other_screen_takes_its_place_the_first_time_it_is_shown(
    qtbot, library, tasks
) -> None:
    from desktop.main_window import MainWindow
    from desktop.meetings.page import MeetingPage
    from desktop.patterns.page import PatternsPage
    from desktop.prefs import Prefs
    from desktop.search_adapter import SearchAdapter
    from desktop.statistics.page import StatisticsPage

    window = MainWindow(library, SearchAdapter(library), tasks, Prefs())
    qtbot.addWidget(window)
    assert window.pages.count() == 4
    assert all(p.built is None for p in (window._meetings, window._patterns, window._statistics))
    for number, kind in ((3, StatisticsPage), (1, MeetingPage), (2, PatternsPage)):
        window.show_page(number)
        shown = window.pages.currentWidget()
        assert isinstance(shown, kind) and window.pages.widget(number) is shown
        assert window.navigation.actions()[number].isChecked()
    assert window.pages.count() == 4 and window.pages.widget(0) is window.library_page
    window.show_page(1)
    assert window.pages.currentWidget() is window.meeting_page
    window._closing = True


def test_the_screen_left_last_comes_back_once_the_first_results_are_listed(
    qtbot, library, tasks
) -> None:
    """The statistics screen counts when shown; that waits until the list is there."""
    from desktop.main_window import MainWindow
    from desktop.prefs import LAST_PAGE, Prefs
    from desktop.search_adapter import SearchAdapter

    prefs = Prefs()
    prefs.set_number(LAST_PAGE, 3)
    window = MainWindow(library, SearchAdapter(library), tasks, prefs)
    order: list[str] = []
    window.library_page.first_results.connect(lambda: order.append("list"))
    window.statistics_page.figures_shown.connect(lambda: order.append("figures"))
    window.show()
    assert window.pages.currentIndex() == 0, "the library first"
    window.start()
    qtbot.waitUntil(lambda: order == ["list", "figures"])
    assert window.pages.currentIndex() == 3 and window.navigation.actions()[3].isChecked()
    window._closing = True
    window.close()
    window.deleteLater()
