"""``precedents check``: a healthy library passes; each kind of damage is named plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from precedents.check import check_library
from precedents.cli import main
from precedents.library import Library
from precedents.store.precedents import create_record
from tests.precedents.conftest import make_record
from tests.precedents.test_backup import _attach


def _check(capsys: pytest.CaptureFixture[str], data: Path) -> tuple[int, str]:
    code = main(["--data-dir", str(data), "check"])
    return code, capsys.readouterr().out


@pytest.fixture
def data(tmp_path: Path) -> Path:
    library = Library.open(tmp_path / "data", actor="甲")
    with library.sessions.begin() as session:
        create_record(session, make_record("C-1"), actor="甲")
        create_record(session, make_record("C-2"), actor="甲")
    _attach(library, "C-1", "诊断证明.pdf", b"%PDF proof")
    library.close()
    return tmp_path / "data"


def test_a_healthy_library_passes(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, out = _check(capsys, data)
    assert code == 0, out
    assert "先例 2 条，附件 1 个" in out and "未发现问题" in out


def test_attachment_damage_is_reported(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    (stored,) = [p for p in (data / "attachments").rglob("*") if p.is_file()]
    stored.write_bytes(b"%PDF prooF")
    code, out = _check(capsys, data)
    assert code == 1 and "案例 C-1 的附件「诊断证明.pdf」校验和不符" in out
    stored.unlink()
    code, out = _check(capsys, data)
    assert code == 1 and "诊断证明.pdf」文件缺失" in out


def test_stray_files_are_mentioned_not_failed(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    (data / "attachments" / "遗留.docx").write_bytes(b"x")
    code, out = _check(capsys, data)
    assert code == 0 and "提醒：附件：文件 遗留.docx 不属于任何案例" in out


def test_a_record_the_feed_does_not_know_is_reported(any_library: Library) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, make_record("F-1"), actor="甲")
    with any_library.engine.begin() as conn:
        conn.execute(text("UPDATE precedents SET version = 7 WHERE code = 'F-1'"))
    report = check_library(any_library)
    assert [str(p) for p in report.problems] == [
        "变更记录：案例 F-1 的变更记录停在版本 1，案例已是版本 7"
    ]


def test_a_corrupted_database_file_is_reported(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    database = data / "precedents.sqlite3"
    raw = bytearray(database.read_bytes())
    page = 4096
    for start in range(page * 2, len(raw), page * 3):  # page headers of every third page
        raw[start : start + 12] = b"\xa5" * 12
    database.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    code, out = _check(capsys, data)
    assert code == 1 and "数据库：" in out and ("损坏" in out or "无法读取" in out)
