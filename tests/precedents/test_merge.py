"""The merge view's data after a refused save: field by field, mine, theirs, base."""

from __future__ import annotations

import pytest

from precedents.errors import ConflictError, PrecedentError
from precedents.library import Library
from precedents.record import Measure, PrecedentRecord
from precedents.store.merge import FieldState, compare_versions, merge
from precedents.store.precedents import create_record, get_record, update_record


def _states(
    mine: PrecedentRecord, theirs: PrecedentRecord, base: PrecedentRecord | None
) -> dict[str, FieldState]:
    return {f.field: f.state for f in compare_versions(mine, theirs, base).differing}


def test_with_a_base_one_sided_changes_merge_by_themselves(record: PrecedentRecord) -> None:
    base = record.copy()
    base.meta.version = 1
    mine = base.copy(title="我改的标题", decision="双方都改")
    theirs = base.copy(situation="他人补充的情况", decision="他人的处理结果")
    theirs.meta.version = 2
    comparison = compare_versions(mine, theirs, base)
    assert _states(mine, theirs, base) == {
        "title": FieldState.MINE,
        "situation": FieldState.THEIRS,
        "decision": FieldState.CONFLICT,
    }
    assert (comparison.mine_version, comparison.theirs_version) == (1, 2)
    (conflict,) = comparison.conflicts
    assert (conflict.label, conflict.mine, conflict.theirs, conflict.base) == (
        "处理结果",
        "双方都改",
        "他人的处理结果",
        record.decision,
    )
    merged = merge(mine, theirs, base, {"decision": "theirs"})
    assert (merged.title, merged.situation, merged.decision) == (
        "我改的标题",
        "他人补充的情况",
        "他人的处理结果",
    )
    assert merged.meta.version == 2


def test_without_a_base_every_difference_is_the_officers_choice(record: PrecedentRecord) -> None:
    mine = record.copy(title="甲")
    theirs = record.copy(title="乙")
    assert _states(mine, theirs, None) == {"title": FieldState.CONFLICT}
    with pytest.raises(PrecedentError) as info:
        merge(mine, theirs)
    assert info.value.code == "merge.unresolved" and "标题" in info.value.message
    assert merge(mine, theirs, choices={"title": "mine"}).title == "甲"


def test_personal_fields_and_measure_plans_are_compared(record: PrecedentRecord) -> None:
    base = record.copy()
    mine = base.copy()
    mine.persons[0].phone = "13800000000"
    theirs = base.copy()
    theirs.measures = [Measure(type="特困集中供养", note="养老金上交财政", department="民政局")]
    comparison = compare_versions(mine, theirs, base)
    rows = {f.field: f for f in comparison.differing}
    assert rows["persons"].personal and rows["persons"].state is FieldState.MINE
    assert rows["measures"].theirs[0]["department"] == "民政局"
    merged = merge(mine, theirs, base)
    assert merged.persons[0].phone == "13800000000"
    assert merged.measures[0].department == "民政局"
    merged.persons[0].name = "改动不影响原记录"
    assert mine.persons[0].name == record.persons[0].name


def test_refused_save_merged_and_saved_again(any_library: Library, record: PrecedentRecord) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    with any_library.session() as session:
        opened = get_record(session, record.code)
    with any_library.sessions.begin() as session:
        update_record(
            session, opened.copy(situation="乙补充的情况"), actor="乙", expected_version=1
        )
    mine = opened.copy(title="甲的新标题")
    with pytest.raises(ConflictError) as info, any_library.sessions.begin() as session:
        update_record(session, mine, actor="甲", expected_version=1)
    theirs = info.value.theirs
    merged = merge(mine, theirs, base=opened)
    with any_library.sessions.begin() as session:
        saved, _ = update_record(session, merged, actor="甲", expected_version=theirs.meta.version)
    assert (saved.title, saved.situation, saved.meta.version) == ("甲的新标题", "乙补充的情况", 3)
