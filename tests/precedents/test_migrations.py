"""Schema migrations: the models match the newest revision; upgrades keep every row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, insert, text
from sqlalchemy.exc import DBAPIError

from precedents.db import alembic_config, head_revision, open_engine, upgrade_schema
from precedents.errors import StorageError
from precedents.library import Library
from precedents.schema import metadata
from precedents.store.audit import list_events, record_event
from precedents.store.precedents import get_record

REVISIONS = [r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
OLDER = [r for r in REVISIONS if r != head_revision()]


def test_models_match_the_newest_migration(db_url: str) -> None:
    engine = open_engine(db_url)
    upgrade_schema(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []


def test_revisions_form_one_line() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"several heads: {heads}"


@pytest.mark.parametrize("revision", OLDER)
def test_upgrading_a_database_with_data_loses_nothing(
    tmp_path: Path, db_url: str, revision: str
) -> None:
    url = db_url
    engine = open_engine(url)
    cfg = alembic_config(engine)
    command.upgrade(cfg, revision)
    meta = MetaData()
    meta.reflect(engine)
    now = dt.datetime(2024, 1, 1)
    with engine.begin() as conn:
        conn.execute(
            insert(meta.tables["precedents"]).values(
                id=1,
                code="OLD-1",
                title="旧库中的先例",
                district="集美区",
                street="后溪镇",
                filed_on=dt.date(2023, 5, 10),
                decided_on=None,
                level="市",
                discovery=None,
                household_size=2,
                monthly_income=1000,
                situation="旧库基本情况",
                deliberation="",
                decision="",
                extra={},
                status="草稿",
                created_at=now,
                created_by="甲",
                updated_at=now,
                updated_by="甲",
                version=1,
            )
        )
        conn.execute(
            insert(meta.tables["persons"]).values(
                precedent_id=1, position=0, name="王某", id_number="", phone="", relation="本人"
            )
        )
    engine.dispose()
    library = Library.open(tmp_path / "lib", db_url=url, actor="乙")
    if library.is_sqlite:
        assert library.upgrade_backup is not None and Path(library.upgrade_backup).is_file()
    else:  # the office server is backed up with pg_dump by its administrator
        assert library.upgrade_backup is None
    with library.session() as session:
        record = get_record(session, "OLD-1")
    library.close()
    assert record.title == "旧库中的先例" and record.persons[0].name == "王某"


def test_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'precedents.sqlite3'}")
    upgrade_schema(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    engine.dispose()
    with pytest.raises(StorageError) as info:
        Library.open(tmp_path)
    assert info.value.code == "schema.too_new"


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_events SET actor = '冒名'", "DELETE FROM audit_events"]
)
def test_the_database_refuses_to_change_the_audit_trail(db_url: str, statement: str) -> None:
    library = Library.open(db_url=db_url, actor="甲")
    with library.sessions.begin() as session:
        record_event(session, "甲", "probe")
    with pytest.raises(DBAPIError), library.engine.begin() as conn:
        conn.execute(text(statement))
    with library.session() as session:
        assert [e.actor for e in list_events(session)] == ["甲"]
    library.close()


def test_audit_triggers_survive_every_migration(tmp_path: Path) -> None:
    """A later batch migration that rebuilds audit_events must recreate them."""
    engine = open_engine(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    upgrade_schema(engine)
    with engine.connect() as conn:
        triggers = conn.execute(
            text(
                "SELECT name FROM sqlite_master"
                " WHERE type = 'trigger' AND tbl_name = 'audit_events'"
            )
        ).scalars()
        assert sorted(triggers) == ["audit_events_no_delete", "audit_events_no_update"]
    engine.dispose()
