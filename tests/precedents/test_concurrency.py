"""Several officers on one database: no save is ever lost or silently overwritten.

Run on SQLite and on PostgreSQL. Optimistic locking refuses a save made over a
version someone else has replaced (in this process, across processes and for
status changes and deletes), and the change feed, read the way a search index
reads it, never misses a committed change.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from precedents.errors import ConflictError, PrecedentError
from precedents.library import Library
from precedents.models import AuditEventRow, ChangeRow
from precedents.record import PrecedentRecord, Status
from precedents.store.changes import changes_since
from precedents.store.precedents import (
    create_record,
    delete_record,
    get_record,
    set_status,
    update_record,
)
from tests.precedents.conftest import make_record
from tests.precedents.processes import Worker


def test_second_save_of_the_same_version_is_refused_with_both_versions(
    any_library: Library, record: PrecedentRecord
) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    with any_library.session() as session:
        mine = get_record(session, record.code)
        theirs = get_record(session, record.code)
    with any_library.sessions.begin() as session:
        update_record(session, theirs.copy(title="乙的修改"), actor="乙", expected_version=1)
    with pytest.raises(ConflictError) as info, any_library.sessions.begin() as session:
        update_record(session, mine.copy(title="甲的修改"), actor="甲", expected_version=1)
    error = info.value
    assert (error.expected_version, error.current_version) == (1, 2)
    assert error.theirs is not None and error.theirs.title == "乙的修改"
    assert "乙" in error.message and "版本 2" in error.message
    with any_library.session() as session:
        assert get_record(session, record.code).title == "乙的修改"


def test_status_changes_and_deletes_honour_the_expected_version(
    any_library: Library, record: PrecedentRecord
) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
        update_record(session, record.copy(title="新标题"), actor="乙", expected_version=1)
    with pytest.raises(ConflictError), any_library.sessions.begin() as session:
        set_status(session, record.code, Status.ARCHIVED, actor="甲", expected_version=1)
    with pytest.raises(ConflictError), any_library.sessions.begin() as session:
        delete_record(session, record.code, actor="甲", expected_version=1)
    with any_library.session() as session:
        stored = get_record(session, record.code)
    assert (stored.meta.version, stored.status) == (2, Status.DRAFT)
    with any_library.sessions.begin() as session:
        set_status(session, record.code, Status.ARCHIVED, actor="甲", expected_version=2)
        delete_record(session, record.code, actor="甲", expected_version=3)


def test_saving_a_record_deleted_meanwhile_is_refused(
    any_library: Library, record: PrecedentRecord
) -> None:
    with any_library.sessions.begin() as session:
        opened = create_record(session, record, actor="甲")
    with any_library.sessions.begin() as session:
        delete_record(session, record.code, actor="乙")
    with pytest.raises(ConflictError) as info, any_library.sessions.begin() as session:
        update_record(session, opened.copy(title="改"), actor="甲", expected_version=1)
    assert info.value.code == "precedent.deleted_meanwhile" and info.value.theirs is None


def test_a_late_writer_is_refused_even_after_its_version_check(
    any_library: Library, record: PrecedentRecord
) -> None:
    """The other save commits between our read of the row and our write."""
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    with any_library.session() as session:
        opened = get_record(session, record.code)
    late = any_library.session()
    late.begin()
    stale = get_record(late, record.code)  # the late writer has seen version 1
    with any_library.sessions.begin() as session:
        update_record(session, opened.copy(title="先保存的"), actor="乙", expected_version=1)
    with pytest.raises(ConflictError) as info:
        update_record(late, stale.copy(title="后保存的"), actor="甲", expected_version=1)
    late.rollback()
    late.close()
    assert info.value.current_version == 2
    with any_library.session() as session:
        assert get_record(session, record.code).title == "先保存的"


def test_two_officers_creating_the_same_code_at_once(any_library: Library) -> None:
    first = any_library.session()
    first.begin()
    create_record(first, make_record("DUP-1"), actor="甲")
    outcome: list[BaseException] = []

    def second() -> None:
        try:
            with any_library.sessions.begin() as session:
                create_record(session, make_record("DUP-1"), actor="乙")
        except BaseException as exc:  # reported to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=second)
    thread.start()
    first.commit()
    first.close()
    thread.join()
    assert len(outcome) == 1 and isinstance(outcome[0], PrecedentError)
    assert outcome[0].code == "precedent.code_exists"


def test_two_processes_saving_the_same_version(
    any_library: Library, db_url: str, tmp_path: Path, record: PrecedentRecord
) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    a = Worker("race", tmp_path / "desk-a", db_url, record.code, "甲的修改")
    b = Worker("race", tmp_path / "desk-b", db_url, record.code, "乙的修改")
    assert a.line() == ["ready", "1"] and b.line() == ["ready", "1"]
    a.send()
    b.send()
    outcomes = sorted([a.finish(), b.finish()])
    conflict, saved = outcomes
    assert saved == ["saved", "2"]
    assert conflict[:3] == ["conflict", "1", "2"]
    winner = conflict[3]
    with any_library.session() as session:
        assert get_record(session, record.code).title == winner


def test_concurrent_officers_never_lose_a_save(
    any_library: Library, db_url: str, tmp_path: Path
) -> None:
    codes = ["LOAD-1", "LOAD-2"]
    with any_library.sessions.begin() as session:
        for code in codes:
            create_record(session, make_record(code, situation="起始"), actor="甲")
    workers = [
        Worker("hammer", tmp_path / f"desk-{n}", db_url, f"w{n}", 12, *codes) for n in range(3)
    ]
    results = [w.finish() for w in workers]
    saved = [marker for words in results for marker in words[3:]]
    conflicts = sum(int(words[1]) for words in results)
    assert all(words[0] == "done" for words in results)
    with any_library.session() as session:
        for code in codes:
            stored = get_record(session, code)
            mine = [m[len(code) :] for m in saved if m.startswith(code + "[")]
            # Every successful save is in the text exactly once: none overwritten.
            assert sorted(stored.situation.removeprefix("起始").replace("]", "]\n").split()) == (
                sorted(mine)
            )
            assert stored.meta.version == 1 + len(mine)
            versions = session.scalars(
                select(ChangeRow.version).where(ChangeRow.code == code).order_by(ChangeRow.seq)
            ).all()
            assert versions == list(range(1, stored.meta.version + 1))
            updates = session.scalar(
                select(func.count())
                .select_from(AuditEventRow)
                .where(AuditEventRow.entity_code == code, AuditEventRow.action == "update")
            )
            assert updates == len(mine)
    assert len(saved) + conflicts <= 36


def test_a_feed_reader_misses_no_committed_change(any_library: Library) -> None:
    """Writers commit while a reader follows the feed as a search index does."""
    codes = [f"FEED-{n}" for n in range(4)]
    with any_library.sessions.begin() as session:
        for code in codes:
            create_record(session, make_record(code), actor="甲")
    with any_library.session() as session:
        start = changes_since(session, 0)[-1].seq
    rounds = 15
    done = threading.Event()
    seen: set[tuple[str, int]] = set()

    def write(code: str) -> None:
        for n in range(rounds):
            with any_library.sessions.begin() as session:
                record = get_record(session, code)
                update_record(session, record.copy(title=f"第{n}稿"), actor=code)

    def follow() -> None:
        last = start
        while True:
            finished = done.is_set()
            with any_library.session() as session:
                changes = changes_since(session, last)
            for change in changes:
                seen.add((change.code, change.version))
                last = change.seq
            if finished:
                return

    reader = threading.Thread(target=follow)
    reader.start()
    writers = [threading.Thread(target=write, args=(code,)) for code in codes]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    done.set()
    reader.join()
    assert seen == {(code, v) for code in codes for v in range(2, rounds + 2)}


def test_feed_seq_order_is_commit_order_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    """A transaction that started writing first but commits last still comes after."""
    library = Library.open(tmp_path / "lib", db_url=pg_url, actor="甲")
    with library.sessions.begin() as session:
        create_record(session, make_record("SLOW"), actor="甲")
        create_record(session, make_record("FAST"), actor="甲")
    slow = library.session()
    slow.begin()
    update_record(slow, get_record(slow, "SLOW").copy(title="慢"), actor="甲")
    slow.flush()  # everything this transaction writes is in the database, uncommitted
    with library.sessions.begin() as session:
        update_record(session, get_record(session, "FAST").copy(title="快"), actor="乙")
    with library.session() as session:
        last = changes_since(session, 0)[-1].seq
    slow.commit()
    slow.close()
    with library.session() as session:
        later = changes_since(session, last)
    library.close()
    assert [(c.code, c.version) for c in later] == [("SLOW", 2)]


def test_archiving_and_reopening_honour_the_expected_version(
    any_library: Library, record: PrecedentRecord
) -> None:
    from precedents.meetings.service import archive, reopen

    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
        set_status(session, record.code, Status.DECIDED, actor="甲")
    with pytest.raises(ConflictError), any_library.sessions.begin() as session:
        archive(session, record.code, actor="乙", expected_version=1)
    with any_library.sessions.begin() as session:
        archive(session, record.code, actor="乙", expected_version=2)
    with pytest.raises(ConflictError), any_library.sessions.begin() as session:
        reopen(session, record.code, actor="丙", reason="新情况", expected_version=2)


def test_desktops_starting_together_on_a_new_server_database(pg_url: str, tmp_path: Path) -> None:
    """The first creates the schema and seeds the vocabulary; the others wait and find it."""
    from precedents.db import head_revision

    desks = [Worker("open-library", tmp_path / f"desk-{n}", pg_url) for n in range(4)]
    for desk in desks:
        assert desk.line() == ["ready"]
    for desk in desks:
        desk.send()
    opened = [desk.finish() for desk in desks]
    assert {tuple(words) for words in opened} == {("opened", head_revision(), opened[0][2])}
