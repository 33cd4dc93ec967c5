"""Catching up with other officers' changes every few seconds, and the automatic backups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.main_window import MainWindow
from desktop.office.background import BACKUP_MS, SYNC_MS, OfficeTimers
from desktop.search_adapter import IndexState
from precedents.backup import list_auto_backups
from precedents.library import Library
from precedents.store.precedents import create_record, delete_record, get_record, update_record
from tests.desktop.conftest import SAMPLES, sample
from tests.desktop.test_editor import open_editor
from tests.desktop.test_library_page import codes


def test_the_timers_run_while_the_window_is_open(window: MainWindow) -> None:
    timers = window.office
    assert timers.sync_timer.isActive() and timers.sync_timer.interval() == SYNC_MS
    assert timers.backup_timer.isActive() and timers.backup_timer.interval() == BACKUP_MS


def test_another_officers_new_precedent_appears_without_a_rebuild(
    qtbot, window: MainWindow, colleague: Library
) -> None:
    timers = window.office
    qtbot.waitUntil(lambda: not timers.syncing)
    with colleague.sessions.begin() as session:
        create_record(session, sample("T-SM-2025-009", title="思明区新录入的先例"), actor="李四")
        delete_record(session, "T-TA-2022-001", actor="李四")
    with qtbot.waitSignal(timers.synced) as caught:
        assert timers.catch_up()
    assert caught.args[0] == 2
    qtbot.waitUntil(lambda: "T-SM-2025-009" in codes(window))
    assert "T-TA-2022-001" not in codes(window) and len(codes(window)) == len(SAMPLES)
    assert "in step at" in window.status.index_state.text()
    with qtbot.waitSignal(timers.synced) as caught:
        timers.catch_up()
    assert caught.args[0] == 0


def test_a_large_catch_up_lets_a_search_through_between_its_steps(
    qtbot, window: MainWindow, colleague: Library, monkeypatch
) -> None:
    timers, page, adapter = window.office, window.library_page, window.adapter
    qtbot.waitUntil(lambda: not timers.syncing and not page.search.busy)
    with colleague.sessions.begin() as session:
        for number in range(5):
            record = sample(f"T-SM-2025-02{number}", title=f"同事导入的先例{number}")
            create_record(session, record, actor="李四")
    order: list[str] = []
    catch_up, search = adapter.catch_up, adapter.search

    def step(limit: int) -> tuple[int, bool]:
        order.append("step")
        return catch_up(limit)

    def searching(*args: object, **options: object) -> object:
        order.append("search")
        return search(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(adapter, "catch_up", step)
    monkeypatch.setattr(adapter, "search", searching)
    timers.batch = 2
    with qtbot.waitSignal(timers.synced) as caught:
        assert timers.catch_up()
        # The officer searches while the first step runs.
        page.search.set_text("同事导入")
        page.search.run_now()
    assert caught.args[0] == 5
    assert order[:3] == ["step", "search", "step"] and order.count("step") == 3
    qtbot.waitUntil(lambda: "T-SM-2025-024" in codes(window))


def test_no_catch_up_while_the_index_is_not_ready_or_one_is_running(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    timers = window.office
    qtbot.waitUntil(lambda: not timers.syncing)
    monkeypatch.setattr(type(window.adapter), "state", property(lambda self: IndexState.REBUILDING))
    assert not timers.catch_up()
    monkeypatch.undo()
    with qtbot.waitSignal(timers.synced):
        assert timers.catch_up()
        assert not timers.catch_up(), "one round at a time"


def test_one_automatic_backup_a_day(qtbot, library: Library, tasks, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.office.backing_up)
    assert len(list_auto_backups(library.backup_dir)) == 1, "made when the window started"
    day = dt.datetime(2031, 3, 4, 9, 30)
    timers = OfficeTimers(library, window.adapter, tasks, clock=lambda: day)
    made: list[Path] = []
    timers.backup_made.connect(made.append)
    with qtbot.waitSignal(timers.backup_made):
        assert timers.back_up()
    assert made[0].name == "auto-20310304-093000.sqlite3" and made[0].is_file()
    day = dt.datetime(2031, 3, 4, 16, 0)
    timers.back_up()
    qtbot.waitUntil(lambda: not timers.backing_up)
    assert len(made) == 1, "already backed up today"


def test_the_precedent_on_screen_is_shown_anew_after_another_officers_save(
    qtbot, window: MainWindow, colleague: Library
) -> None:
    page = window.library_page
    page.select_code("T-HC-2024-001")
    qtbot.waitUntil(lambda: page.record.detail.code == "T-HC-2024-001")
    with colleague.sessions.begin() as session:
        record = get_record(session, "T-HC-2024-001")
        update_record(
            session, record.copy(title="李四改过的标题"), actor="李四", expected_version=1
        )
    qtbot.waitUntil(lambda: not window.office.syncing)
    assert window.office.catch_up()
    qtbot.waitUntil(lambda: page.record.detail.shown.record.title == "李四改过的标题")


def test_an_officer_editing_is_warned_of_a_newer_save(
    qtbot, window: MainWindow, colleague: Library
) -> None:
    editor = open_editor(qtbot, window, "T-JM-2023-001")
    with colleague.sessions.begin() as session:
        record = get_record(session, "T-JM-2023-001")
        update_record(session, record.copy(title="李四的标题"), actor="李四", expected_version=1)
    qtbot.waitUntil(lambda: not window.office.syncing)
    assert window.office.catch_up()
    qtbot.waitUntil(lambda: "newer version" in window.status.currentMessage())
    assert "李四" in window.status.currentMessage()
    assert editor.is_dirty() is False and editor.base.meta.version == 1, "the form is left alone"
