"""Reading hardships, barriers and numbers out of a pasted paragraph."""

from __future__ import annotations

from decimal import Decimal

import pytest

from search_index.analysis import normalize
from search_index.similar import SimilarityIndex, inference
from tests.search_index.similar_cases import pasted


@pytest.fixture(scope="module")
def index() -> SimilarityIndex:
    return SimilarityIndex()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("患尿毒症多年，每周透析三次", "重病"),
        ("慢性肾衰竭，居家腹透", "重病"),
        ("确诊渐冻症，居家使用呼吸机", "罕见病"),
        ("车祸后左腿截肢", "重度残疾"),
        ("独居在老房子里", "无人照护"),
        ("空巢老人，老伴去世", "无人照护"),
        ("台风过境，渔船被毁", "因灾"),
        ("离婚后独自抚养两个孩子", "单亲"),
        ("患精神分裂症二十年", "精神障碍"),
    ],
)
def test_hardships_are_inferred_from_cue_words(
    index: SimilarityIndex, text: str, label: str
) -> None:
    features = index.features(pasted(text))
    assert label in features.hardships
    assert "hardships" in features.inferred


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("家庭月收入约八千元，合并计算后人均收入超过低保标准", "收入超标"),
        ("人均收入超过低保标准，无法纳入低保", "收入超标"),
        ("靶向药不在医保目录内，全部自费", "超出医保范围"),
        ("户口在哥哥家，收入合并后不符合条件", "家庭成员合并计算"),
        ("每月养老金两千六百元，计入收入后超标", "养老金计入收入"),
        ("非本市户籍，在厦务工多年", "户籍不符"),
    ],
)
def test_barriers_are_inferred_from_cue_words(
    index: SimilarityIndex, text: str, label: str
) -> None:
    assert label in index.features(pasted(text)).barriers


def test_vocabulary_synonyms_are_cues_too(index: SimilarityIndex) -> None:
    features = index.features(pasted("该户属于因病支出型贫困，家有重特大疾病患者"))
    assert {"支出型贫困", "重病"} <= set(features.hardships)


def test_negated_cues_are_ignored(index: SimilarityIndex) -> None:
    features = index.features(pasted("老人并非独居，与女儿同住，身体尚可"))
    assert "无人照护" not in features.hardships


def test_given_fields_win_over_inference(index: SimilarityIndex) -> None:
    record = pasted("独居老人，患尿毒症")
    record.hardships = ["高龄"]
    features = index.features(record)
    assert features.hardships == ("高龄",)
    assert "hardships" not in features.inferred


def test_synonyms_in_given_fields_resolve_to_labels(index: SimilarityIndex) -> None:
    record = pasted("某人")
    record.hardships = ["大病", "没有这个词"]
    assert index.features(record).hardships == ("重病",)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("王某，75岁，孤寡老人", 75),
        ("年过八旬的李某", 80),
        ("九旬老人独自生活", 90),
        ("陈某之子，6岁，确诊白血病", 6),
        ("七十多岁的老人", 70),
        ("十个月大的婴儿", 0),
        ("两岁幼儿", 2),
    ],
)
def test_age_of_the_main_person_is_parsed(text: str, age: int) -> None:
    assert inference.parse_age(normalize(text)) == age


def test_age_band_and_derived_hardships(index: SimilarityIndex) -> None:
    old = index.features(pasted("周某，86岁，跌倒后行动不便"))
    assert (old.age, old.age_band) == (86, 4)
    assert "高龄" in old.hardships
    child = index.features(pasted("林某之女，4岁，康复训练费用高"))
    assert child.age_band == 0
    assert "未成年人" in child.hardships


def test_age_band_from_words_when_no_age_is_written(index: SimilarityIndex) -> None:
    features = index.features(pasted("患儿确诊视网膜母细胞瘤"))
    assert features.age is None
    assert features.age_band == 0
    assert "age" in features.inferred


@pytest.mark.parametrize(
    ("text", "size"),
    [("一家四口租房生活", 4), ("三口之家", 3), ("全家5口人", 5), ("家中共六口人", 6)],
)
def test_household_size_is_parsed(text: str, size: int) -> None:
    assert inference.parse_household(text) == size


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("家庭月收入约8000元", Decimal(8000)),
        ("月退休金合计5200元", Decimal(5200)),
        ("每月领取养老金2600元", Decimal(2600)),
        ("月收入1.2万元", Decimal(12000)),
        ("家中没有收入", Decimal(0)),
    ],
)
def test_monthly_income_is_parsed(text: str, income: Decimal) -> None:
    assert inference.parse_income(text) == income


def test_pasted_paragraph_yields_every_attribute_it_states(index: SimilarityIndex) -> None:
    index.upsert([pasted("占位").copy(code="P", district="思明区", situation="思明区 占位")])
    text = (
        "思明区网格员走访发现，张某，58岁，尿毒症透析多年，一家三口，"
        "家庭月收入约3900元，收入超过低保标准。"
    )
    features = index.features(pasted(text))
    assert features.hardships[0] == "重病"
    assert features.barriers == ("收入超标",)
    assert (features.household_size, features.monthly_income) == (3, 3900.0)
    assert features.discovery == "网格员走访"
    assert features.district == "思明区"
    assert features.age == 58
    expected = {"hardships", "barriers", "household", "income", "discovery", "district"}
    assert expected <= features.inferred


@pytest.mark.parametrize(("text", "value"), [("八十", 80), ("十二", 12), ("两", 2), ("105", 105)])
def test_chinese_numerals(text: str, value: int) -> None:
    assert inference.chinese_number(text) == value
