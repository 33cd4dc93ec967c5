"""Officers' curation of patterns survives re-mining: confirm, rename, merge, split, exclude."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from precedents.errors import NotFoundError, PatternError
from precedents.models import AuditEventRow
from precedents.patterns.curation import (
    confirm_pattern,
    exclude_precedent,
    merge_patterns,
    refresh_patterns,
    rename_pattern,
    split_pattern,
    stored_pattern,
)
from precedents.patterns.describe import Pattern
from precedents.patterns.mining import mine_patterns
from precedents.patterns.models import CONFIRMED, MERGED
from precedents.patterns.settings import MiningSettings, load_settings, save_settings
from precedents.record import PrecedentRecord
from precedents.schema import metadata
from tests.precedents.pattern_cases import all_cases, codes, dialysis, fishing, single_household


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    engine.dispose()


def holding(patterns: list[Pattern], code: str) -> Pattern:
    return next(p for p in patterns if code in p.codes)


def new_dialysis_case(code: str, filed: str) -> PrecedentRecord:
    return dataclasses.replace(
        dialysis()[0],
        code=code,
        filed_on=dt.date.fromisoformat(filed),
        decided_on=dt.date.fromisoformat(filed) + dt.timedelta(days=15),
        title="尿毒症患者居家腹膜透析，收入略超标准",
        situation="何某患尿毒症，居家腹膜透析，透析液和药物自付，丈夫收入略高于低保标准。",
    )


def test_refresh_stores_the_patterns_and_finds_them_again(session: Session) -> None:
    first = refresh_patterns(session, all_cases())
    assert [p.id for p in first] == [p.id for p in mine_patterns(all_cases())]
    again = refresh_patterns(session, all_cases())
    assert [(p.id, p.codes) for p in again] == [(p.id, p.codes) for p in first]
    row = stored_pattern(session, first[0].id)
    assert row.codes == list(first[0].codes) and row.label == first[0].label and row.active


def test_confirmed_and_renamed_pattern_keeps_its_id_and_name(session: Session) -> None:
    pid = holding(refresh_patterns(session, all_cases()), "T-SM-2021-001").id
    confirm_pattern(session, pid, actor="张科长")
    rename_pattern(session, pid, "  尿毒症透析 家庭  ", actor="张科长")
    grown = [*all_cases(), new_dialysis_case("T-XA-2024-031", "2024-10-08")]
    pattern = holding(refresh_patterns(session, grown), "T-SM-2021-001")
    assert pattern.id == pid
    assert pattern.name == "尿毒症透析 家庭" and pattern.title == "尿毒症透析 家庭"
    assert pattern.confirmed and "T-XA-2024-031" in pattern.codes
    assert stored_pattern(session, pid).confirmed_by == "张科长"
    rename_pattern(session, pid, "")
    assert holding(refresh_patterns(session, grown), "T-SM-2021-001").title == pattern.label


def test_an_older_precedent_joining_keeps_the_stored_id(session: Session) -> None:
    pid = holding(refresh_patterns(session, all_cases()), "T-SM-2021-001").id
    older = new_dialysis_case("T-JM-2020-031", "2020-11-03")
    records = [*all_cases(), older]
    # Mined afresh, the earliest precedents changed and so would the id ...
    assert holding(mine_patterns(records), "T-SM-2021-001").id != pid
    # ... but the stored pattern it overlaps keeps it.
    pattern = holding(refresh_patterns(session, records), "T-SM-2021-001")
    assert pattern.id == pid and "T-JM-2020-031" in pattern.codes


def test_a_confirmed_pattern_outlives_a_stricter_mining(session: Session) -> None:
    patterns = refresh_patterns(session, all_cases())
    household = holding(patterns, "T-TA-2021-001")
    confirm_pattern(session, household.id)
    strict = refresh_patterns(session, all_cases(), MiningSettings(min_support=5))
    kept = holding(strict, "T-TA-2021-001")
    assert kept.id == household.id and set(kept.codes) == codes(single_household())
    dropped = refresh_patterns(session, all_cases(), MiningSettings(min_support=6))
    assert [p.id for p in dropped] == [household.id]
    assert not stored_pattern(session, holding(patterns, "T-SM-2021-001").id).active


def test_a_merge_stays_merged(session: Session) -> None:
    patterns = refresh_patterns(session, all_cases())
    target = holding(patterns, "T-SM-2021-001").id
    source = holding(patterns, "T-XA-2021-001").id
    assert merge_patterns(session, [target, source], actor="李科员") == target
    merged = refresh_patterns(session, all_cases())
    assert source not in {p.id for p in merged}
    union = holding(merged, "T-XA-2021-001")
    assert union.id == target and set(union.codes) == codes(dialysis()) | codes(fishing())
    assert union.confirmed
    row = stored_pattern(session, source)
    assert row.status == MERGED and row.merged_into == target
    with pytest.raises(PatternError) as info:
        confirm_pattern(session, source)
    assert target in info.value.message
    with pytest.raises(PatternError):
        merge_patterns(session, [target, target])


def test_a_split_stays_split(session: Session) -> None:
    boats = holding(refresh_patterns(session, all_cases()), "T-XA-2021-001")
    moved = ["T-XA-2022-003", "T-XA-2024-004"]
    part = split_pattern(session, boats.id, moved, actor="王科员")
    assert stored_pattern(session, part).status == CONFIRMED
    again = refresh_patterns(session, all_cases())
    assert set(holding(again, "T-XA-2022-003").codes) == set(moved)
    assert holding(again, "T-XA-2022-003").id == part
    rest = holding(again, "T-XA-2021-001")
    assert rest.id == boats.id and set(rest.codes) == codes(fishing()) - set(moved)
    # A new precedent of the family joins one side of it, never a third pattern.
    newcomer = dataclasses.replace(fishing()[4], code="T-HC-2024-032", filed_on=dt.date(2024, 9, 1))
    grown = refresh_patterns(session, [*all_cases(), newcomer])
    side = holding(grown, "T-HC-2024-032")
    assert side.id in {boats.id, part}
    assert set(holding(grown, "T-XA-2022-003").codes) >= set(moved)
    with pytest.raises(PatternError):
        split_pattern(session, boats.id, list(rest.codes))
    with pytest.raises(PatternError):
        split_pattern(session, boats.id, ["T-SM-2021-001"])


def test_an_excluded_precedent_stays_out(session: Session) -> None:
    pattern = holding(refresh_patterns(session, all_cases()), "T-SM-2021-001")
    exclude_precedent(session, pattern.id, "T-JM-2022-002", actor="张科长", reason="另有肾移植安排")
    again = holding(refresh_patterns(session, all_cases()), "T-SM-2021-001")
    assert again.id == pattern.id and "T-JM-2022-002" not in again.codes
    assert all("T-JM-2022-002" not in p.codes for p in refresh_patterns(session, all_cases()))
    with pytest.raises(PatternError) as info:
        exclude_precedent(session, pattern.id, "T-JM-2022-002")
    assert "T-JM-2022-002" in info.value.message


def test_curation_is_audited(session: Session) -> None:
    pid = refresh_patterns(session, all_cases())[0].id
    confirm_pattern(session, pid, actor="张科长")
    rename_pattern(session, pid, "新名称", actor="张科长")
    session.flush()
    events = session.scalars(select(AuditEventRow).where(AuditEventRow.entity == "pattern")).all()
    assert [e.action for e in events] == ["pattern.confirm", "pattern.rename"]
    assert events[1].details == {"old": None, "new": "新名称"} and events[1].entity_code == pid


def test_unknown_patterns_and_long_names_are_refused(session: Session) -> None:
    with pytest.raises(NotFoundError) as info:
        confirm_pattern(session, "P-00000000")
    assert "P-00000000" in info.value.message
    pid = refresh_patterns(session, all_cases())[0].id
    with pytest.raises(PatternError):
        rename_pattern(session, pid, "名" * 200)


def test_settings_live_in_the_library(session: Session) -> None:
    assert load_settings(session) == MiningSettings()
    save_settings(session, MiningSettings(min_districts=1))
    assert load_settings(session).min_districts == 1
    local = refresh_patterns(session, all_cases())
    assert any(set(p.codes) == {"T-SM-2021-101", "T-SM-2022-102", "T-SM-2023-103"} for p in local)


def test_merging_a_split_off_part_takes_its_pinned_precedents(session: Session) -> None:
    patterns = refresh_patterns(session, all_cases())
    boats = holding(patterns, "T-XA-2021-001")
    part = split_pattern(session, boats.id, ["T-XA-2022-003", "T-XA-2024-004"])
    merge_patterns(session, [boats.id, part])
    again = holding(refresh_patterns(session, all_cases()), "T-XA-2022-003")
    assert again.id == boats.id and set(again.codes) == codes(fishing())
