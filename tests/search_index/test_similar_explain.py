"""Every hit says why: taxonomy matches, shared key terms, each attribute's points."""

from __future__ import annotations

import pytest

from search_index.similar import CLOSE_THRESHOLD, Reason, SimilarHit, SimilarityIndex
from search_index.similar.settings import ATTRIBUTE_LABELS
from tests.search_index.similar_cases import dialysis_matter, library, matter, pasted


@pytest.fixture(scope="module")
def index() -> SimilarityIndex:
    return SimilarityIndex.build(library())


@pytest.fixture(scope="module")
def dialysis_hit(index: SimilarityIndex) -> SimilarHit:
    return index.query(dialysis_matter(), limit=3)[0]


def by_kind(hit: SimilarHit, kind: str) -> list[Reason]:
    return [r for r in hit.reasons if r.kind == kind]


def test_shared_hardships_and_barriers_are_named(dialysis_hit: SimilarHit) -> None:
    shared = {r.attribute: r.text for r in by_kind(dialysis_hit, "shared")}
    assert shared["hardships"] == "共同的困难情形：重病；支出型贫困"
    assert shared["barriers"] == "共同的政策障碍：收入超标"


def test_taxonomy_matches_are_spelled_out(index: SimilarityIndex) -> None:
    rare = matter(
        "NEW-RARE",
        title="血友病青年预防治疗费用高",
        situation="赵某，22岁，重型血友病，需定期输注凝血因子，部分药品不在医保目录内，护理负担重。",
        hardships=["罕见病", "支出型贫困"],
        barriers=["超出医保范围"],
    )
    hits = index.query(rare, limit=13)
    dialysis = next(h for h in hits if h.code == "T-DI-1")
    text = by_kind(dialysis, "shared")[0].text
    assert "罕见病 与 重病 同属重病类" in text
    assert "支出型贫困" in text


def test_matched_key_terms_come_from_both_narratives(dialysis_hit: SimilarHit) -> None:
    terms = by_kind(dialysis_hit, "terms")[0]
    assert "透析" in terms.terms or "血液透析" in terms.terms
    assert terms.text.startswith("共同关键词：")


def test_every_attribute_reports_its_values_and_points(dialysis_hit: SimilarHit) -> None:
    contributions = {r.attribute: r for r in by_kind(dialysis_hit, "attribute")}
    assert set(contributions) == set(ATTRIBUTE_LABELS)
    household = contributions["household"]
    assert (household.query_value, household.precedent_value) == ("3 人", "3 人")
    assert household.points > 0
    assert "家庭人口：本案 3 人，先例 3 人" in household.text
    assert "分" in household.text
    income = contributions["income"]
    assert "倍" in income.query_value and "低保" in income.query_value


def test_points_add_up_to_the_combined_score(index: SimilarityIndex) -> None:
    for hit in index.query(dialysis_matter(), limit=13):
        points = sum(r.points for r in hit.reasons if r.kind == "attribute")
        assert points == pytest.approx(hit.raw * 100, abs=0.05)


def test_text_contribution_matches_the_score_used(dialysis_hit: SimilarHit) -> None:
    text = next(r for r in dialysis_hit.reasons if r.attribute == "text" and r.kind == "attribute")
    assert text.note == f"关键词向量余弦 {dialysis_hit.text_score:.2f}"


def test_missing_attributes_say_so_and_score_nothing(index: SimilarityIndex) -> None:
    hit = index.query(pasted("渔船出海作业时起火烧毁，渔民跳海获救"), limit=1)[0]
    income = next(r for r in hit.reasons if r.attribute == "income")
    assert income.similarity is None and income.points == 0
    assert income.text == "人均收入/低保线：本案未记录，不计分"


def test_inferred_values_are_marked(index: SimilarityIndex) -> None:
    hit = index.query(pasted("尿毒症患者每周血液透析三次，收入超过低保标准"), limit=1)[0]
    hardships = next(r for r in hit.reasons if r.kind == "attribute" and r.attribute == "hardships")
    assert hardships.query_value.endswith("（由文字推断）")


def test_summary_states_the_score_and_the_verdict(dialysis_hit: SimilarHit) -> None:
    summary = by_kind(dialysis_hit, "summary")[0].text
    assert f"校准后相似度 {dialysis_hit.score:.2f}" in summary
    assert f"{CLOSE_THRESHOLD:.2f} 及以上为高度相似" in summary
    assert summary.endswith("高度相似")


def test_policy_coverage_from_a_set_of_codes(index: SimilarityIndex) -> None:
    hits = index.query(dialysis_matter(), limit=3, covered={"T-DI-1"})
    marked = {h.code: h.covered_by_policy for h in hits}
    assert marked["T-DI-1"] and not any(v for k, v in marked.items() if k != "T-DI-1")
    reason = by_kind(next(h for h in hits if h.code == "T-DI-1"), "policy")[0]
    assert "已出台的普惠政策" in reason.text


def test_policy_coverage_from_a_callable_names_the_policy(index: SimilarityIndex) -> None:
    def covered(code: str) -> str | None:
        return "重病患者单独纳入低保办法" if code.startswith("T-DI") else None

    hits = index.query(dialysis_matter(), limit=3, covered=covered)
    assert all(h.covered_by_policy for h in hits)
    assert hits[0].policy == "重病患者单独纳入低保办法"
    assert "《重病患者单独纳入低保办法》" in by_kind(hits[0], "policy")[0].text


def test_hit_serialises_for_the_command_line(dialysis_hit: SimilarHit) -> None:
    data = dialysis_hit.to_dict()
    assert set(data) >= {"code", "title", "score", "reasons"}
    reasons = data["reasons"]
    assert isinstance(reasons, list) and all(isinstance(r, str) for r in reasons)
