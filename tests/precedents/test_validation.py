"""Every way a record can be wrong, and the message that says where and what."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from precedents.interchange.jsonl import record_to_dict
from precedents.validation import (
    Issue,
    check_id_number,
    check_phone,
    id_check_digit,
    parse_amount,
    parse_date,
    parse_record,
)
from precedents.vocabulary import Vocabulary
from tests.precedents.conftest import make_record

TODAY = dt.date(2025, 1, 1)
VOCAB = Vocabulary.builtin()


def valid() -> dict[str, Any]:
    return json.loads(json.dumps(record_to_dict(make_record())))


def problems(data: Any, **kw: Any) -> list[tuple[str, str]]:
    record, issues = parse_record(data, VOCAB, today=TODAY, **kw)
    errors = [(i.field, i.message) for i in issues if i.severity == "error"]
    assert (record is None) == bool(errors)
    return errors


def test_valid_record_parses() -> None:
    record, issues = parse_record(valid(), VOCAB, today=TODAY)
    assert record is not None and issues == []
    assert record.status.value == "已决定"


def test_issue_names_line_and_field() -> None:
    issue = Issue("filed_on", "日期应为 YYYY-MM-DD").located(line=12)
    assert str(issue) == "第12行 filed_on：日期应为 YYYY-MM-DD"


@pytest.mark.parametrize(
    "name",
    [
        "code",
        "title",
        "district",
        "filed_on",
        "level",
        "hardships",
        "barriers",
        "measures",
        "situation",
    ],
)
def test_required_fields(name: str) -> None:
    data = valid()
    del data[name]
    ((field, message),) = problems(data)
    assert field == name and "缺少" in message


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2023/05/10", "YYYY-MM-DD"),
        ("2023-02-30", "不存在"),
        ("2031-01-01", "晚于今天"),
        (20230510, "YYYY"),
    ],
)
def test_bad_dates(value: Any, fragment: str) -> None:
    data = valid()
    data["filed_on"] = value
    ((field, message),) = problems(data)
    assert field == "filed_on" and fragment in message


def test_decision_before_filing() -> None:
    data = valid()
    data["decided_on"] = "2023-01-01"
    assert problems(data) == [("decided_on", "决定日期早于提出日期")]


def test_unknown_vocabulary_values_suggest_the_label() -> None:
    data = valid()
    data["hardships"] = ["失能", "大病", "外星人"]
    data["level"] = "街道"
    found = dict(problems(data))
    assert "是否为「重病」" in next(m for _f, m in problems(data) if "大病" in m)
    assert any("外星人" in m for _f, m in problems(data))
    assert "是否为「镇街」" in found["level"]


def test_lenient_vocabulary_resolves_synonyms() -> None:
    data = valid()
    data["hardships"] = ["大病"]
    data["measures"] = [{"type": "最低生活保障", "amount": 1200, "note": ""}]
    record, _ = parse_record(data, VOCAB, today=TODAY, lenient_vocab=True)
    assert record is not None
    assert record.hardships == ["重病"] and record.measure_types == ["低保"]


def test_negative_and_malformed_amounts() -> None:
    data = valid()
    data["measures"] = [
        {"type": "临时救助", "amount": -5000, "note": ""},
        {"type": "医疗救助", "amount": "很多", "note": ""},
    ]
    data["monthly_income"] = -1
    found = dict(problems(data))
    assert found["measures[1].amount"] == "金额不能为负数"
    assert "金额应为数字" in found["measures[2].amount"]
    assert found["monthly_income"] == "家庭月收入不能为负数"


def test_wrong_types() -> None:
    data = valid()
    data["hardships"] = "重病"
    data["household_size"] = "三口"
    data["title"] = 42
    found = dict(problems(data))
    assert found == {
        "hardships": "应为列表",
        "household_size": "家庭人口应为整数",
        "title": "应为文本",
    }


def test_not_an_object() -> None:
    assert problems([1, 2]) == [("", "每行应为一个 JSON 对象")]


def test_control_characters_and_huge_text() -> None:
    data = valid()
    data["situation"] = "正常文字\x07响铃"
    data["deliberation"] = "字" * 200_001
    found = dict(problems(data))
    assert "U+0007" in found["situation"]
    assert "过长" in found["deliberation"]


def test_unknown_fields_are_kept() -> None:
    data = valid()
    data["source_system"] = "某区台账"
    record, _ = parse_record(data, VOCAB, today=TODAY)
    assert record is not None and record.extra == {"source_system": "某区台账"}


def test_person_checks() -> None:
    data = valid()
    data["persons"] = [
        {"name": "", "id_number": "12345", "phone": "12", "relation": "本人"},
        {
            "name": "李某",
            "id_number": "350211194805123210",
            "phone": "0592-5123456",
            "relation": "",
        },
    ]
    record, issues = parse_record(data, VOCAB, today=TODAY)
    by_field = {i.field: i for i in issues}
    assert record is None
    assert by_field["persons[1].name"].message == "姓名不能为空"
    assert "18 位" in by_field["persons[1].id_number"].message
    assert "电话号码格式不正确" in by_field["persons[1].phone"].message
    assert by_field["persons[2].id_number"].severity == "warning"


def test_id_number_check_digit() -> None:
    body = "11010519491231002"
    good = body + id_check_digit(body)
    assert good == "11010519491231002X"
    assert check_id_number(good) is None
    assert check_id_number(good.lower()) is None
    assert check_id_number("350203********5678") is None
    assert check_id_number("110105194913310021") == ("error", "身份证号码中的出生日期不存在")
    assert check_id_number(body + "1") == ("warning", "身份证号码校验位不正确，请核对")


@pytest.mark.parametrize(
    "phone", ["13912345678", "+86 13912345678", "0592-5123456", "05925123456", "138****1234", ""]
)
def test_good_phones(phone: str) -> None:
    assert check_phone(phone) is None


@pytest.mark.parametrize("phone", ["1234", "12912345678", "电话"])
def test_bad_phones(phone: str) -> None:
    assert check_phone(phone) is not None


def test_parse_helpers() -> None:
    assert parse_date("2024-02-29") == (dt.date(2024, 2, 29), None)
    assert parse_amount("1,200.50")[0] is not None
    assert parse_amount("1.234") == (None, "金额最多保留两位小数")
