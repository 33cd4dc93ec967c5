"""The edit form's data: round trip, validation through the domain, draft records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.editor.form_state import (
    blank_fields,
    draft_record,
    has_content,
    record_to_fields,
    split_field,
    validate,
)
from precedents.vocabulary import Vocabulary
from tests.desktop.conftest import sample

VOCAB = Vocabulary.builtin()


def test_a_record_survives_the_form() -> None:
    record = sample("F-1")
    record.measures[0].department = "区民政局"
    record.measures[0].deadline = dt.date(2023, 7, 1)
    record.meta.id, record.meta.version = 7, 3
    again, issues = validate(record_to_fields(record), VOCAB, record, today=dt.date(2024, 1, 1))
    assert not [i for i in issues if i.severity == "error"]
    assert again is not None
    assert again.content_key() == record.content_key()
    assert (again.measures[0].department, again.measures[0].deadline) == (
        "区民政局",
        dt.date(2023, 7, 1),
    )
    assert (again.meta.id, again.meta.version, again.status) == (7, 3, record.status)


def test_synonyms_typed_in_the_form_become_labels() -> None:
    fields = record_to_fields(sample("F-2"))
    fields["measures"] = [{"type": "临救", "amount": "1.5万"}]
    fields["discovery"] = "网格员走访"
    record, issues = validate(fields, VOCAB, today=dt.date(2024, 1, 1))
    assert record is not None, issues
    assert record.measures[0].type == "临时救助"


def test_every_problem_names_its_field() -> None:
    fields = blank_fields(dt.date(2024, 1, 1))
    fields.update(
        code="坏 编号",
        filed_on="2024-02-30",
        monthly_income="-5",
        household_size="两口",
        measures=[{"type": "", "amount": "abc", "deadline": "下周"}],
        persons=[{"name": "", "id_number": "123", "phone": "12"}],
    )
    record, issues = validate(fields, VOCAB, today=dt.date(2024, 3, 1))
    assert record is None
    fields_named = {i.field for i in issues}
    assert {
        "code",
        "title",
        "district",
        "filed_on",
        "level",
        "monthly_income",
        "household_size",
        "situation",
        "measures[1].type",
        "measures[1].amount",
        "measures[1].deadline",
        "persons[1].name",
        "persons[1].id_number",
        "persons[1].phone",
    } <= fields_named
    assert split_field("measures[1].amount") == ("measures", 0, "amount")
    assert split_field("title") == ("title", None, None)


def test_draft_record_takes_what_parses() -> None:
    fields = blank_fields(dt.date(2024, 1, 1))
    assert not has_content(fields)
    fields.update(
        title="渔船损毁",
        hardships=["受灾", "未知"],
        monthly_income="3000",
        household_size="x",
    )
    record = draft_record(fields, VOCAB)
    assert has_content(fields)
    assert record.hardships == ["因灾"]
    assert record.monthly_income == Decimal("3000") and record.household_size is None


def test_status_moves_forward_only() -> None:
    from precedents.record import Status

    base = sample("F-3")
    base.meta.status = Status.DECIDED
    fields = record_to_fields(base)
    fields["status"] = "已归档"
    record, _ = validate(fields, VOCAB, base, today=dt.date(2024, 1, 1))
    assert record is not None and record.status is Status.ARCHIVED
    fields["status"] = "草稿"
    record, issues = validate(fields, VOCAB, base, today=dt.date(2024, 1, 1))
    assert record is None and any(i.field == "status" for i in issues)
