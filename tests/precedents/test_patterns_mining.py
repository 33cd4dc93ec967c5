"""Pattern mining on crafted precedents: what is found, what it says, how stable it is."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from pathlib import Path

import pytest

from precedents.errors import Cancelled, PrecedentError
from precedents.interchange.importer import parse_file
from precedents.patterns.describe import Pattern
from precedents.patterns.mining import mine_patterns
from precedents.patterns.settings import MiningSettings
from precedents.record import PrecedentRecord, RecordMeta, Status
from precedents.vocabulary import Vocabulary
from tests.precedents.pattern_cases import (
    all_cases,
    background,
    codes,
    dialysis,
    distractors,
    fishing,
    one_district,
    single_household,
)


def by_member(patterns: list[Pattern], code: str) -> Pattern:
    return next(p for p in patterns if code in p.codes)


@pytest.fixture(scope="module")
def mined() -> list[Pattern]:
    return mine_patterns(all_cases())


def test_finds_each_recurring_kind_of_case_with_exactly_its_precedents(
    mined: list[Pattern],
) -> None:
    found = {frozenset(p.codes) for p in mined}
    assert found == {
        frozenset(codes(dialysis())),
        frozenset(codes(fishing())),
        frozenset(codes(single_household())),
    }


def test_a_case_decided_alike_but_of_another_kind_stays_out(mined: list[Pattern]) -> None:
    dialysis_pattern = by_member(mined, "T-SM-2021-001")
    # Lung cancer: same hardships, barrier and measures as the dialysis cases.
    assert "T-HC-2023-009" not in dialysis_pattern.codes
    # Tea farmer: 临时救助 after a disaster, like the fishing boats, but no boat.
    assert all("T-TA-2024-009" not in p.codes for p in mined)


def test_a_kind_of_case_seen_in_one_district_only_needs_the_district_setting() -> None:
    local = codes(one_district())
    assert not any(set(p.codes) & local for p in mine_patterns(all_cases()))
    relaxed = mine_patterns(all_cases(), MiningSettings(min_districts=1))
    assert any(set(p.codes) == local for p in relaxed)


def test_minimum_support_is_a_setting() -> None:
    patterns = mine_patterns(all_cases(), MiningSettings(min_support=5))
    assert {p.support for p in patterns} == {5}
    assert mine_patterns(all_cases(), MiningSettings(min_support=6)) == []


def test_only_decided_precedents_are_mined() -> None:
    drafts = [
        dataclasses.replace(r, meta=RecordMeta(id=7, status=Status.DRAFT)) for r in dialysis()
    ]
    patterns = mine_patterns([*drafts, *fishing(), *distractors()])
    assert all(not set(p.codes) & codes(drafts) for p in patterns)
    # The matter under review (a dialysis case) never joins, whatever its narrative.
    assert all("T-XA-2024-020" not in p.codes for p in mine_patterns(all_cases()))


def test_imported_records_without_status_count_when_they_carry_a_decision() -> None:
    imported = [dataclasses.replace(r, meta=RecordMeta()) for r in fishing()]
    undecided = [
        dataclasses.replace(r, meta=RecordMeta(), decision="", decided_on=None) for r in dialysis()
    ]
    patterns = mine_patterns([*imported, *undecided, *distractors(), *background()])
    assert codes(fishing()) in [set(p.codes) for p in patterns]
    assert all(not set(p.codes) & codes(undecided) for p in patterns)


def test_pattern_facts(mined: list[Pattern]) -> None:
    pattern = by_member(mined, "T-SM-2021-001")
    assert pattern.support == 5
    assert pattern.districts == ("思明区", "海沧区", "湖里区", "集美区")
    assert pattern.first_on.isoformat() == "2021-03-22" and pattern.last_on.year == 2024
    assert pattern.hardships == ("重病", "支出型贫困")
    assert pattern.barriers == ("收入超标",)
    assert set(pattern.measures) == {"低保边缘", "医疗救助"}
    medical = next(a for a in pattern.amounts if a.measure == "医疗救助")
    assert (medical.minimum, medical.median, medical.maximum) == (
        Decimal(12000),
        Decimal(18000),
        Decimal(25000),
    )
    assert medical.count == medical.with_amount == 5
    assert medical.codes_with_amount[0] == "T-SM-2021-001"
    assert medical.codes_with_amount[-1] == "T-HC-2023-001"
    status = next(a for a in pattern.amounts if a.measure == "低保边缘")
    assert status.count == 5 and status.with_amount == 0 and status.minimum is None
    household = pattern.household
    assert household.median_size == 3 and household.median_income == Decimal(4200)
    assert household.median_income_per_person is not None
    assert household.hardships[0] == ("支出型贫困", 5) or household.hardships[0] == ("重病", 5)
    assert {"透析", "尿毒症"} <= set(pattern.key_terms)


def test_labels_read_as_officers_would_name_the_pattern(mined: list[Pattern]) -> None:
    dialysis_label = by_member(mined, "T-SM-2021-001").label
    # 重病 alone does not tell these cases apart: the leading key term names them.
    assert dialysis_label.startswith("透析（重病、支出型贫困）")
    assert dialysis_label.endswith("→ 低保边缘 + 医疗救助")
    household = by_member(mined, "T-TA-2021-001").label
    assert household == "重度残疾 + 家庭成员合并计算收入超标 → 单人户低保"
    assert by_member(mined, "T-XA-2021-001").label.endswith("→ 临时救助")


def test_amounts_of_one_measure_in_one_precedent_are_added_up() -> None:
    records = fishing()
    records[0].measures.append(dataclasses.replace(records[0].measures[0]))
    pattern = mine_patterns([*records, *distractors()])[0]
    aid = pattern.amounts[0]
    assert aid.measure == "临时救助" and aid.count == 5 and aid.maximum == Decimal(30000)
    assert Decimal(20000) in (aid.minimum, aid.median, aid.maximum) or aid.median == Decimal(12000)


def signature(patterns: list[Pattern]) -> list[tuple[str, tuple[str, ...], str]]:
    return [(p.id, p.codes, p.label) for p in patterns]


def test_same_data_in_any_order_gives_the_same_patterns_and_ids(mined: list[Pattern]) -> None:
    records = all_cases()
    for seed in range(4):
        shuffled = list(records)
        random.Random(seed).shuffle(shuffled)
        assert signature(mine_patterns(shuffled)) == signature(mined)


def test_an_unrelated_new_precedent_leaves_existing_ids_alone(mined: list[Pattern]) -> None:
    stranger = dataclasses.replace(
        distractors()[-1],
        code="T-HL-2025-001",
        title="外籍配偶家庭丈夫脑梗失能",
        situation="外籍配偶家庭，丈夫突发脑梗失能，妻子无法纳入本地保障。",
    )
    after = mine_patterns([*all_cases(), stranger])
    assert signature(after) == signature(mined)


def test_progress_is_reported_and_can_cancel() -> None:
    seen: list[tuple[int, int]] = []
    mine_patterns(all_cases(), progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (100, 100)

    def cancel(done: int, total: int) -> None:
        if done > 50:
            raise Cancelled()

    with pytest.raises(Cancelled):
        mine_patterns(all_cases(), progress=cancel)


def test_settings_are_checked_with_a_clear_message() -> None:
    with pytest.raises(PrecedentError) as info:
        MiningSettings(min_support=1).check()
    assert "最少先例数" in info.value.message
    with pytest.raises(PrecedentError):
        mine_patterns(all_cases(), MiningSettings(split_ratio=1.5))
    with pytest.raises(PrecedentError) as info:
        MiningSettings.from_mapping({"link_threshold": "高"})
    assert "link_threshold" in info.value.message
    assert MiningSettings.from_mapping({"min_support": "4", "unknown": 1}).min_support == 4


def test_nothing_to_mine() -> None:
    assert mine_patterns([]) == []
    assert mine_patterns(single_household()[:2]) == []


def test_the_dev_set_mines_the_same_patterns_in_any_order(dev_corpus: Path) -> None:
    records: list[PrecedentRecord] = [
        r for _, r in parse_file(dev_corpus, Vocabulary.builtin()).records
    ]
    first = mine_patterns(records)
    shuffled = list(records)
    random.Random(7).shuffle(shuffled)
    assert signature(mine_patterns(shuffled)) == signature(first)
    assert len(first) >= 8
    assert all(p.support >= 3 and len(p.districts) >= 2 for p in first)
