"""Things that differ on the office's PostgreSQL server: roles, JSON, numbers, text."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from precedents.db import alembic_config, open_engine
from precedents.errors import StorageError
from precedents.library import Library
from precedents.record import Measure, PrecedentRecord
from precedents.server import officer_grants
from precedents.store.audit import list_events
from precedents.store.precedents import create_record, get_record, update_record
from tests.conftest import REPO_ROOT
from tests.precedents.conftest import make_record


@pytest.fixture
def officer(pg_url: str) -> Iterator[tuple[str, str]]:
    """(URL of an officers' role, its name) set up as the README says; dropped afterwards."""
    role = f"officer_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url, poolclass=NullPool)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
    try:
        yield make_url(pg_url).set(username=role).render_as_string(hide_password=False), role
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


def _grant(pg_url: str, role: str) -> None:
    admin = create_engine(pg_url, poolclass=NullPool)
    with admin.begin() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        owner = conn.execute(text("SELECT current_user")).scalar_one()
        for statement in officer_grants(role, owner=owner, schema=schema):
            conn.execute(text(statement))
    admin.dispose()


def test_officers_role_works_but_cannot_touch_the_audit_trail(
    pg_url: str, officer: tuple[str, str], tmp_path: Path, record: PrecedentRecord
) -> None:
    Library.open(tmp_path / "admin", db_url=pg_url, actor="管理员").close()
    url, role = officer
    _grant(pg_url, role)
    library = Library.open(tmp_path / "desk", db_url=url, actor="经办人")
    with library.sessions.begin() as session:
        create_record(session, record, actor="经办人")
        update_record(session, record.copy(title="改"), actor="经办人", expected_version=1)
    for statement in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError) as info, library.engine.begin() as conn:
            conn.execute(text(statement))
        assert "permission denied" in str(info.value)
    with library.session() as session:
        assert [e.action for e in list_events(session)] == ["update", "create"]
    library.close()


def test_officers_role_cannot_upgrade_the_schema(
    pg_url: str, officer: tuple[str, str], tmp_path: Path
) -> None:
    engine = open_engine(pg_url)
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    url, role = officer
    _grant(pg_url, role)
    with pytest.raises(StorageError) as info:
        Library.open(tmp_path / "desk", db_url=url)
    assert info.value.code == "schema.upgrade_denied" and "管理员" in info.value.message


def test_readme_gives_the_same_grants() -> None:
    readme = (REPO_ROOT / "README.md").read_text("utf-8")
    for statement in officer_grants():
        assert statement in readme


def test_extra_fields_keep_their_order_and_amounts_their_cents(
    any_library: Library,
) -> None:
    record = make_record(
        "PG-1",
        monthly_income=Decimal("1234.5"),
        measures=[Measure(type="临时救助", amount=Decimal("99999999.99"))],
        extra={"z_last": 1, "a_first": {"嵌套": [1, "二"]}, "m": None},
    )
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    with any_library.session() as session:
        stored = get_record(session, "PG-1")
    assert list(stored.extra) == ["z_last", "a_first", "m"]
    assert stored.extra["a_first"] == {"嵌套": [1, "二"]}
    assert stored.monthly_income == Decimal("1234.50")
    assert stored.measures[0].amount == Decimal("99999999.99")


def test_codes_differing_only_in_case_are_different_records(any_library: Library) -> None:
    with any_library.sessions.begin() as session:
        create_record(session, make_record("ab-1"), actor="甲")
        create_record(session, make_record("AB-1"), actor="甲")
    with any_library.session() as session:
        assert get_record(session, "ab-1").code == "ab-1"
        assert get_record(session, "AB-1").code == "AB-1"
