"""Anonymisation on crafted text: names, ID numbers, phones, addresses."""

from __future__ import annotations

import pytest

from precedents.anonymize import mask_id_number, mask_record, mask_text, masked_name
from precedents.record import Person
from tests.precedents.conftest import make_record

PERSONS = [
    Person(name="王建国", id_number="350211194805123218", phone="13912345678", relation="本人"),
    Person(name="欧阳明华", relation="女儿"),
    Person(name="李某某", relation="配偶"),
    Person(name="小胡", relation="儿子"),
]


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("王建国", "王某"),
        ("王某某", "王某"),
        ("王某", "王某"),
        ("欧阳明华", "欧阳某"),
        ("小胡", "小胡"),
    ],
)
def test_masked_name(name: str, masked: str) -> None:
    assert masked_name(name) == masked


def test_names_from_persons_are_masked_everywhere() -> None:
    text = "王建国与女儿欧阳明华同住，李某某外出务工；建国说小胡在读书。"
    assert mask_text(text, PERSONS) == "王某与女儿欧阳某同住，李某外出务工；某某说小胡在读书。"


@pytest.mark.parametrize(
    "text",
    [
        "身份证号350211194805123218。",
        "身份证号35021119480512321X，",
        "身份证号 350211 19480512 3219 （校验位错）",
        "证件：3502-1119-4805-1232-18",
        "旧证350211480512321号",
    ],
)
def test_id_numbers_anywhere(text: str) -> None:
    masked = mask_text(text)
    digits = "".join(ch for ch in masked if ch.isdigit())
    assert "19480512" not in digits and "480512" not in digits
    assert "****" in masked


def test_id_number_keeps_region_and_tail() -> None:
    assert mask_id_number("350211194805123218") == "350211********3218"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手机13912345678。", "手机139****5678。"),
        ("电话 139-1234-5678", "电话 139****5678"),
        ("+86 13912345678", "139****5678"),
        ("座机0592-5123456", "座机0592-****3456"),
        ("联系电话：5123456", "联系电话：****3456"),
    ],
)
def test_phone_numbers_anywhere(text: str, expected: str) -> None:
    assert mask_text(text) == expected


def test_numbers_that_are_not_personal_survive() -> None:
    text = "2023年发放临时救助58000元，药费近1000000元，低保标准每月1200元，3人户。"
    assert mask_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("住后溪镇岩内村128号，", "住后溪镇，"),
        ("家住东孚街道贞庵社区3栋502室", "家住东孚街道"),
        ("现居莲花镇军营村5组", "现居莲花镇"),
        ("住在湖滨南路388号", "住在（详细地址略）"),
        ("经镇街研判，同意纳入。", "经镇街研判，同意纳入。"),
        ("后溪镇人民政府与村委会共同走访", "后溪镇人民政府与村委会共同走访"),
    ],
)
def test_addresses_are_cut_to_town_level(text: str, expected: str) -> None:
    assert mask_text(text) == expected


def test_mask_record_covers_every_text_and_the_persons() -> None:
    record = make_record()
    record.decision = "由王建国本人签字确认，电话13912345678。"
    masked = mask_record(record)
    blob = repr(masked)
    for secret in ("王建国", "350211194805123218", "13912345678"):
        assert secret not in blob
    assert masked.persons[0].name == "王某"
    assert masked.persons[0].id_number == "350211********3218"
    assert record.persons[0].name == "王建国", "the original is untouched"


def test_villagers_are_not_addresses() -> None:
    assert mask_text("新圩镇某村村民张某家的老房") == "新圩镇某村村民张某家的老房"
    assert mask_text("后溪镇岩内村村民") == "后溪镇村民"
