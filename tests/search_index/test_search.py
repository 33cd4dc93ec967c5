"""Search behaviour: recall of parts and substrings, synonyms, filters, ranking, facets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search_index.highlight import mark
from search_index.service import SearchService
from search_index.source import MemorySource
from tests.search_index.helpers import codes, make_record


def test_substring_of_a_dictionary_word(service: SearchService) -> None:
    assert codes(service.search("戈谢")) == ["T-001"]


def test_word_parts_of_a_longer_word(service: SearchService) -> None:
    result = service.search("征地养老")
    assert codes(result) == ["T-002"]


def test_inner_word_of_a_longer_word(service: SearchService) -> None:
    assert "T-002" in codes(service.search("养老金"))


def test_traditional_characters_find_simplified_records(service: SearchService) -> None:
    assert codes(service.search("戈謝病")) == ["T-001"]
    # ... and the other way round.
    assert codes(service.search("独居老人")) == ["T-006"]


def test_synonyms_are_applied_and_reported(service: SearchService) -> None:
    result = service.search("孤独症")
    assert codes(result) == ["T-005"]
    result = service.search("慢性肾衰竭")
    assert codes(result) == ["T-003"]
    assert "尿毒症" in result.expanded_terms["慢性肾衰竭"]


def test_all_words_are_required(service: SearchService) -> None:
    assert codes(service.search("尿毒症 血液透析")) == ["T-003"]
    assert service.search("尿毒症 戈谢病").total == 0


def test_quoted_phrase_is_exact(service: SearchService) -> None:
    assert codes(service.search('"急性淋巴细胞白血病"')) == ["T-004"]
    assert service.search('"白血病急性"').total == 0


def test_exclusion(service: SearchService) -> None:
    both = set(codes(service.search("医疗救助")))
    assert {"T-003", "T-004"} <= both
    assert "T-004" not in codes(service.search("医疗救助 -白血病"))


def test_filters_accept_short_forms_and_synonyms(service: SearchService) -> None:
    assert set(codes(service.search("区:湖里"))) == {"T-003"}
    assert set(codes(service.search("措施:临救"))) == {"T-004", "T-005"}
    assert set(codes(service.search("困难:重病 年份:2021-2022"))) == {"T-003", "T-004"}
    assert set(codes(service.search("状态:研判"))) == {"T-005"}
    assert set(codes(service.search("层级:市级"))) == {"T-002"}
    assert "T-001" not in codes(service.search("-区:海沧", limit=50))
    assert set(codes(service.search("金额:>=50000"))) == {"T-001"}


def test_filters_given_as_a_mapping(service: SearchService) -> None:
    result = service.search("救助", filters={"district": "思明", "措施": ["医疗救助"]})
    assert codes(result) == ["T-004"]
    assert "区:思明区" in result.filters


def test_a_district_typed_as_a_word_filters(service: SearchService) -> None:
    result = service.search("思明 救助")
    assert codes(result) == ["T-004"]
    assert result.notes


def test_unknown_filter_value_matches_nothing_and_says_so(service: SearchService) -> None:
    result = service.search("区:鼓浪屿")
    assert result.total == 0
    assert result.notes


def test_measure_name_ranks_records_that_decided_it_first(service: SearchService) -> None:
    # T-004 mentions 低保边缘 only to say it did not apply; T-003 decided it.
    result = service.search("低边")
    assert codes(result)[0] == "T-003"
    assert "低保边缘" in result.expanded_terms["低边"]


def test_title_weighs_more_than_narrative(service: SearchService, source: MemorySource) -> None:
    source.save(
        make_record("T-101", "家庭困难个案", "需要长期护理，另需康复训练，康复训练费用高。")
    )
    source.save(make_record("T-102", "康复训练费用救助", "情况一般。"))
    service.sync()
    ranked = codes(service.search("康复训练"))
    assert ranked.index("T-102") < ranked.index("T-101")


def test_facets_count_every_match(service: SearchService) -> None:
    result = service.search("救助", limit=1)
    assert len(result.hits) == 1
    facets = result.facets
    assert sum(n for _, n in facets["district"]) == result.total
    assert dict(facets["measure"])["临时救助"] == 2
    assert set(facets) == {"district", "hardship", "barrier", "measure", "level", "year", "status"}


def test_snippets_mark_the_matched_words(service: SearchService) -> None:
    (hit,) = service.search("戈谢").hits
    assert hit.highlights
    for start, end in hit.highlights:
        assert hit.snippet[start:end] == "戈谢"
    assert "【戈谢】" in mark(hit.snippet, hit.highlights)
    assert hit.title_highlights == ((0, 2),)


def test_empty_query_lists_newest_first(service: SearchService) -> None:
    result = service.search("", limit=3)
    assert result.total == 6
    assert len(result.hits) == 3


def test_to_json_has_the_command_line_shape(service: SearchService) -> None:
    data = service.search("尿毒症").to_json()
    assert data["query"] == "尿毒症" and data["total"] == 1
    assert set(data["hits"][0]) == {"code", "title", "score", "snippet"}
    assert "district" in data["facets"]


_QUERY_ALPHABET = st.sampled_from(
    list('低保尿毒症戈谢病区措施困难年份层级状态标签:：-+"“”「」()（）*?~ 　\\/、,|>=<2023萬一')
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(st.text(), st.text(_QUERY_ALPHABET, max_size=30)))
def test_no_query_string_raises(service: SearchService, query: str) -> None:
    result = service.search(query, limit=5)
    assert result.total >= len(result.hits)


def test_words_with_punctuation_and_latin_letters(
    service: SearchService, source: MemorySource
) -> None:
    source.save(make_record("T-501", "白血病复发", "医院建议进行CAR-T细胞治疗，费用约40万元。"))
    service.sync()
    assert codes(service.search("CAR-T")) == ["T-501"]
    assert codes(service.search("car-t 白血病")) == ["T-501"]


def test_a_long_phrase_typed_as_one_word_needs_most_of_its_parts(
    service: SearchService,
) -> None:
    # T-006 says 獨居老人 … 子女在外地, but nothing about 住院.
    result = service.search("独居老人子女外地住院")
    assert codes(result) == ["T-006"]
    assert service.search('"独居老人子女外地住院"').total == 0


def test_a_pasted_passage_needs_most_of_its_words(service: SearchService) -> None:
    # Eight pieces; T-003 says five of them word for word.
    passage = (
        "蔡某，52岁，患尿毒症，每周血液透析三次，家庭收入略超低保标准，"
        "妻子打零工，儿子读书，申请救助。"
    )
    result = service.search(passage)
    assert codes(result)[0] == "T-003"
    assert any("至少" in note for note in result.notes)
