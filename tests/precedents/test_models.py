"""Model constraints the database itself enforces."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from precedents.library import Library
from precedents.models import PersonRow, PrecedentRow


def _row(code: str = "M-1") -> PrecedentRow:
    return PrecedentRow(
        code=code,
        title="标题",
        district="思明区",
        filed_on=dt.date(2024, 1, 1),
        level="区",
        situation="情况",
        status="草稿",
    )


def test_code_is_unique_in_the_database(library: Library) -> None:
    with pytest.raises(IntegrityError), library.sessions.begin() as session:
        session.add_all([_row(), _row()])


def test_required_columns_are_not_null(library: Library) -> None:
    row = _row()
    row.title = None  # type: ignore[assignment]
    with pytest.raises(IntegrityError), library.sessions.begin() as session:
        session.add(row)


def test_deleting_a_precedent_deletes_its_personal_data(library: Library) -> None:
    with library.sessions.begin() as session:
        row = _row()
        row.persons = [PersonRow(position=0, name="王某")]
        session.add(row)
    with library.sessions.begin() as session:
        session.delete(session.scalars(select(PrecedentRow)).one())
    with library.session() as session:
        assert session.scalars(select(PersonRow)).all() == []


def test_version_column_detects_concurrent_writers(library: Library) -> None:
    with library.sessions.begin() as session:
        session.add(_row())
    first, second = library.session(), library.session()
    a = first.scalars(select(PrecedentRow)).one()
    b = second.scalars(select(PrecedentRow)).one()
    a.title = "甲的修改"
    first.commit()
    b.title = "乙的修改"
    with pytest.raises(StaleDataError):
        second.commit()
    first.close()
    second.close()
    with library.session() as session:
        assert session.scalars(select(PrecedentRow.title)).one() == "甲的修改"
