"""Synonym groups: data, one-hop expansion, narrower terms, vocabulary groups."""

from __future__ import annotations

from precedents.vocabulary import Vocabulary
from search_index.synonyms import (
    SYNONYM_WEIGHT,
    SynonymTable,
    builtin_groups,
    builtin_narrower,
    vocabulary_groups,
)


def table() -> SynonymTable:
    return SynonymTable.build(None, Vocabulary.builtin())


def expanded(term: str) -> set[str]:
    return {t for t, _ in table().expand(term)}


def test_builtin_groups_are_many_and_normalised() -> None:
    groups = builtin_groups()
    assert len(groups) >= 60
    assert all(len(g) >= 2 for g in groups)


def test_issue_examples() -> None:
    assert {"最低生活保障", "城乡低保"} <= expanded("低保")
    assert {"特困人员救助供养", "五保"} <= expanded("特困")
    assert "临救" in expanded("临时救助")
    assert {"精神残疾", "精神病"} <= expanded("精神障碍")
    assert {"大病", "重特大疾病"} <= expanded("重病")
    assert "孤独症" in expanded("自闭症")
    assert "慢性肾衰竭" in expanded("尿毒症")


def test_groups_are_symmetric_and_the_typed_word_weighs_most() -> None:
    weights = dict(table().expand("城乡低保"))
    assert weights["城乡低保"] == 1.0
    assert weights["低保"] == SYNONYM_WEIGHT


def test_expansion_is_one_hop() -> None:
    # 透析 belongs to the haemodialysis and the peritoneal dialysis groups ...
    assert {"血透", "腹透"} <= expanded("透析")
    # ... but haemodialysis does not reach peritoneal dialysis through it.
    assert "腹透" not in expanded("血透")


def test_short_form_of_a_diagnosis_reaches_its_group() -> None:
    assert {"尿毒症", "慢性肾功能衰竭"} <= expanded("尿毒")
    assert {"自闭症", "孤独症谱系障碍"} <= expanded("自闭")


def test_narrower_terms_go_one_way() -> None:
    assert builtin_narrower()["恶性肿瘤"]
    assert {"白血病", "神经母细胞瘤"} <= expanded("恶性肿瘤")
    assert "哥哥" in expanded("兄弟姐妹")
    assert "淋巴瘤" not in expanded("白血病")
    assert "兄弟姐妹" not in expanded("哥哥")


def test_vocabulary_synonyms_are_groups() -> None:
    groups = vocabulary_groups(Vocabulary.builtin())
    assert ("低保边缘", "低边", "低保边缘家庭") in groups
    assert "低保边缘" in expanded("低边")
    # Levels and discovery channels are not search synonyms (区 = 区级 is no topic).
    assert all("区级" not in g for g in groups)


def test_given_groups_replace_the_builtin_ones() -> None:
    custom = SynonymTable.build([("梧桐", "法国梧桐")], Vocabulary.builtin())
    assert {t for t, _ in custom.expand("梧桐")} == {"梧桐", "法国梧桐"}
    # The built-in groups are gone; the vocabulary's own synonyms remain.
    assert "慢性肾衰竭" not in {t for t, _ in custom.expand("尿毒症")}
    assert "最低生活保障" in {t for t, _ in custom.expand("低保")}
    assert custom.fingerprint != table().fingerprint


def test_traditional_group_terms_are_normalised() -> None:
    custom = SynonymTable([("獨居", "一人居住")])
    assert {t for t, _ in custom.expand("独居")} == {"独居", "一人居住"}
