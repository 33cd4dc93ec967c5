"""Whatever is half-typed in the form, the similar-precedents panel gets a record and an answer.

Property-based (hypothesis): every form field holds arbitrary text (dates,
amounts and sizes that do not parse, control characters, vocabulary terms and
near-misses, very long narratives); `draft_record` never fails, and the
similarity engine answers the draft with a bounded, ordered, calibrated list.
"""

from __future__ import annotations

import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.editor.form_state import MEASURE_KEYS, PERSON_KEYS, TEXT_FIELDS, draft_record
from precedents.vocabulary import Vocabulary
from search_index.similar import SimilarityIndex
from tests.search_index.similar_cases import library

EXAMPLES = int(os.environ.get("PRECEDENTS_FUZZ_EXAMPLES", "100"))
VOCAB = Vocabulary.builtin()
TEXT = (
    st.text(max_size=40)
    | st.sampled_from(
        ["2024-02-30", "1e999", "９９", "-3", "两千元", "透析" * 3000, "\x00\u202e", "　"]
    )
    | st.sampled_from(VOCAB.labels("hardship") + VOCAB.labels("measure") + ["集美区"])
)
TERMS = st.lists(st.sampled_from(VOCAB.labels("hardship")) | st.text(max_size=6), max_size=4)
ROWS = st.lists(st.fixed_dictionaries({k: TEXT for k in MEASURE_KEYS}), max_size=3)
PEOPLE = st.lists(st.fixed_dictionaries({k: TEXT for k in PERSON_KEYS}), max_size=2)
FIELDS = st.fixed_dictionaries(
    {
        **{name: TEXT for name in TEXT_FIELDS},
        "hardships": TERMS,
        "barriers": TERMS,
        "measures": ROWS,
        "persons": PEOPLE,
    }
)


@pytest.fixture(scope="module")
def index() -> SimilarityIndex:
    return SimilarityIndex.build(library())


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(FIELDS, st.integers(min_value=1, max_value=6))
def test_any_half_typed_form_gets_similar_precedents(
    index: SimilarityIndex, fields: dict[str, object], limit: int
) -> None:
    record = draft_record(fields, VOCAB)
    hits = index.query(record, limit=limit)
    assert len(hits) <= limit
    scores = [hit.score for hit in hits]
    assert all(math.isfinite(s) and 0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
