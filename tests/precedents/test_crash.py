"""Killed (SIGKILL) mid-import or mid-save: nothing committed lost, nothing half-written.

A child process works on the library and is killed at a moment the test
chooses (it waits on stdin there) or, for the endless saver, wherever it
happens to be. The library is then reopened as the next start of the program
would: the database passes its integrity check, the change feed agrees with the
records, every commit the child reported is there and no part of the
interrupted work is.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from precedents.check import check_library
from precedents.interchange.importer import import_file
from precedents.interchange.jsonl import dumps
from precedents.library import Library
from precedents.models import AuditEventRow, ChangeRow
from precedents.record import PrecedentRecord
from precedents.store.precedents import (
    count_records,
    create_record,
    get_record,
    iter_records,
    update_record,
)
from tests.precedents.conftest import make_record
from tests.precedents.processes import Worker

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _reopen(tmp_path: Path, db_url: str) -> Library:
    library = Library.open(tmp_path / "after", db_url=db_url, actor="复查")
    try:
        if library.is_sqlite:
            with library.engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        report = check_library(library)
        assert report.ok, [str(p) for p in report.problems]
    except BaseException:
        library.close()
        raise
    return library


def _counts(library: Library) -> tuple[int, int, int]:
    with library.session() as session:
        return (
            count_records(session),
            session.scalar(select(func.count()).select_from(ChangeRow)) or 0,
            session.scalar(select(func.count()).select_from(AuditEventRow)) or 0,
        )


def _snapshot(library: Library) -> dict[str, tuple[object, ...]]:
    with library.session() as session:
        return {r.code: (r.meta.version, r.content_key()) for r in iter_records(session)}


def test_killed_mid_import_leaves_the_library_as_before(
    any_library: Library, db_url: str, tmp_path: Path
) -> None:
    with any_library.sessions.begin() as session:
        for n in range(3):
            create_record(session, make_record(f"IMP-{n:05d}"), actor="甲")
        update_record(session, make_record("IMP-00001", title="导入前的修改"), actor="甲")
    before, counts = _snapshot(any_library), _counts(any_library)
    source = tmp_path / "big.jsonl"
    source.write_text(
        "".join(dumps(make_record(f"IMP-{n:05d}")) + "\n" for n in range(700)), "utf-8"
    )
    worker = Worker("import-and-hang", tmp_path / "desk", db_url, source)
    assert worker.line()[0] == "mid"  # 500 records written, uncommitted
    worker.kill()
    library = _reopen(tmp_path, db_url)
    assert _snapshot(library) == before and _counts(library) == counts
    with library.sessions.begin() as session:
        report = import_file(session, source, library.vocabulary(), actor="甲")
    library.close()
    assert (report.created, report.updated, report.unchanged) == (697, 1, 2)
    _reopen(tmp_path, db_url).close()


def test_killed_mid_save_keeps_every_committed_save(
    any_library: Library, db_url: str, tmp_path: Path
) -> None:
    worker = Worker("save-and-hang", tmp_path / "desk", db_url, "SAVE", 5)
    committed = [worker.line()[1] for _ in range(5)]
    assert worker.line() == ["mid"]  # an update and a create flushed, uncommitted
    worker.kill()
    library = _reopen(tmp_path, db_url)
    with library.session() as session:
        codes = [r.code for r in iter_records(session)]
        first = get_record(session, "SAVE-0000")
    assert codes == committed
    assert first.title == make_record().title and first.meta.version == 1
    library.close()


def test_killed_at_a_random_moment_while_saving(
    any_library: Library, db_url: str, tmp_path: Path
) -> None:
    worker = Worker("save-forever", tmp_path / "desk", db_url, "RND")
    reported: dict[str, int] = {}
    for _ in range(40):
        _word, code, version = worker.line()
        reported[code] = int(version)
    worker.kill()
    library = _reopen(tmp_path, db_url)
    expected = make_record()
    with library.session() as session:
        stored = {r.code: r for r in iter_records(session)}
    for code, version in reported.items():
        assert stored[code].meta.version >= version
    for record in stored.values():  # whole records only, each at a version it really had
        assert _without_title(record) == _without_title(expected.copy(code=record.code))
        assert (record.meta.version, record.title) in {(1, expected.title), (2, record.title)}
    assert len(stored) >= len(reported)
    library.close()


def _without_title(record: PrecedentRecord) -> tuple[object, ...]:
    return record.copy(title="").content_key()
