"""The task helper: results on the UI thread, errors reported, progress dialog, Cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.tasks import TaskManager, TaskState
from precedents.errors import PrecedentError


def test_result_arrives_on_the_ui_thread(qtbot, tasks: TaskManager) -> None:
    seen: list[tuple[int, bool]] = []
    task = tasks.run(
        lambda progress: 6 * 7,
        on_done=lambda value: seen.append(
            (value, threading.current_thread() is threading.main_thread())
        ),
    )
    with qtbot.waitSignal(task.finished):
        pass
    assert seen == [(42, True)]
    assert task.state is TaskState.SUCCEEDED


def test_errors_are_delivered_not_lost(qtbot, tasks: TaskManager) -> None:
    errors: list[BaseException] = []

    def fail(_progress: object) -> None:
        raise PrecedentError("precedent.not_found", code="X-1")

    task = tasks.run(fail, on_error=lambda error, details: errors.append(error))
    qtbot.waitUntil(lambda: not task.running)
    assert isinstance(errors[0], PrecedentError) and "X-1" in errors[0].message


def test_errors_without_a_handler_are_shown(qtbot, tasks: TaskManager, errors_shown) -> None:
    def fail(_progress: object) -> None:
        raise RuntimeError("boom")

    task = tasks.run(fail)
    qtbot.waitUntil(lambda: not task.running)
    assert errors_shown and "boom" in errors_shown[0][2]


def test_quick_work_never_shows_a_dialog(qtbot, tasks: TaskManager) -> None:
    task = tasks.run(lambda progress: None, label="快速")
    qtbot.waitUntil(lambda: not task.running)
    task.show_dialog()  # the delayed call arriving after the end does nothing
    assert task.dialog is None


def test_long_work_shows_progress_and_can_be_cancelled(qtbot, tasks: TaskManager) -> None:
    release = threading.Event()
    reached: list[int] = []

    def work(progress):
        for done in range(1, 1_000_000):
            progress(done, 1_000_000)
            reached.append(done)
            release.wait()
        return "finished"

    cancelled: list[bool] = []
    task = tasks.run(work, label="长任务", on_cancel=lambda: cancelled.append(True))
    assert tasks.busy
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5000)
    dialog = task.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.value() > 0)
    button = dialog.findChild(QPushButton)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not task.running)
    assert task.state is TaskState.CANCELLED and cancelled == [True]
    assert task.dialog is None
    assert not tasks.busy


@pytest.mark.parametrize("lane", ["jobs", "queries"])
def test_shutdown_stops_running_work(qtbot, lane: str) -> None:
    from desktop.tasks import Lane

    manager = TaskManager()
    started = threading.Event()

    def work(progress):
        started.set()
        while True:
            progress(0, 0)

    manager.run(work, lane=Lane(lane))
    assert started.wait(5)
    assert manager.shutdown()
