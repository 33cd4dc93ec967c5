"""Properties of the query language and of the search answer, whatever an officer types.

Property-based (hypothesis). Queries are drawn from the language itself (words,
quoted phrases, negation, ``字段:值`` filters, number ranges with absurd numbers,
stray quotes and brackets) as well as from arbitrary text. Parsing is total and
deterministic, its filters name known fields with ordered, non-NaN ranges; a
search answers with at most `limit` unique hits in score order, with snippet
highlights inside their snippets.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search_index.query import FIELD_NAMES, RANGE_FIELDS, parse
from search_index.service import SearchService
from search_index.source import MemorySource
from tests.search_index.helpers import corpus

EXAMPLES = int(os.environ.get("PRECEDENTS_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

WORDS = st.sampled_from(
    ["低保", "尿毒症", "戈谢病", "独居", "老人", "透析", "集美区", "临时救助", "CAR-T", "萬", "𠀀"]
) | st.text(max_size=8)
NUMBERS = st.sampled_from(["0", "2023", "1.5", "9" * 400, "1e999", "nan", "-5", ""]) | st.integers(
    min_value=0, max_value=10**30
).map(str)
RANGE = st.builds(
    lambda op, a, wan, b: f"{op}{a}{wan}" + (f"-{b}" if b else ""),
    st.sampled_from(["", ">", ">=", "<", "<=", "＞"]),
    NUMBERS,
    st.sampled_from(["", "万", "元", "年"]),
    st.none() | NUMBERS,
)
FILTER = st.builds(
    lambda neg, name, colon, value: f"{neg}{name}{colon}{value}",
    st.sampled_from(["", "-", "+"]),
    st.sampled_from([*FIELD_NAMES, "未知", ""]),
    st.sampled_from([":", "：", "::"]),
    RANGE | st.lists(WORDS, max_size=3).map("、".join) | WORDS,
)
PIECE = (
    WORDS
    | FILTER
    | WORDS.map(lambda w: f'"{w}"')
    | WORDS.map(lambda w: f"-{w}")
    | st.sampled_from(['"', "“", "「", "(", "）", "*", "?", "\\", "\x00", "\u202e", "　"])
)
QUERY = st.lists(PIECE, max_size=6).map(" ".join) | st.text(max_size=60)


@FUZZ
@given(QUERY)
def test_parsing_is_total_and_its_filters_are_sound(query: str) -> None:
    parsed = parse(query)
    assert parsed == parse(query), "the same text always means the same"
    assert parsed.text == query
    for term in parsed.terms:
        assert term.text.strip(), "no empty search word"
    fields = set(FIELD_NAMES.values())
    for f in parsed.filters:
        assert f.field in fields and f.typed
        for bound in (f.low, f.high):
            assert bound is None or not math.isnan(bound)
        if f.low is not None and f.high is not None:
            assert f.low <= f.high
        if f.field not in RANGE_FIELDS:
            assert f.low is None and f.high is None
    for note in parsed.notes:
        assert isinstance(note, str) and note


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchService]:
    folder: Path = tmp_path_factory.mktemp("索引 属性")
    svc = SearchService(folder / "index", MemorySource(corpus()))
    svc.open()
    yield svc
    svc.close()


@FUZZ
@given(QUERY, st.integers(min_value=1, max_value=8))
def test_every_query_gets_a_sound_answer(service: SearchService, query: str, limit: int) -> None:
    result = service.search(query, limit=limit)
    assert len(result.hits) <= limit and result.total >= len(result.hits)
    codes = [hit.code for hit in result.hits]
    assert len(codes) == len(set(codes))
    scores = [hit.score for hit in result.hits]
    assert all(math.isfinite(s) for s in scores)
    assert scores == sorted(scores, reverse=True)
    for hit in result.hits:
        for start, end in hit.highlights:
            assert 0 <= start < end <= len(hit.snippet)
        for start, end in hit.title_highlights:
            assert 0 <= start < end <= len(hit.title)


def test_an_unclosed_quote_leaves_ordinary_words_and_filters() -> None:
    parsed = parse('-"低保 尿毒症 区:集美')
    assert [(t.text, t.phrase, t.negated) for t in parsed.terms] == [
        ("低保", False, True),
        ("尿毒症", False, False),
    ]
    assert [f.field for f in parsed.filters] == ["district"]
    assert parse('" ').terms == ()
