"""The query language: words, phrases, exclusions, Chinese field filters; never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from search_index.query import QueryFilter, parse


def test_words_are_normalised_and_required() -> None:
    parsed = parse("尿毒症  透析")
    assert [t.text for t in parsed.required] == ["尿毒症", "透析"]
    assert parse("車禍").terms[0].text == "车祸"


def test_quoted_phrases_in_any_quotes() -> None:
    for query in ('"被征地农民养老金"', "“被征地农民养老金”", "「被征地农民养老金」"):
        (term,) = parse(query).terms
        assert term.phrase and term.text == "被征地农民养老金"


def test_exclusion() -> None:
    parsed = parse('白血病 -淋巴瘤 -"医保目录外"')
    assert [t.text for t in parsed.excluded] == ["淋巴瘤", "医保目录外"]
    assert parsed.excluded[1].phrase


def test_filters_with_chinese_names_and_full_width_colon() -> None:
    parsed = parse("区：集美 措施:临救、医疗救助 困难:重病 -层级:市 状态:已决定 标签:一事一议")
    by_field = {f.field: f for f in parsed.filters}
    assert by_field["district"].values == ("集美",)
    assert by_field["measure"].values == ("临救", "医疗救助")
    assert by_field["hardship"].values == ("重病",)
    assert by_field["level"].negated
    assert by_field["status"].values == ("已决定",)
    assert by_field["tag"].values == ("一事一议",)
    assert parsed.terms == ()


def test_ranges() -> None:
    year = parse("年份:2021-2023").filters[0]
    assert (year.low, year.high) == (2021, 2023)
    single = parse("年份:2023年").filters[0]
    assert (single.low, single.high) == (2023, 2023)
    amount = parse("金额:>=1万").filters[0]
    assert (amount.low, amount.high) == (10000, None)
    income = parse("收入:<3000").filters[0]
    assert income.low is None and income.high is not None and income.high < 3000


def test_unreadable_parts_become_words_with_notes() -> None:
    parsed = parse('时间:2023 "未闭合')
    assert parsed.notes
    assert any("时间" in t.text for t in parsed.terms)
    assert parsed.terms[-1].text == "未闭合"
    bad_range = parse("年份:去年")
    assert bad_range.filters == (QueryFilter("year", (), False, typed="年份:去年"),)
    assert bad_range.notes


def test_operators_alone_are_ignored() -> None:
    assert parse('- + -- : ""').terms == ()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_never_raises(query: str) -> None:
    parse(query)
