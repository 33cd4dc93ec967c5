"""The shipped demo precedents keep the interchange contract and read like real case files.

These checks read the JSON Lines file directly (not through the importer), so
they hold the data itself to the contract in ``docs/interchange.md``: field
names and types, vocabulary labels, code and date conventions, the three Xiamen
precedents of the glossary, and no unmasked personal data anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from precedents.demo import DEMO_CODE_PREFIX, demo_path
from precedents.record import DISCOVERY_CHANNELS, INTERCHANGE_FIELDS, LEVELS
from precedents.vocabulary import Vocabulary

REQUIRED = {
    "code",
    "title",
    "district",
    "filed_on",
    "level",
    "hardships",
    "barriers",
    "measures",
    "situation",
}
OPTIONAL_TEXT = ("street", "deliberation", "decision")
FIRST_DAY = dt.date(2021, 1, 1)
LAST_DAY = dt.date(2025, 6, 30)

#: Code initials of the six districts of Xiamen.
INITIALS = {
    "SM": "思明区",
    "HL": "湖里区",
    "JM": "集美区",
    "HC": "海沧区",
    "TA": "同安区",
    "XA": "翔安区",
}

#: Streets and towns of each district, so that a record's street belongs to its district.
STREETS = {
    "思明区": {"中华街道", "滨海街道", "鹭江街道", "开元街道", "梧村街道"}
    | {"筼筜街道", "莲前街道", "嘉莲街道", "厦港街道", "鼓浪屿街道"},
    "湖里区": {"湖里街道", "殿前街道", "禾山街道", "江头街道", "金山街道"},
    "集美区": {"集美街道", "侨英街道", "杏林街道", "杏滨街道", "灌口镇", "后溪镇"},
    "海沧区": {"海沧街道", "新阳街道", "嵩屿街道", "东孚街道"},
    "同安区": {"大同街道", "祥平街道", "新民街道", "西柯街道"}
    | {"五显镇", "洪塘镇", "汀溪镇", "莲花镇"},
    "翔安区": {"新店街道", "香山街道", "金海街道", "民安街道"}
    | {"大嶝街道", "马巷街道", "内厝镇", "新圩镇"},
}

CODE_RE = re.compile(r"^DEMO-(SM|HL|JM|HC|TA|XA)-(\d{4})-(\d{3})$")
MASKED_ID_RE = re.compile(r"^\d{6}\*{8}\d{3}[\dX]$")
MASKED_PHONE_RE = re.compile(r"^1\d{2}\*{4}\d{4}$")
# Anonymised the way the Xiamen report does: 王某, 李某某, or 小胡 / 老叶.
ANON_NAME_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,2}某{1,2}|[小老][\u4e00-\u9fff])$")
LONG_DIGITS_RE = re.compile(r"\d{11,}")
ID_NUMBER_RE = re.compile(r"\d{17}[\dXx]")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    raw = demo_path().read_bytes()
    assert raw.endswith(b"\n"), "文件应以换行结尾"
    return raw.decode("utf-8").splitlines()


@pytest.fixture(scope="module")
def records(lines: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines]


def by_code(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["code"]: r for r in records}


def date(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def narrative(record: dict[str, Any]) -> str:
    return "".join(record.get(name) or "" for name in ("situation", "deliberation", "decision"))


def test_demo_path_is_a_file_in_the_package() -> None:
    path = demo_path()
    assert isinstance(path, Path)
    assert path.is_file()
    assert path.parent.name == "demo"


def test_every_line_is_one_json_object(lines: list[str]) -> None:
    assert len(lines) == 32
    for number, line in enumerate(lines, start=1):
        assert line.strip(), f"第{number}行为空"
        assert isinstance(json.loads(line), dict), f"第{number}行不是 JSON 对象"


def test_fields_are_exactly_the_interchange_fields(records: list[dict[str, Any]]) -> None:
    for record in records:
        keys = set(record)
        assert keys >= REQUIRED, (record.get("code"), REQUIRED - keys)
        assert keys <= set(INTERCHANGE_FIELDS), (record["code"], keys - set(INTERCHANGE_FIELDS))


def test_field_types(records: list[dict[str, Any]]) -> None:
    for record in records:
        code = record["code"]
        for name in ("code", "title", "district", "filed_on", "level", "situation"):
            assert isinstance(record[name], str) and record[name].strip(), (code, name)
        for name in OPTIONAL_TEXT:
            assert isinstance(record.get(name, ""), str), (code, name)
        assert record.get("decided_on") is None or isinstance(record["decided_on"], str), code
        assert record.get("discovery") is None or isinstance(record["discovery"], str), code
        for name in ("hardships", "barriers", "tags"):
            values = record.get(name, [])
            assert isinstance(values, list), (code, name)
            assert all(isinstance(v, str) and v for v in values), (code, name)
            assert len(values) == len(set(values)), (code, name, "重复")
        size = record.get("household_size")
        assert size is None or (type(size) is int and size >= 1), code
        income = record.get("monthly_income")
        assert income is None or (type(income) in (int, float) and income >= 0), code
        for measure in record["measures"]:
            assert set(measure) == {"type", "amount", "note"}, code
            amount = measure["amount"]
            assert amount is None or (type(amount) in (int, float) and amount > 0), code
            assert isinstance(measure["note"], str), code
        for person in record.get("persons", []):
            assert set(person) == {"name", "id_number", "phone", "relation"}, code
            assert all(isinstance(v, str) for v in person.values()), code


def test_vocabulary_values_are_builtin_labels(records: list[dict[str, Any]]) -> None:
    vocab = Vocabulary.builtin()
    labels = {kind: set(vocab.labels(kind)) for kind in ("hardship", "barrier", "measure")}
    assert set(vocab.labels("level")) == set(LEVELS)
    assert set(vocab.labels("discovery")) == set(DISCOVERY_CHANNELS)
    for record in records:
        code = record["code"]
        assert set(record["hardships"]) <= labels["hardship"], code
        assert set(record["barriers"]) <= labels["barrier"], code
        assert {m["type"] for m in record["measures"]} <= labels["measure"], code
        assert record["level"] in vocab.labels("level"), code
        assert record.get("discovery") in vocab.labels("discovery"), code


def test_codes_are_unique_and_follow_district_and_year(records: list[dict[str, Any]]) -> None:
    codes = [r["code"] for r in records]
    assert len(set(codes)) == len(codes)
    numbered: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for record in records:
        match = CODE_RE.match(record["code"])
        assert match, record["code"]
        assert record["code"].startswith(DEMO_CODE_PREFIX)
        initials, year, number = match.groups()
        assert INITIALS[initials] == record["district"], record["code"]
        assert record["filed_on"][:4] == year, record["code"]
        numbered[(initials, year)].append((record["filed_on"], int(number)))
    # Numbers count up from 001 within a district and year, in filing order.
    for group in numbered.values():
        assert [n for _, n in sorted(group)] == list(range(1, len(group) + 1))


def test_streets_belong_to_their_district(records: list[dict[str, Any]]) -> None:
    for record in records:
        assert record["district"] in STREETS, record["code"]
        assert record.get("street") in STREETS[record["district"]], record["code"]


def test_dates_are_valid_and_ordered(records: list[dict[str, Any]]) -> None:
    for record in records:
        filed = date(record["filed_on"])
        assert FIRST_DAY <= filed <= LAST_DAY, record["code"]
        if record.get("decided_on") is None:
            # An undecided matter has no decision yet.
            assert record["decision"] == "" and record["measures"] == [], record["code"]
            continue
        decided = date(record["decided_on"])
        assert filed < decided <= LAST_DAY, record["code"]
        assert record["decision"].strip() and record["measures"], record["code"]


def test_narratives_read_like_case_files(records: list[dict[str, Any]]) -> None:
    for record in records:
        assert 120 <= len(narrative(record)) <= 600, record["code"]
        assert record["deliberation"].strip(), record["code"]


def test_no_unmasked_personal_data(lines: list[str], records: list[dict[str, Any]]) -> None:
    for number, line in enumerate(lines, start=1):
        assert not LONG_DIGITS_RE.search(line), f"第{number}行含有 11 位以上连续数字"
        assert not ID_NUMBER_RE.search(line), f"第{number}行含有身份证号码"
    for record in records:
        for person in record.get("persons", []):
            assert ANON_NAME_RE.match(person["name"]), (record["code"], person["name"])
            assert person["id_number"] == "" or MASKED_ID_RE.match(person["id_number"])
            assert person["phone"] == "" or MASKED_PHONE_RE.match(person["phone"])
            assert person["relation"], record["code"]


def test_the_three_xiamen_precedents_are_present(records: list[dict[str, Any]]) -> None:
    def find(district: str, street: str, measure: str) -> dict[str, Any]:
        found = [
            r
            for r in records
            if r["district"] == district
            and r.get("street") == street
            and measure in {m["type"] for m in r["measures"]}
        ]
        assert len(found) == 1, (district, street, measure)
        return found[0]

    pension = find("集美区", "后溪镇", "特困集中供养")
    assert "养老金计入收入" in pension["barriers"]
    assert pension["monthly_income"] == 2600 and "75岁" in pension["situation"]

    gaucher = find("海沧区", "东孚街道", "救急难")
    amounts = {m["type"]: m["amount"] for m in gaucher["measures"]}
    assert "戈谢病" in gaucher["situation"] and "罕见病" in gaucher["hardships"]
    assert amounts["临时救助"] == 58000 and amounts["社会捐赠"] >= 800000
    assert {"价格优惠", "单人户低保"} <= set(amounts)
    assert "已转化为普惠政策" in gaucher["tags"]

    mud_house = find("同安区", "莲花镇", "住房改造")
    assert "低保" in {m["type"] for m in mud_house["measures"]}
    assert {"精神障碍", "住房困难"} <= set(mud_house["hardships"])
    assert "土坯房" in mud_house["situation"]
    assert mud_house["discovery"] == "动态监测预警"


def test_the_set_shows_every_feature(records: list[dict[str, Any]]) -> None:
    assert {r["discovery"] for r in records} == set(DISCOVERY_CHANNELS)
    levels = Counter(r["level"] for r in records)
    assert set(levels) == set(LEVELS)
    assert levels["镇街"] + levels["区"] > len(records) / 2
    assert 1 <= sum(r.get("decided_on") is None for r in records) <= 2
    assert 2 <= sum("persons" not in r for r in records) <= 3
    # Recurring kinds of matter, so that similar cases and patterns appear on demo data.
    measures = Counter(m["type"] for r in records for m in r["measures"])
    for kind in ("单人户低保", "照护服务", "救急难"):
        assert measures[kind] >= 3, kind


def test_references_to_earlier_precedents_resolve(records: list[dict[str, Any]]) -> None:
    known = by_code(records)
    for record in records:
        for cited in re.findall(r"DEMO-[A-Z]{2}-\d{4}-\d{3}", narrative(record)):
            assert cited in known, (record["code"], cited)
            assert known[cited]["filed_on"] < record["filed_on"], (record["code"], cited)
