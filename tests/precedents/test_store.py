"""Saving, loading, optimistic locking, the change feed and the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from precedents.errors import ConflictError, NotFoundError, PrecedentError
from precedents.library import Library
from precedents.models import ChangeRow
from precedents.record import Measure, PrecedentRecord, Status
from precedents.store.audit import list_events
from precedents.store.changes import changes_since, last_seq
from precedents.store.precedents import (
    create_record,
    delete_record,
    get_record,
    list_summaries,
    record_versions,
    save_record,
    set_status,
    update_record,
)
from tests.precedents.conftest import make_record


def test_created_record_reads_back_identically(
    any_library: Library, record: PrecedentRecord
) -> None:
    with any_library.sessions.begin() as session:
        saved = create_record(session, record, actor="甲")
    with any_library.session() as session:
        loaded = get_record(session, record.code)
    assert loaded.content_key() == record.content_key()
    assert loaded.meta.version == saved.meta.version == 1
    assert loaded.meta.created_by == "甲"


def test_code_must_be_unique(any_library: Library, record: PrecedentRecord) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    with pytest.raises(PrecedentError) as info, any_library.sessions.begin() as session:
        create_record(session, make_record(), actor="乙")
    assert info.value.code == "precedent.code_exists"


def test_update_bumps_version_and_replaces_children(
    any_library: Library, record: PrecedentRecord
) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    edited = record.copy()
    edited.hardships = ["重病"]
    edited.measures = [Measure(type="临时救助", amount=None), Measure(type="医疗救助")]
    with any_library.sessions.begin() as session:
        saved, changed = update_record(session, edited, actor="乙", expected_version=1)
    assert changed and saved.meta.version == 2
    with any_library.session() as session:
        loaded = get_record(session, record.code)
    assert loaded.hardships == ["重病"]
    assert [m.type for m in loaded.measures] == ["临时救助", "医疗救助"]
    assert loaded.meta.updated_by == "乙"


def test_saving_unchanged_record_changes_nothing(
    any_library: Library, record: PrecedentRecord
) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    with any_library.sessions.begin() as session:
        _saved, changed = update_record(session, record.copy(), actor="甲")
    assert not changed
    with any_library.session() as session:
        assert record_versions(session) == {record.code: 1}


def test_stale_save_is_refused(any_library: Library, record: PrecedentRecord) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    first = record.copy(title="第一位经办人的修改")
    with any_library.sessions.begin() as session:
        update_record(session, first, actor="甲", expected_version=1)
    second = record.copy(title="第二位经办人的修改")
    with pytest.raises(ConflictError) as info, any_library.sessions.begin() as session:
        update_record(session, second, actor="乙", expected_version=1)
    assert "甲" in info.value.message
    with any_library.session() as session:
        assert get_record(session, record.code).title == "第一位经办人的修改"


def test_code_can_be_changed_by_id(any_library: Library, record: PrecedentRecord) -> None:
    with any_library.sessions.begin() as session:
        saved = create_record(session, record, actor="甲")
    renamed = saved.copy(code="T-JM-2024-099")
    with any_library.sessions.begin() as session:
        save_record(session, renamed, actor="甲", expected_version=saved.meta.version)
    with any_library.session() as session:
        assert [s.code for s in list_summaries(session)] == ["T-JM-2024-099"]


def test_every_write_feeds_the_change_log(any_library: Library, record: PrecedentRecord) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
        start = 0
    with any_library.sessions.begin() as session:
        update_record(session, record.copy(title="新标题"), actor="甲")
        set_status(session, record.code, Status.ARCHIVED, actor="甲")
        delete_record(session, record.code, actor="甲")
    with any_library.session() as session:
        changes = changes_since(session, start)
        assert [c.op for c in changes] == ["upsert", "upsert", "upsert", "delete"]
        assert [c.version for c in changes] == [1, 2, 3, 4]
        assert last_seq(session) == changes[-1].seq
        assert session.scalar(select(ChangeRow.code).limit(1)) == record.code


def test_delete_keeps_the_record_in_the_audit_trail(
    any_library: Library, record: PrecedentRecord
) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    with any_library.sessions.begin() as session:
        snapshot = delete_record(session, record.code, actor="乙")
    assert snapshot.content_key() == record.content_key()
    with any_library.session() as session:
        with pytest.raises(NotFoundError):
            get_record(session, record.code)
        events = list_events(session, code=record.code)
    assert [e.action for e in events] == ["delete", "create"]
    assert events[0].details["record"]["title"] == record.title
    assert events[0].actor == "乙"


def test_audit_marks_personal_fields(any_library: Library, record: PrecedentRecord) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    edited = record.copy()
    edited.persons[0].phone = "13800000000"
    edited.title = "改过的标题"
    with any_library.sessions.begin() as session:
        update_record(session, edited, actor="甲")
    with any_library.session() as session:
        (event,) = list_events(session, action="update")
    changes = {c["field"]: c for c in event.details["changes"]}
    assert changes["persons"]["personal"] is True
    assert changes["title"]["personal"] is False
    assert changes["title"]["old"] == record.title


def test_status_change_is_recorded_with_who(any_library: Library, record: PrecedentRecord) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
        set_status(session, record.code, Status.ARCHIVED, actor="乙", note="年度归档")
    with any_library.session() as session:
        (event,) = list_events(session, action="status")
        assert get_record(session, record.code).status == Status.ARCHIVED
    assert event.details == {"from": "草稿", "to": "已归档", "version": 2}
    assert (event.actor, event.reason) == ("乙", "年度归档")


def test_a_removed_extra_field_is_a_change_even_when_it_was_null(
    any_library: Library,
) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, make_record("X-1", extra={"from_other": None}), actor="甲")
    with any_library.sessions.begin() as session:
        _saved, changed = update_record(session, make_record("X-1"), actor="甲")
    assert changed
    with any_library.session() as session:
        assert get_record(session, "X-1").extra == {}
