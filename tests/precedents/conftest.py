"""Fixtures for the domain tests: a fresh library in a temporary folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from precedents.library import Library
from precedents.record import Measure, Person, PrecedentRecord


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib", actor="测试员")
    yield lib
    lib.close()


@pytest.fixture
def any_library(tmp_path: Path, db_url: str) -> Iterator[Library]:
    """A fresh library on SQLite, then on PostgreSQL (storage, import, concurrency tests)."""
    lib = Library.open(tmp_path / "lib", db_url=db_url, actor="测试员")
    yield lib
    lib.close()


def make_record(code: str = "T-JM-2024-001", **changes: object) -> PrecedentRecord:
    record = PrecedentRecord(
        code=code,
        title="领取被征地农民养老金的失能老人纳入特困集中供养",
        district="集美区",
        street="后溪镇",
        filed_on=dt.date(2023, 5, 10),
        decided_on=dt.date(2023, 6, 2),
        level="市",
        discovery="主动申请",
        hardships=["失能", "孤寡"],
        barriers=["养老金计入收入"],
        household_size=1,
        monthly_income=Decimal("2600"),
        measures=[Measure(type="特困集中供养", amount=None, note="养老金上交财政")],
        situation="王建国，75岁，孤寡老人，骨折后生活无法自理，联系电话13912345678。",
        deliberation="经四级疑难问题研判，一事一议。",
        decision="纳入特困集中供养。",
        persons=[
            Person(
                name="王建国", id_number="350211194805123218", phone="13912345678", relation="本人"
            )
        ],
        tags=["一事一议"],
    )
    for key, value in changes.items():
        setattr(record, key, value)
    return record


@pytest.fixture
def record() -> PrecedentRecord:
    return make_record()
