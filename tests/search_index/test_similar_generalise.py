"""Similar precedents and search beyond the development set: everyday wording, names, generic words.

Runs on the demo precedents shipped in the package, so it never needs ``../shared``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.heldout import eval_heldout
from precedents.demo import demo_path
from precedents.record import Person
from search_index.content_words import STOP_WORDS
from search_index.names import written_names
from search_index.service import SearchService
from search_index.similar import CLOSE_THRESHOLD, SimilarityIndex
from search_index.source import MemorySource
from tests.search_index.similar_cases import matter, pasted

ELDERLY_ALONE = (
    "张老汉今年七十九岁，一个人住在村里的老房子，老伴去世多年，女儿嫁到外省。"
    "他现在生活难以自理，做饭洗衣都很吃力。"
)
GENERIC = "申请人家庭情况特殊，生活存在问题，反映情况后提出申请，了解情况后研究处理。"


@pytest.fixture(scope="module")
def demo_index() -> SimilarityIndex:
    if not demo_path().is_file():
        pytest.skip("the demo precedents are not packaged")
    return SimilarityIndex.build(eval_heldout.demo_records())


def test_an_elderly_person_alone_reaches_the_threshold_with_loss_of_capacity_inferred(
    demo_index: SimilarityIndex,
) -> None:
    features = demo_index.features(pasted(ELDERLY_ALONE))
    assert "失能" in features.hardships and "无人照护" in features.hardships
    assert "hardships" in features.inferred
    hits = demo_index.query(pasted(ELDERLY_ALONE), limit=5)
    assert hits[0].close and hits[0].score >= CLOSE_THRESHOLD
    inferred = [r.text for r in hits[0].reasons if r.kind == "inferred"]
    assert inferred and inferred[0].startswith("从文字推断：")
    assert "失能（据“生活难以自理”）" in inferred[0]
    # The close hits are the elderly-care precedents, not the unrelated ones.
    for hit in hits:
        if hit.close:
            assert "老" in hit.title


@pytest.mark.parametrize(
    "wording", ["生活不能自理", "瘫痪在床", "长期卧床", "吃饭穿衣都要人喂", "患老年痴呆"]
)
def test_wordings_of_loss_of_capacity_are_read_as_such(
    demo_index: SimilarityIndex, wording: str
) -> None:
    assert "失能" in demo_index.features(pasted(f"老人今年八十岁，{wording}。")).hardships


def test_a_negated_cue_is_not_read(demo_index: SimilarityIndex) -> None:
    assert "失能" not in demo_index.features(pasted("老人身体尚可，并未卧床。")).hardships


def test_written_names_are_found_before_an_age_and_after_a_name_cue() -> None:
    text = "陈国平，87岁，独居。郑丽华，女，41岁。小伙子名叫方志强，刚工作。"
    assert set(written_names(text)) == {"陈国平", "郑丽华", "方志强"}


def test_person_names_are_never_key_terms_nor_reasons(demo_index: SimilarityIndex) -> None:
    record = matter(
        title="王建国独居无人照料",
        situation=(
            "王建国，84岁，独居，生活难以自理。建国的儿子王志远在外地工作。"
            "邻居李秀兰每天送饭，社区网格员陈国平上门走访。刘海燕是他的侄女。"
        ),
        persons=[Person(name="王建国"), Person(name="王志远", relation="儿子")],
    )
    names = ("王建国", "建国", "王志远", "志远", "李秀兰", "秀兰", "陈国平", "国平", "海燕")
    terms = demo_index.features(record).terms
    assert not [t for t in terms if any(name in t for name in names)]
    for hit in demo_index.query(record, limit=10):
        for reason in hit.reasons:
            assert not [name for name in names if name in reason.text], reason.text


def test_place_names_are_not_key_terms(demo_index: SimilarityIndex) -> None:
    record = pasted("老人户籍在江西省，女儿在晋江打工，本人住汀溪镇城中村，独居无人照料。")
    terms = demo_index.features(record).terms
    assert not {"江西省", "晋江", "汀溪镇"} & set(terms)
    assert "城中村" in terms  # says what kind of place, not where


def test_generic_words_never_show_as_shared_keywords(demo_index: SimilarityIndex) -> None:
    matters = [pasted(GENERIC + ELDERLY_ALONE)] + [
        eval_heldout.query_record(q["case"]) for q in eval_heldout.read_queries()
    ]
    for record in matters:
        for hit in demo_index.query(record, limit=5):
            for reason in hit.reasons:
                if reason.kind == "terms":
                    assert not set(reason.terms) & STOP_WORDS, reason.terms
    assert {"情况", "家庭", "问题", "申请", "生活"} <= STOP_WORDS


def test_a_matter_of_another_kind_gets_no_close_precedent(demo_index: SimilarityIndex) -> None:
    hits = demo_index.query(pasted("某公司员工因劳动合同纠纷被拖欠工资两个月，要求帮助讨薪。"))
    assert not any(hit.close for hit in hits)


@pytest.mark.slow
def test_the_held_out_evaluation_meets_its_recorded_level() -> None:
    if not eval_heldout.QUERIES.is_file() or not demo_path().is_file():
        pytest.skip("the held-out queries or the demo precedents are not present")
    summary = eval_heldout.summarise(eval_heldout.run())
    assert summary["recall@5"] >= 0.9
    assert summary["ndcg@10"] >= 0.93
    assert summary["pattern_top_close"] >= 0.85
    assert summary["none_top_not_close"] == 1.0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("瘫痪在床", "DEMO-XA-2024-001"),
        ("生活难以自理", "DEMO-TA-2024-002"),
        ("一个人住 老人", "DEMO-HL-2023-001"),
    ],
)
def test_search_reads_everyday_wording_of_care_needs(
    tmp_path: Path, query: str, expected: str
) -> None:
    if not demo_path().is_file():
        pytest.skip("the demo precedents are not packaged")
    service = SearchService(tmp_path / "index", MemorySource(eval_heldout.demo_records()))
    service.open()
    try:
        codes = [hit.code for hit in service.search(query, limit=10, snippets=False).hits]
    finally:
        service.close()
    assert expected in codes
