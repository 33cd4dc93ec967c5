"""Fixtures for the desktop tests: offscreen Qt, isolated preferences, a small library.

The platform is set to offscreen before Qt is imported, so the tests run
without a display; every test here is marked ``qt``. Preferences go to an INI
file under the test's temporary folder, never the user's registry or config.
Dialogs are answered by replacing their ``ask`` classmethods; error dialogs
are recorded in `errors_shown` instead of being shown.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from precedents.library import Library
from precedents.record import Measure, Person, PrecedentRecord, Status
from precedents.store.precedents import create_record

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt)


@pytest.fixture(autouse=True)
def _isolated_prefs(tmp_path: Path, qapp: object) -> Iterator[Path]:
    """Settings in the test's own folder; the application exists, as in the program."""
    folder = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("PrecedentDeskTests")
    QCoreApplication.setApplicationName("PrecedentDeskTests")
    yield folder


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog a test did not answer fails the test instead of waiting for a click."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(dialog: QDialog, *_args: object) -> int:
        raise AssertionError(f"unexpected dialog: {dialog.windowTitle()!r}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture(autouse=True)
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every error dialog the code under test tried to show: (title, message, details)."""
    from desktop.errors import ErrorDialog

    shown: list[tuple[str, str, str]] = []

    def record(_parent: object, title: str, message: str, details: str = "") -> None:
        shown.append((title, message, details))

    monkeypatch.setattr(ErrorDialog, "show", classmethod(lambda cls, *a, **k: record(*a, **k)))
    return shown


def sample(code: str, **changes: object) -> PrecedentRecord:
    record = PrecedentRecord(
        code=code,
        title="领取被征地农民养老金的失能老人纳入特困集中供养",
        district="集美区",
        street="后溪镇",
        filed_on=dt.date(2023, 5, 10),
        decided_on=dt.date(2023, 6, 2),
        level="市",
        discovery="主动申请",
        hardships=["失能", "孤寡"],
        barriers=["养老金计入收入"],
        household_size=1,
        monthly_income=Decimal("2600"),
        measures=[Measure(type="特困集中供养", amount=None, note="养老金上交财政")],
        situation="王建国，75岁，孤寡老人，骨折后生活无法自理，联系电话13912345678。",
        deliberation="经四级疑难问题研判，一事一议。",
        decision="纳入特困集中供养。",
        persons=[
            Person(
                name="王建国", id_number="350211194805123218", phone="13912345678", relation="本人"
            )
        ],
        tags=["一事一议"],
    )
    record.meta.status = Status.DECIDED
    for key, value in changes.items():
        setattr(record, key, value)
    return record


SAMPLES = (
    sample("T-JM-2023-001"),
    sample(
        "T-HC-2024-001",
        title="戈谢病患儿用药费用巨大，救急难与社会捐赠叠加",
        district="海沧区",
        street="东孚街道",
        filed_on=dt.date(2024, 3, 1),
        hardships=["罕见病", "未成年人", "支出型贫困"],
        barriers=["收入超标", "超出医保范围"],
        measures=[
            Measure(type="救急难", amount=Decimal("58000")),
            Measure(type="社会捐赠", amount=Decimal("800000")),
        ],
        situation="小胡患戈谢病，药费每年近百万元，大部分不在医保报销范围。",
        persons=[Person(name="小胡", relation="本人")],
    ),
    sample(
        "T-TA-2022-001",
        title="丧偶老人两子精神残疾，土坯房改造",
        district="同安区",
        street="莲花镇",
        filed_on=dt.date(2022, 8, 15),
        hardships=["精神障碍", "住房困难"],
        barriers=["政策空白"],
        measures=[Measure(type="住房改造", amount=Decimal("30000"))],
        situation="老叶丧偶，两个儿子患精神疾病，一家住在破旧土坯房。",
        persons=[],
    ),
    sample(
        "T-JM-2024-002",
        title="独居高龄老人无人照护，上门照护服务",
        district="集美区",
        street="杏林街道",
        filed_on=dt.date(2024, 6, 1),
        hardships=["高龄", "无人照护"],
        barriers=["有法定赡养人"],
        measures=[Measure(type="照护服务")],
        situation="陈某88岁独居，子女在外地，日常无人照料。",
        persons=[],
    ),
)


def fill(library: Library, records: tuple[PrecedentRecord, ...] = SAMPLES) -> None:
    with library.sessions.begin() as session:
        for record in records:
            create_record(session, record.copy(), actor="测试员")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib", actor="测试员")
    fill(lib)
    yield lib
    lib.close()


@pytest.fixture
def tasks(qapp: object) -> Iterator[object]:
    from desktop.tasks import TaskManager

    manager = TaskManager()
    yield manager
    assert manager.shutdown(), "background work still running after the test"


@pytest.fixture
def window(qtbot: object, library: Library, tasks: object) -> Iterator[object]:
    """The main window on the small library, with the index open and results listed."""
    from desktop.main_window import MainWindow
    from desktop.prefs import Prefs
    from desktop.search_adapter import SearchAdapter

    adapter = SearchAdapter(library)
    main = MainWindow(library, adapter, tasks, Prefs())  # type: ignore[arg-type]
    main.show()
    main.start()
    page = main.library_page
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: page.search.last_results is not None and page.results.rowCount() == len(SAMPLES)
    )
    yield main
    # Closed here rather than by qtbot, which would close it before this teardown and
    # run into the unsaved-changes question of a test that left an edit open.
    main._closing = True
    main.close()
    main.deleteLater()
    tasks.shutdown()  # type: ignore[attr-defined]
    adapter.close()


def type_chinese(widget: object, text: str) -> None:
    """Type `text` as an input method does: one committed character at a time.

    QTest can only press keys with ASCII names; Chinese arrives in a real
    session as input-method commits, which is what this sends.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QCoreApplication.sendEvent(widget, event)  # type: ignore[arg-type]
