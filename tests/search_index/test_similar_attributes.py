"""Attribute measures, the income ratio against the 低保 line, and the editable settings."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from search_index.similar import SettingsInvalid, SimilarityIndex, SimilaritySettings
from search_index.similar import attributes as attr
from search_index.similar.scoring import attribute_columns, attribute_pair, combine
from tests.search_index.similar_cases import case, dialysis_matter, library


def test_household_size_similarity_falls_with_the_difference() -> None:
    assert attr.household_similarity(3, 3) == 1.0
    assert attr.household_similarity(3, 4) == pytest.approx(2 / 3)
    assert attr.household_similarity(1, 4) == 0.0
    assert attr.household_similarity(1, 8) == 0.0


def test_income_similarity_caps_far_above_the_line() -> None:
    assert attr.income_similarity(1.1, 1.1) == 1.0
    assert attr.income_similarity(0.0, 0.3) == pytest.approx(0.8)
    # Five and ten times the line are both "far above": no difference left.
    assert attr.income_similarity(5.0, 10.0) == 1.0
    assert attr.income_similarity(0.2, 2.5) == 0.0


def test_income_bands_name_the_position_against_the_line() -> None:
    assert attr.income_band(0.5) == "不高于低保线"
    assert attr.income_band(1.0) == "不高于低保线"
    assert attr.income_band(1.2) == "低保边缘"
    assert attr.income_band(2.0) == "明显高于低保线"


def test_neighbouring_age_bands_get_partial_credit() -> None:
    assert attr.age_similarity(3, 3) == 1.0
    assert attr.age_similarity(3, 4) == attr.ADJACENT_AGE_CREDIT
    assert attr.age_similarity(0, 4) == 0.0


@given(
    st.integers(min_value=1, max_value=12),
    st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=20),
)
def test_vectorised_household_measure_equals_the_scalar_one(a: int, column: list[int]) -> None:
    many = attr.household_similarity_many(a, np.array(column, dtype=np.float64))
    assert many.tolist() == pytest.approx([attr.household_similarity(a, b) for b in column])


@given(
    st.floats(min_value=0, max_value=20),
    st.lists(st.floats(min_value=0, max_value=20), min_size=1, max_size=20),
)
def test_vectorised_income_measure_equals_the_scalar_one(a: float, column: list[float]) -> None:
    many = attr.income_similarity_many(a, np.array(column, dtype=np.float64))
    assert many.tolist() == pytest.approx([attr.income_similarity(a, b) for b in column])


def test_income_ratio_uses_the_line_of_the_filing_year() -> None:
    index = SimilarityIndex()
    features = index.features(case("X", household_size=3, monthly_income=3600, situation="x"))
    assert features.income_ratio(SimilaritySettings()) == pytest.approx(1.0)
    by_year = SimilaritySettings(poverty_line_by_year={2023: 900.0})
    assert features.income_ratio(by_year) == pytest.approx(3600 / 3 / 900)
    assert features.income_ratio(SimilaritySettings(poverty_line=1000.0)) == pytest.approx(1.2)


def test_income_ratio_is_unknown_without_household_size() -> None:
    features = SimilarityIndex().features(case("X", monthly_income=3000, situation="某人"))
    assert features.household_size is None
    assert features.income_ratio(SimilaritySettings()) is None


def test_column_measures_agree_with_the_pair_measures() -> None:
    index = SimilarityIndex.build(library())
    query = index.features(dialysis_matter())
    store, taxonomies = index._store, index._taxonomies()
    columns = attribute_columns(query, store, index.settings, taxonomies)
    for row in range(store.n_rows):
        pair = attribute_pair(query, store.features(row), index.settings, taxonomies)
        for name, value in pair.items():
            if value is None:
                assert name not in columns or not columns[name][1][row]
            else:
                assert columns[name][1][row]
                assert columns[name][0][row] == pytest.approx(value)


def test_missing_attributes_are_left_out_not_counted_as_mismatch() -> None:
    settings = SimilaritySettings()
    cosine = np.array([0.3, 0.3])
    half = (np.array([1.0, 1.0]), np.array([True, False]))
    raw = combine(cosine, {"household": half}, settings)
    text_only = combine(cosine, {}, settings)
    assert raw[1] == pytest.approx(text_only[1])
    assert raw[0] > raw[1]


def test_settings_round_trip_through_a_json_file() -> None:
    settings = SimilaritySettings(poverty_line=1100.0, poverty_line_by_year={2024: 1200.0})
    settings.weights.district = 0.0
    settings.credit.related = 0.3
    data = json.loads(json.dumps(settings.to_dict()))
    assert SimilaritySettings.from_dict(data) == settings


def test_partial_settings_keep_the_defaults() -> None:
    settings = SimilaritySettings.from_dict({"weights": {"text": 0.8}})
    assert settings.weights.text == 0.8
    assert settings.weights.hardships == SimilaritySettings().weights.hardships


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"weights": {"colour": 1}}, "weights.colour"),
        ({"weights": {"text": -1}}, "weights.text"),
        ({"weights": {"text": "高"}}, "weights.text"),
        ({"poverty_line": 0}, "poverty_line"),
        ({"poverty_line_by_year": {"明年": 1300}}, "poverty_line_by_year.明年"),
        ({"credit": {"parent": 2}}, "credit"),
        ({"speed": 1}, "speed"),
    ],
)
def test_bad_settings_are_rejected_with_the_key_named(data: dict[str, object], key: str) -> None:
    with pytest.raises(SettingsInvalid) as caught:
        SimilaritySettings.from_dict(data)
    assert key in caught.value.message
    assert caught.value.message.startswith("相似案例设置有误")


def test_all_zero_weights_are_rejected() -> None:
    zero = dict.fromkeys(("text", "hardships", "barriers", "household"), 0)
    zero.update(dict.fromkeys(("income", "age", "discovery", "district"), 0))
    with pytest.raises(SettingsInvalid, match="权重之和"):
        SimilaritySettings.from_dict({"weights": zero})
