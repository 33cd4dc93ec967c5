"""Figures for reports upward, on the dev corpus.

The expected numbers were counted by hand from ../shared/eval/dev/corpus.jsonl
(reading the raw JSON, not through this program): the 80 precedents carry no
status, so all are decided; 41 were filed and 43 decided in 2023–2024.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from precedents.errors import PrecedentError
from precedents.interchange.importer import import_file
from precedents.library import Library
from precedents.meetings.model import Outcome, Review
from precedents.meetings.service import save_review
from precedents.patterns.coverage import Criteria
from precedents.patterns.curation import refresh_patterns
from precedents.patterns.registry import adopt_policy, draft_from_pattern, open_consultation
from precedents.stats import Period, compute_figures, month_range
from precedents.stats_scope import read_scope
from precedents.store.precedents import iter_records

TWO_YEARS = Period(dt.date(2023, 1, 1), dt.date(2024, 12, 31))


@pytest.fixture
def dev_library(library: Library, dev_corpus: Path) -> Library:
    with library.sessions.begin() as session:
        import_file(session, dev_corpus, library.vocabulary(), actor="测试员")
    return library


def test_two_years_of_the_dev_corpus(dev_library: Library) -> None:
    with dev_library.session() as session:
        f = compute_figures(session, TWO_YEARS)
    assert (f.total, f.solved) == (41, 43)
    assert len(f.months) == 24 and f.months[0] == "2023-01" and f.months[-1] == "2024-12"
    assert sum(f.by_month.values()) == 41 and sum(f.solved_by_month.values()) == 43
    assert (f.by_month["2023-10"], f.solved_by_month["2023-03"]) == (3, 4)
    assert f.by_district == {
        "同安区": 9, "思明区": 8, "翔安区": 7, "海沧区": 6, "湖里区": 6, "集美区": 5
    }  # fmt: skip
    # Most frequent first; a tie goes by name.
    assert list(f.hardships.items())[:4] == [
        ("支出型贫困", 14), ("未成年人", 13), ("重度残疾", 10), ("重病", 10)
    ]  # fmt: skip
    assert list(f.barriers.items())[:3] == [
        ("收入超标", 19),
        ("超出医保范围", 7),
        ("有法定赡养人", 5),
    ]
    relief = f.measures["临时救助"]
    assert (relief.count, relief.with_amount, relief.total, relief.median) == (
        20, 20, Decimal(155000), Decimal(5500)
    )  # fmt: skip
    assert f.measures["残疾人补贴"].with_amount == 0 and f.measures["残疾人补贴"].median is None
    assert f.amount_total == Decimal(818000)
    days = f.days_to_decision
    assert days is not None and (days.count, days.mean, days.median, days.max) == (43, 28.4, 30, 53)
    assert f.levels_reached == {"村居": 1, "镇街": 17, "区": 23, "市": 2}
    # No meetings are recorded in the corpus, and no policies.
    assert f.reviews == 0 and f.registry.adopted == ()


def test_one_district_in_one_year(dev_library: Library) -> None:
    with dev_library.session() as session:
        f = compute_figures(session, Period.year(2024, "思明区"))
    assert (f.total, f.solved, f.amount_total) == (6, 6, Decimal(145000))
    assert {m: n for m, n in f.by_month.items() if n} == {
        "2024-01": 1, "2024-03": 1, "2024-08": 1, "2024-09": 1, "2024-10": 1, "2024-12": 1
    }  # fmt: skip
    assert f.by_district == {"思明区": 6}
    assert f.period.label() == "2024年"


def test_meetings_and_adopted_policies_are_counted(dev_library: Library) -> None:
    with dev_library.sessions.begin() as session:
        # A matter decided in 2024 at town level; its town meeting sent it up to the district.
        save_review(
            session,
            "XM-XA-2024-509",
            Review(
                "镇街", dt.date(2024, 2, 27), outcome=Outcome.ESCALATED, outcome_reason="金额大"
            ),
            actor="测试员",
        )
        save_review(session, "XM-XA-2024-509", Review("区", dt.date(2024, 3, 5)), actor="测试员")
        records = list(iter_records(session))
        patterns = refresh_patterns(session, records)
        first = draft_from_pattern(session, patterns[0], records, str)
        open_consultation(session, first.id)
        barriers = Criteria(patterns[0].hardships, ("收入超标", "家庭成员合并计算"))
        adopted = adopt_policy(
            session, first.id, "厦民〔2024〕5号", dt.date(2024, 6, 1), records, barriers
        )
        later = draft_from_pattern(session, patterns[1], records, str)
        open_consultation(session, later.id)
        adopt_policy(session, later.id, "厦民〔2025〕1号", dt.date(2025, 1, 1), records)
        draft_from_pattern(session, patterns[2], records, str)
    with dev_library.session() as session:
        f = compute_figures(session, Period.year(2024))
    assert f.reviews_by_level == {"镇街": 1, "区": 1}
    assert f.escalations == {"镇街": 1} and f.matters_escalated == 1
    assert f.review_outcomes == {"进行中": 1, "提交上一级": 1}
    # The escalated matter now counts at district level (before: 10 town, 9 district).
    reached = f.levels_reached
    assert (reached["镇街"], reached["区"]) == (9, 10)
    r = f.registry
    assert [p.document_number for p in r.adopted] == ["厦民〔2024〕5号"]
    assert (r.from_patterns, r.thresholds_lowered) == (1, 2)
    assert r.covered == len(adopted.covered_codes) > 0
    assert (r.in_force, r.in_consultation, r.drafts) == (2, 0, 1)


def test_wrong_way_round_dates_are_refused_in_chinese() -> None:
    with pytest.raises(PrecedentError) as caught:
        Period(dt.date(2024, 12, 31), dt.date(2024, 1, 1))
    assert caught.value.message == (
        "统计期间有误：起始日期 2024-12-31 晚于截止日期 2024-01-01，请调换两个日期"
    )


def test_months_run_across_the_year_end() -> None:
    period = Period(dt.date(2023, 11, 15), dt.date(2024, 2, 1))
    assert month_range(period, None, None) == ("2023-11", "2023-12", "2024-01", "2024-02")


def test_scope_of_the_dev_corpus(dev_library: Library) -> None:
    with dev_library.session() as session:
        scope = read_scope(session)
    assert (scope.first, scope.last) == (dt.date(2021, 2, 22), dt.date(2024, 12, 20))
    assert scope.years == (2024, 2023, 2022, 2021)
    assert scope.districts == ("同安区", "思明区", "海沧区", "湖里区", "翔安区", "集美区")
