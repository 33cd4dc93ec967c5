"""What officers type in a meeting: everyday words, traditional and full-width input, filters.

The records are written the way case files are (家庭暴力, 跌倒, 脑出血, 非本市户籍);
the queries the way officers talk (家暴, 摔倒, 中风, 外地户口).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.heldout import eval_search_heldout
from precedents.demo import demo_path
from precedents.record import STATUSES, Status
from search_index.query import parse
from search_index.service import SearchService
from search_index.source import MemorySource
from search_index.synonyms import SynonymTable, builtin_groups, builtin_narrower, status_words
from tests.search_index.helpers import codes, make_record

RECORDS = [
    make_record(
        "W-001",
        "遭受家庭暴力的母亲带子女离家，单独核算纳入低保",
        "吴某，35岁，长期遭受丈夫殴打，带两个孩子租房居住。",
        measures=("低保",),
        hardships=("单亲",),
    ),
    make_record(
        "W-002",
        "高龄老人在家中跌倒骨折，纳入居家上门照护",
        "苏某，88岁，独自居住，在家中楼梯跌倒，髋部骨折。",
        district="思明区",
        street="鼓浪屿街道",
        year=2022,
        measures=("照护服务",),
        hardships=("高龄", "失能"),
    ),
    make_record(
        "W-003",
        "脑出血偏瘫老人随儿子生活，单人户纳入低保",
        "黄某，62岁，突发脑出血，术后左侧偏瘫，每月康复和药费自付约2000元。",
        measures=("单人户低保",),
        hardships=("重病",),
    ),
    make_record(
        "W-004",
        "非本市户籍母亲独自抚养两名子女，子女纳入低保",
        "刘某某，户籍在江西省，丈夫因病去世，在超市做收银员。",
        measures=("低保", "临时救助"),
        barriers=("户籍不符",),
    ),
    make_record(
        "W-005",
        "台风掀翻老人房屋屋顶，救急难先行并安排修缮",
        "郑某，78岁，台风过境，屋顶被掀翻，受损房屋被核定为一般损坏。",
        district="翔安区",
        street="大嶝街道",
        measures=("救急难", "住房改造"),
    ),
    make_record(
        "W-006",
        "高龄老夫妻均失能，保姆辞工后无人照料",
        "邱某，86岁，两年前中风后卧床，老伴摔伤腰椎。",
        status=Status.DRAFT,
        hardships=("高龄", "失能"),
    ),
    make_record(
        "W-007",
        "黏多糖贮积症患儿酶替代治疗，多方救助",
        "蔡某某，6岁，男孩，确诊黏多糖贮积症，每周输注酶替代药物。",
        measures=("医疗救助",),
        hardships=("罕见病",),
    ),
]


@pytest.fixture(scope="module")
def wording_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchService]:
    service = SearchService(tmp_path_factory.mktemp("wording") / "index", MemorySource(RECORDS))
    service.open()
    yield service
    service.close()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("家暴", ["W-001"]),
        ("台风 房子", ["W-005"]),
        ("外地户口", ["W-004"]),
        ("中风偏瘫", ["W-003"]),
        ("自费 药费", ["W-003"]),
        ("医药费", ["W-003"]),
    ],
)
def test_everyday_words_find_the_written_form(
    wording_service: SearchService, typed: str, expected: list[str]
) -> None:
    assert codes(wording_service.search(typed)) == expected


def test_a_fall_is_found_however_it_is_written(wording_service: SearchService) -> None:
    # 摔倒 in the query, 跌倒 in one record and 摔伤 in another.
    assert sorted(codes(wording_service.search("老人摔倒"))) == ["W-002", "W-006"]


def test_a_traditional_character_partial_word_finds_the_simplified_record(
    wording_service: SearchService,
) -> None:
    assert codes(wording_service.search("腦出")) == ["W-003"]
    assert codes(wording_service.search("鼓浪")) == ["W-002"]


def test_full_width_filters_are_read_like_half_width_ones(wording_service: SearchService) -> None:
    result = wording_service.search("年份：２０２２　照护")
    assert codes(result) == ["W-002"]
    assert codes(wording_service.search("區：翔安")) == ["W-005"]


@pytest.mark.parametrize("typed", ["状态:待研判", "状态:未决定", "狀態:未決定", "状态:在办"])
def test_status_words_officers_use_find_the_undecided_matters(
    wording_service: SearchService, typed: str
) -> None:
    result = wording_service.search(typed)
    assert codes(result) == ["W-006"]
    assert not result.notes


def test_a_finished_matter_is_found_by_the_words_for_it(wording_service: SearchService) -> None:
    decided = sorted(codes(wording_service.search("状态:已办结 失能")))
    assert decided == ["W-002"]


def test_an_unknown_status_word_says_so(wording_service: SearchService) -> None:
    result = wording_service.search("状态:蓝色")
    assert result.total == 0
    assert result.notes and "状态" in result.notes[0]


def test_a_vocabulary_filter_accepts_the_words_of_its_synonym_group(
    wording_service: SearchService,
) -> None:
    result = wording_service.search("障碍:外地户口")
    assert codes(result) == ["W-004"]
    assert "障碍:户籍不符" in result.filters
    assert not result.notes


def test_every_status_word_names_a_real_status() -> None:
    words = status_words()
    assert all(set(statuses) <= set(STATUSES) for statuses in words.values())
    for status in STATUSES:
        assert words[status] == (status,) or status in words[status]


def test_the_shipped_synonym_data_is_well_formed() -> None:
    table = SynonymTable(builtin_groups(), builtin_narrower())
    assert len(table.groups) == len(builtin_groups())  # no group is empty or repeated
    # A stroke reaches both kinds: an infarct by synonym, a haemorrhage as a narrower term.
    expanded = {text for text, _ in table.expand("中风")}
    assert {"脑梗", "脑出血"} <= expanded


def test_the_held_out_queries_keep_their_figures() -> None:
    if not demo_path().is_file():
        pytest.skip("the demo precedents are not packaged")
    figures = eval_search_heldout.summarise(eval_search_heldout.run())
    assert figures["recall@5"] >= 0.95
    assert figures["zero_result_rate"] == 0.0
    assert figures["none_empty"] == 1.0


@pytest.mark.parametrize(
    ("typed", "low", "high"),
    [
        ("金额:1万以上", 10_000, None),
        ("收入:3000元以下", None, 3000),
        ("收入:不超过3000", None, 3000),
        ("金额:超过5千", 5000.01, None),
        ("年份:2022年以后", 2022, None),
        ("年份:2021年起", 2021, None),
        ("年份:2023年以前", None, 2023),
        ("金额:2.5万-3万", 25_000, 30_000),
    ],
)
def test_ranges_written_in_words_are_understood(
    typed: str, low: float | None, high: float | None
) -> None:
    parsed = parse(typed)
    assert not parsed.notes
    assert (parsed.filters[0].low, parsed.filters[0].high) == (low, high)


def test_a_range_in_words_filters_the_results(wording_service: SearchService) -> None:
    assert codes(wording_service.search("年份:2023年以后 高龄")) == ["W-006"]


@pytest.mark.parametrize("typed", ["区: 翔安", "区 : 翔安", "區： 翔安"])
def test_a_space_after_the_colon_of_a_filter_is_forgiven(
    wording_service: SearchService, typed: str
) -> None:
    result = wording_service.search(typed)
    assert codes(result) == ["W-005"]
    assert not result.notes


def test_a_filter_with_nothing_after_it_is_still_noted() -> None:
    assert parse("措施: ").notes == ("“措施:”后没有值，已忽略",)


def test_a_stroke_covers_both_kinds_but_an_infarct_is_no_haemorrhage(
    wording_service: SearchService,
) -> None:
    assert sorted(codes(wording_service.search("脑卒中"))) == ["W-003", "W-006"]
    assert "W-003" not in codes(wording_service.search("脑梗"))


def test_a_filter_value_outside_the_vocabulary_is_searched_as_a_word(
    wording_service: SearchService,
) -> None:
    # A disease is no hardship category, but 困难:中风 plainly means the cases with a stroke.
    result = wording_service.search("困难:中风")
    assert sorted(codes(result)) == ["W-003", "W-006"]
    assert result.notes == ("“困难:中风”不是困难类别，已按词语检索",)
    excluded = wording_service.search("-困难:中风 高龄")
    assert codes(excluded) == ["W-002"]


@pytest.mark.parametrize("typed", ["家暴 或 台风", "家暴 或者 台风", "家暴 OR 台风", "家暴|台风"])
def test_either_of_two_words_is_enough_when_typed_with_or(
    wording_service: SearchService, typed: str
) -> None:
    assert sorted(codes(wording_service.search(typed))) == ["W-001", "W-005"]


def test_alternatives_chain_and_combine_with_required_words(wording_service: SearchService) -> None:
    assert sorted(codes(wording_service.search("家暴|台风|外地户口"))) == [
        "W-001",
        "W-004",
        "W-005",
    ]
    assert codes(wording_service.search("家暴 或 台风 屋顶")) == ["W-005"]
    assert codes(wording_service.search("家暴 或 台风 -屋顶")) == ["W-001"]


def test_joining_words_between_words_are_not_searched(wording_service: SearchService) -> None:
    # 和 is no word to look for: every word is required anyway.
    assert codes(wording_service.search("低保 和 临时救助")) == ["W-004"]
    assert codes(wording_service.search("低保 与 临时救助")) == ["W-004"]
    assert [t.text for t in parse("或 低保").terms] == ["低保"]


@pytest.mark.parametrize("typed", ["罕见病 孩子", "罕见病的孩子", "小孩 罕见病"])
def test_a_child_is_found_however_the_record_names_the_child(
    wording_service: SearchService, typed: str
) -> None:
    assert codes(wording_service.search(typed)) == ["W-007"]


def test_an_exclusion_after_or_stays_an_exclusion() -> None:
    terms = parse('家暴 或 -"台风"').terms
    assert [(t.text, t.negated, t.either) for t in terms] == [
        ("家暴", False, False),
        ("台风", True, False),
    ]


@pytest.mark.parametrize("typed", ["八旬老人", "80岁以上 独居", "耄耋"])
def test_the_ways_of_saying_eighty_and_over_reach_the_elderly(
    wording_service: SearchService, typed: str
) -> None:
    # Both records carry the hardship 高龄; neither says 八旬 or 80岁以上.
    found = codes(wording_service.search(typed))
    assert "W-002" in found
    assert "W-001" not in found
