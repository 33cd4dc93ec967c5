"""Hostile input to the similarity engine: whatever an officer pastes or types, it answers.

Property-based (hypothesis): any text (control characters, emoji, mixed scripts,
digits that look like ages or amounts, ten thousand characters) in the title
and situation, and any values in the attributes a form can hold, give a ranked
list of at most `limit` hits with calibrated scores and written reasons; storing
such records in the index keeps ordinary queries answering as before.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from precedents.record import Measure, PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.similar import SimilarityIndex
from tests.search_index.similar_cases import dialysis_matter, library

EXAMPLES = int(os.environ.get("PRECEDENTS_FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_VOCAB = Vocabulary.builtin()
HOSTILE = st.one_of(
    st.characters(),
    st.sampled_from(list("透析白血病独居老人岁元万个月0123456789十百千〇二两")),
    st.sampled_from(["\x00", "\u202e", "\ufffd", "\U0001f600", "\r", "\n", "\t", "𠀀", "ｱ"]),
)
TEXT = st.text(HOSTILE, max_size=300) | st.sampled_from(
    ["", "透析" * 5000, "年龄999999岁，家庭月收入1e999元，12345678901234567890人", "　 \n"]
)
TERMS = st.lists(
    st.sampled_from(_VOCAB.labels("hardship") + _VOCAB.labels("barrier")) | st.text(max_size=6),
    max_size=4,
)
AMOUNTS = st.none() | st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, places=2
)


@pytest.fixture(scope="module")
def index() -> SimilarityIndex:
    return SimilarityIndex.build(library())


def _record(code: str, **values: object) -> PrecedentRecord:
    base: dict[str, object] = {
        "title": "",
        "district": "",
        "filed_on": dt.date(2024, 5, 1),
        "level": "",
        "situation": "",
    }
    base.update(values)
    return PrecedentRecord(code=code, **base)  # type: ignore[arg-type]


def _check_hits(index: SimilarityIndex, record: PrecedentRecord, limit: int) -> None:
    hits = index.query(record, limit=limit)
    assert len(hits) <= limit
    scores = [h.score for h in hits]
    assert all(math.isfinite(s) and 0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert record.code not in {h.code for h in hits}
    for hit in hits:
        for reason in hit.reasons:
            assert isinstance(reason.text, str) and reason.text


@FUZZ
@given(
    title=TEXT,
    situation=TEXT,
    district=st.text(max_size=8) | st.sampled_from(["集美区", "思明区"]),
    household=st.none() | st.integers(min_value=-(10**9), max_value=10**9),
    income=AMOUNTS,
    hardships=TERMS,
    barriers=TERMS,
    limit=st.integers(min_value=1, max_value=20),
)
def test_any_matter_gets_ranked_calibrated_hits(
    index: SimilarityIndex,
    title: str,
    situation: str,
    district: str,
    household: int | None,
    income: Decimal | None,
    hardships: list[str],
    barriers: list[str],
    limit: int,
) -> None:
    record = _record(
        "QUERY",
        title=title,
        situation=situation,
        district=district,
        household_size=household,
        monthly_income=income,
        hardships=hardships,
        barriers=barriers,
    )
    _check_hits(index, record, limit)


@settings(max_examples=max(EXAMPLES // 4, 10), deadline=None)
@given(
    situations=st.lists(TEXT, min_size=1, max_size=4),
    amounts=st.lists(AMOUNTS, min_size=1, max_size=3),
)
def test_storing_strange_precedents_keeps_queries_working(
    situations: list[str], amounts: list[Decimal | None]
) -> None:
    index = SimilarityIndex.build(library())
    strange = [
        _record(
            f"ODD-{n}",
            situation=text,
            decided_on=dt.date(2024, 5, 2),
            decision=text[:50],
            measures=[Measure(type="临时救助", amount=a) for a in amounts if a is None or a >= 0],
        )
        for n, text in enumerate(situations)
    ]
    index.upsert(strange)
    index.flush()
    _check_hits(index, dialysis_matter(), 5)
    # The strange ones may rank anywhere (透析 five thousand times is about dialysis),
    # but the real dialysis precedents still lead the rest.
    hits = index.query(dialysis_matter(), limit=3 + len(strange))
    ordinary = [h.code for h in hits if not h.code.startswith("ODD-")]
    assert set(ordinary[:3]) == {"T-DI-1", "T-DI-2", "T-DI-3"}
    index.delete([r.code for r in strange])
    index.flush()
    _check_hits(index, strange[0], 5)
