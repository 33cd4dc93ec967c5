"""Engine, sessions and schema upgrades: the one place that talks to the database driver.

`open_engine` builds the engine for any SQLAlchemy URL; for SQLite it turns on
foreign keys and WAL on every connection. `upgrade_schema` brings a database to
the newest Alembic revision, backing an existing SQLite file up first. Nothing
outside this module knows which database is in use.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from precedents.errors import StorageError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
INSUFFICIENT_PRIVILEGE = "42501"
#: Advisory lock key held on PostgreSQL while the schema is upgraded ("schm").
SCHEMA_LOCK_KEY = 0x7363686D


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for memory or other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


#: How long a PostgreSQL statement waits for a row another officer has locked.
PG_LOCK_TIMEOUT = "20s"


def _pg_settings(dbapi_conn: Any, _record: Any) -> None:
    # A save waits for another officer's save of the same record to finish, but
    # not forever: a stuck desktop must not freeze the whole office.
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"SET lock_timeout = '{PG_LOCK_TIMEOUT}'")
    finally:
        cursor.close()
    dbapi_conn.commit()


#: PostgreSQL error states that mean "someone else holds what you need, try again".
_PG_BUSY_STATES = {"55P03": "db.locked", "40P01": "db.busy", "40001": "db.busy"}


def _busy_error(context: ExceptionContext) -> None:
    """Turn "locked by someone else" driver errors into one clear `StorageError`."""
    original = context.original_exception
    if isinstance(original, sqlite3.OperationalError):
        text = str(original).lower()
        if "database is locked" in text or "database is busy" in text:
            raise StorageError("db.locked") from original
        return
    state = getattr(original, "sqlstate", None)
    if isinstance(state, str) and state in _PG_BUSY_STATES:
        raise StorageError(_PG_BUSY_STATES[state]) from original


def open_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite connections get foreign keys, WAL and a busy timeout.

    PostgreSQL connections get a lock timeout. On both, "locked by someone
    else" errors become `StorageError` ("db.locked" / "db.busy"), and error
    messages never quote the values of a statement (they would be personal
    data in a log file).
    """
    kwargs.setdefault("hide_parameters", True)
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {"check_same_thread": False})
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        engine = create_engine(url, **kwargs)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "connect", _pg_settings)
    event.listen(engine, "handle_error", _busy_error)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


# -- schema migrations ------------------------------------------------------------


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(url: str, target: Path) -> Path:
    """Copy a SQLite database consistently with the online backup API."""
    path = sqlite_path(url)
    if path is None:
        raise StorageError("backup.not_sqlite", url=url)
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade_schema(engine: Engine, backup_dir: Path | None = None) -> str | None:
    """Bring the database to the newest schema; returns the backup made, if any.

    An empty database is created from the first migration on. A database at an
    older revision is backed up first (SQLite files; a server database is the
    office administrator's to back up) and then upgraded. A database written by
    a newer program is refused rather than damaged. On PostgreSQL an advisory
    lock makes programs starting at the same moment upgrade one after another
    (the second then finds nothing to do); SQLite's write lock does the same.
    """
    if current_revision(engine) == head_revision():
        return None
    if engine.dialect.name != "postgresql":
        return _upgrade(engine, backup_dir)
    with engine.connect() as lock:
        lock.execute(select(func.pg_advisory_lock(SCHEMA_LOCK_KEY)))
        try:
            return _upgrade(engine, backup_dir)
        finally:
            lock.execute(select(func.pg_advisory_unlock(SCHEMA_LOCK_KEY)))


def _upgrade(engine: Engine, backup_dir: Path | None) -> str | None:
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return None
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StorageError("schema.too_new", revision=current)
    backup: str | None = None
    url = engine.url.render_as_string(hide_password=False)
    if current is not None and backup_dir is not None and sqlite_path(url) is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = backup_dir / f"pre-upgrade-{current}-{stamp}.sqlite3"
        backup = str(backup_sqlite(url, target))
        log.info("backed up database before upgrade to %s", target.name)
    try:
        command.upgrade(alembic_config(engine), "head")
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            # An officer's desktop, newer than the office database: only the
            # owner role may upgrade it (README: 办公室共用数据库).
            raise StorageError("schema.upgrade_denied", revision=current or "空") from exc
        raise
    log.info("database schema upgraded from %s to %s", current, head)
    return backup
