"""The small hardship and barrier taxonomy: parent, sibling and related terms, partial credit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from precedents.vocabulary import Vocabulary
from search_index.similar.hits import describe_link
from search_index.similar.settings import TaxonomyCredit
from search_index.similar.taxonomy import Taxonomy


@pytest.fixture(scope="module")
def hardships() -> Taxonomy:
    return Taxonomy(Vocabulary.builtin(), "hardship", TaxonomyCredit())


def test_rare_disease_lies_within_serious_illness(hardships: Taxonomy) -> None:
    link = hardships.link("罕见病", "重病")
    assert link is not None
    assert (link.relation, link.group, link.credit) == ("parent", "重病", TaxonomyCredit().parent)
    assert describe_link(link) == "罕见病 与 重病 同属重病类"
    reverse = hardships.link("重病", "罕见病")
    assert reverse is not None and reverse.group == "重病"


def test_mental_disorder_and_severe_disability_are_both_disability(hardships: Taxonomy) -> None:
    link = hardships.link("精神障碍", "重度残疾")
    assert link is not None
    assert (link.relation, link.group) == ("sibling", "残疾")
    assert describe_link(link) == "精神障碍 与 重度残疾 同属残疾类"


@pytest.mark.parametrize("other", ["高龄", "无人照护"])
def test_loss_of_self_care_is_near_old_age_and_lack_of_care(
    hardships: Taxonomy, other: str
) -> None:
    for a, b in (("失能", other), (other, "失能")):
        link = hardships.link(a, b)
        assert link is not None and link.relation == "related"
    assert describe_link(hardships.link("失能", other)) == f"失能 与 {other} 相近"  # type: ignore[arg-type]


def test_unrelated_terms_get_no_credit(hardships: Taxonomy) -> None:
    assert hardships.link("单亲", "因灾") is None
    assert hardships.similarity(["单亲"], ["因灾"]) == 0.0


def test_credit_orders_same_parent_sibling_related_none(hardships: Taxonomy) -> None:
    same = hardships.similarity(["罕见病"], ["罕见病"])
    parent = hardships.similarity(["罕见病"], ["重病"])
    sibling = hardships.similarity(["精神障碍"], ["重度残疾"])
    related = hardships.similarity(["失能"], ["高龄"])
    none = hardships.similarity(["失能"], ["单亲"])
    assert same == 1.0
    assert same > parent > sibling > related > none == 0.0


def test_empty_side_gives_no_similarity(hardships: Taxonomy) -> None:
    assert hardships.similarity([], ["重病"]) == 0.0
    assert hardships.similarity(["重病"], []) == 0.0


def test_links_name_each_match_once(hardships: Taxonomy) -> None:
    links = hardships.links(["罕见病", "失能"], ["重病", "高龄", "无人照护"])
    described = [describe_link(link) for link in links]
    assert described == ["罕见病 与 重病 同属重病类", "失能 与 高龄 相近", "失能 与 无人照护 相近"]


def test_credit_settings_change_the_partial_credit() -> None:
    stingy = Taxonomy(Vocabulary.builtin(), "hardship", TaxonomyCredit(parent=0.0, related=0.0))
    assert stingy.link("罕见病", "重病") is None
    assert stingy.similarity(["失能"], ["高龄"]) == 0.0


def test_a_shared_rare_term_says_more_than_a_shared_common_one(hardships: Taxonomy) -> None:
    weighted = Taxonomy(Vocabulary.builtin(), "hardship", TaxonomyCredit())
    common, rare = weighted.mask(["重病"]), weighted.mask(["单亲"])
    masks = np.array([common] * 20 + [rare] * 2 + [common | rare], dtype=np.uint64)
    weighted.set_weights(masks)
    assert weighted.weights[weighted.index["单亲"]] > weighted.weights[weighted.index["重病"]]
    # Both precedents share exactly one of the matter's two terms; the rare one counts more.
    query = ["重病", "单亲"]
    assert weighted.similarity(query, ["单亲"]) > weighted.similarity(query, ["重病"])


LABELS = Vocabulary.builtin().labels("hardship")


@given(
    st.lists(st.sampled_from(LABELS), max_size=4),
    st.lists(st.lists(st.sampled_from(LABELS), max_size=4), min_size=1, max_size=12),
    st.lists(st.floats(min_value=0.5, max_value=5), min_size=16, max_size=16),
)
def test_vectorised_similarity_equals_the_pair_similarity(
    query: list[str], precedents: list[list[str]], weights: list[float]
) -> None:
    taxonomy = Taxonomy(Vocabulary.builtin(), "hardship", TaxonomyCredit())
    taxonomy.weights[:] = weights[: len(taxonomy.labels)]
    masks = np.array([taxonomy.mask(p) for p in precedents], dtype=np.uint64)
    many = taxonomy.similarity_many(query, masks)
    expected = [taxonomy.similarity(query, p) for p in precedents]
    assert many.tolist() == pytest.approx(expected)
