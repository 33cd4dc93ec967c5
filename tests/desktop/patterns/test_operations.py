"""The screen's use cases without a window: mining, curation, drafts, export, the registry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from desktop.patterns import operations as ops
from precedents.documents.example_template import EXAMPLE_TEMPLATE
from precedents.errors import PatternError
from precedents.library import Library
from precedents.patterns.registry import PolicyStatus, covering_policies
from precedents.store.precedents import get_record, iter_records


def test_overview_lists_patterns_with_masked_precedents(demo_library: Library) -> None:
    overview = ops.load_overview(demo_library)
    assert overview.patterns, "the demo set has recurring kinds of case"
    assert overview.precedents == len(overview.cases)
    with demo_library.session() as session:
        names = {p.name for r in iter_records(session) for p in r.persons if p.name}
    for pattern in overview.patterns:
        assert pattern.support >= overview.settings.min_support
        assert len(pattern.districts) >= overview.settings.min_districts
        for code in pattern.codes:
            assert not any(name in overview.cases[code].title for name in names)
    assert overview.seq == ops.library_seq(demo_library)


def test_patterns_are_the_same_on_every_run(demo_library: Library) -> None:
    first = ops.load_overview(demo_library)
    again = ops.load_overview(demo_library)
    assert [(p.id, p.codes) for p in first.patterns] == [(p.id, p.codes) for p in again.patterns]


def test_new_settings_are_saved_and_used(demo_library: Library) -> None:
    from dataclasses import replace

    overview = ops.load_overview(demo_library)
    strict = replace(overview.settings, min_support=8)
    narrowed = ops.load_overview(demo_library, strict)
    assert narrowed.settings.min_support == 8
    assert all(p.support >= 8 for p in narrowed.patterns)
    assert ops.load_overview(demo_library).settings.min_support == 8


def test_curation_survives_mining_again(demo_library: Library) -> None:
    overview = ops.load_overview(demo_library)
    big, second = overview.patterns[0], overview.patterns[1]
    renamed = ops.rename(demo_library, big.id, "重病患者单人户施保")
    ops.confirm(demo_library, big.id)
    dropped = big.codes[-1]
    ops.exclude(demo_library, big.id, dropped, "家庭情况不同")
    moved = list(second.codes[:2])
    split = ops.split(demo_library, second.id, moved)
    assert renamed.selected == big.id and split.selected != second.id

    again = ops.load_overview(demo_library)
    kept = again.pattern(big.id)
    assert kept is not None and kept.title == "重病患者单人户施保" and kept.confirmed
    assert dropped not in kept.codes
    part = again.pattern(split.selected)
    assert part is not None and list(part.codes) == moved
    rest = again.pattern(second.id)
    assert rest is not None and not set(moved) & set(rest.codes)


def test_merge_keeps_one_pattern(demo_library: Library) -> None:
    overview = ops.load_overview(demo_library)
    small = overview.patterns[-2:]
    merged = ops.merge(demo_library, [p.id for p in small])
    target = merged.overview.pattern(merged.selected)
    assert target is not None and target.confirmed
    assert set(small[0].codes) | set(small[1].codes) <= set(target.codes)
    assert ops.load_overview(demo_library).pattern(small[1].id) is None


def test_curation_refuses_a_precedent_of_another_pattern(demo_library: Library) -> None:
    overview = ops.load_overview(demo_library)
    first, second = overview.patterns[0], overview.patterns[1]
    with pytest.raises(PatternError):
        ops.exclude(demo_library, first.id, second.codes[0], "不属于")


def test_a_draft_is_written_once_and_saved(demo_library: Library) -> None:
    pattern = ops.load_overview(demo_library).patterns[0]
    policy = ops.open_draft(demo_library, pattern)
    assert policy.status is PolicyStatus.DRAFT and policy.content is not None
    content = policy.content
    content.title = "关于重病患者单人户纳入低保的实施意见"
    saved = ops.save_draft(demo_library, policy.id, content)
    assert saved.title == content.title
    again = ops.open_draft(demo_library, pattern)
    assert again.id == policy.id and again.title == content.title
    registry = ops.load_registry(demo_library)
    assert registry.open_draft(pattern.id) is not None
    assert registry.summary.drafts == 1


@pytest.mark.parametrize("template", [None, EXAMPLE_TEMPLATE], ids=["built-in", "template"])
def test_export_writes_a_masked_word_draft(
    demo_library: Library, tmp_path: Path, template: Path | None
) -> None:
    pattern = ops.load_overview(demo_library).patterns[0]
    policy = ops.open_draft(demo_library, pattern)
    name = ops.draft_file_name(policy)
    out = ops.export_draft(demo_library, policy.id, tmp_path / name, template)
    assert out.name.endswith("（征求意见稿）.docx")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert policy.title in text
    with demo_library.session() as session:
        records = [get_record(session, code) for code in pattern.codes]
    for person in (p for r in records for p in r.persons):
        for value in (person.name, person.id_number, person.phone):
            if value and len(value) > 1:
                assert value not in text


def test_a_policy_moves_on_and_covers_its_precedents(demo_library: Library) -> None:
    pattern = ops.load_overview(demo_library).patterns[0]
    policy = ops.open_draft(demo_library, pattern)
    ops.consult(demo_library, policy.id)
    registry = ops.adopt(demo_library, policy.id, "厦民规〔2025〕3号", dt.date(2025, 7, 1))
    adopted = registry.policies[0]
    assert adopted.status is PolicyStatus.IN_FORCE
    assert set(pattern.codes) <= set(adopted.covered_codes)
    assert registry.summary.in_force == 1 and registry.summary.thresholds_lowered >= 1
    with demo_library.session() as session:
        found = [covering_policies(session, get_record(session, c)) for c in pattern.codes]
    assert any([p.id for p in policies] == [policy.id] for policies in found), (
        "a matter like the pattern's precedents is told a policy settles it"
    )
    repealed = ops.repeal(demo_library, policy.id, dt.date(2026, 1, 1))
    assert repealed.policies[0].status is PolicyStatus.REPEALED
