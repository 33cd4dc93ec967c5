"""Import and export from the menu: bad rows reported, cancel imports nothing, masked export."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop import operations
from desktop.dialogs.export_dialog import ExportChoice, ExportDialog
from desktop.dialogs.files import FileChooser
from desktop.dialogs.import_report import ImportReportDialog
from desktop.main_window import MainWindow
from precedents.errors import Cancelled
from precedents.interchange.jsonl import dumps
from precedents.library import Library
from precedents.store.precedents import count_records
from tests.desktop.conftest import sample
from tests.desktop.test_library_page import codes


def write_jsonl(
    path: Path, count: int, bad_lines: dict[int, dict[str, object]] | None = None
) -> Path:
    lines = []
    for number in range(1, count + 1):
        record = sample(f"IMP-{number:04d}", title=f"导入的先例{number}")
        data = json.loads(dumps(record))
        data.update((bad_lines or {}).get(number, {}))
        lines.append(json.dumps(data, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def records_in(library: Library) -> int:
    with library.session() as session:
        return count_records(session)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[object]]:
    """Records what the report dialogs were asked to show."""
    seen: dict[str, list[object]] = {"partial": [], "result": [], "failure": []}

    def partial(cls, parent, file, valid, rejected):
        seen["partial"].append((file, valid, rejected))
        return seen.get("import_valid", [False])[0]

    monkeypatch.setattr(ImportReportDialog, "ask_partial", classmethod(partial))
    monkeypatch.setattr(
        ImportReportDialog,
        "show_result",
        classmethod(lambda cls, parent, report: seen["result"].append(report)),
    )
    monkeypatch.setattr(
        ImportReportDialog,
        "show_failure",
        classmethod(lambda cls, parent, message, issues: seen["failure"].append((message, issues))),
    )
    return seen


def test_bad_rows_are_reported_and_nothing_is_imported_when_refused(
    qtbot, window: MainWindow, library: Library, tmp_path: Path, answers
) -> None:
    path = write_jsonl(
        tmp_path / "ledger.jsonl",
        5,
        {2: {"filed_on": "2023/05/10"}, 4: {"hardships": ["不存在的困难"]}},
    )
    window.library_page.transfer.import_file(path)
    qtbot.waitUntil(lambda: bool(answers["partial"]))
    file, valid, rejected = answers["partial"][0]
    assert (file, valid) == ("ledger.jsonl", 3)
    reasons = {r.line: " ".join(str(i) for i in r.issues) for r in rejected}
    assert set(reasons) == {2, 4}
    assert "YYYY-MM-DD" in reasons[2] and "不存在的困难" in reasons[4]
    assert records_in(library) == 4


def test_valid_rows_are_imported_when_chosen(
    qtbot, window: MainWindow, library: Library, tmp_path: Path, answers
) -> None:
    answers["import_valid"] = [True]
    path = write_jsonl(tmp_path / "ledger.jsonl", 3, {3: {"level": None}})
    window.library_page.transfer.import_file(path)
    qtbot.waitUntil(lambda: bool(answers["result"]))
    report = answers["result"][0]
    assert (report.created, len(report.rejected)) == (2, 1)
    assert Path(report.rejects_file).parent == library.paths.root / "imports"
    qtbot.waitUntil(lambda: {"IMP-0001", "IMP-0002"} <= set(codes(window)))


def test_unreadable_file_is_explained(qtbot, window: MainWindow, tmp_path: Path, answers) -> None:
    path = tmp_path / "ledger.jsonl"
    path.write_bytes("案例".encode("gbk") + b"\n")
    window.library_page.transfer.import_file(path)
    qtbot.waitUntil(lambda: bool(answers["partial"]) or bool(answers["failure"]))
    _file, valid, rejected = answers["partial"][0]
    assert valid == 0 and "GBK" in str(rejected[0].issues[0])


def test_cancelled_import_leaves_nothing_behind(
    qtbot,
    window: MainWindow,
    library: Library,
    tmp_path: Path,
    answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", 600)
    reached, release = threading.Event(), threading.Event()
    real = operations.run_import

    def gated(library_, path_, progress):
        def gate(done: int, total: int) -> None:
            progress(done, total)
            if total and done < total:  # the first 500 records are written
                reached.set()
                release.wait()

        return real(library_, path_, gate)

    monkeypatch.setattr(operations, "run_import", gated)
    cancelled: list[str] = []
    window.library_page.transfer.message.connect(cancelled.append)
    window.library_page.transfer.import_file(path)
    qtbot.waitUntil(reached.is_set, timeout=10000)
    task = next(t for t in window.tasks.running() if t.label)
    task.show_dialog()
    button = task.dialog.findChild(QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not task.running)
    assert records_in(library) == 4
    assert not answers["result"]
    assert any("取消" in text or "cancelled" in text for text in cancelled)


def test_cancel_inside_the_transaction_rolls_back(library: Library, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", 600)

    def cancel_after_first_chunk(done: int, total: int) -> None:
        if total and done >= 500:
            raise Cancelled()

    with pytest.raises(Cancelled):
        operations.run_import(library, path, cancel_after_first_chunk)
    assert records_in(library) == 4


def test_export_is_masked_by_default(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.jsonl"
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, p, t, r: ExportChoice(False, True, ""))
    )
    monkeypatch.setattr(FileChooser, "export_file", classmethod(lambda cls, p, s: target))
    messages: list[str] = []
    window.library_page.transfer.message.connect(messages.append)
    window.actions_.export.trigger()
    qtbot.waitUntil(lambda: bool(messages))
    text = target.read_text(encoding="utf-8")
    assert text.count("\n") == 4
    assert "王建国" not in text and "王某" in text
