"""An open precedent library: data folder, database, acting officer.

Both programs start by opening a `Library`; everything else takes a session
from it. Opening follows a fixed order:

1. resolve the data folder (argument, ``PRECEDENTS_DATA_DIR``, platform default)
   and create its sub-folders;
2. load the settings file;
3. choose the database (argument, ``PRECEDENTS_DB_URL``, settings, the local
   SQLite file) and open an engine;
4. upgrade the schema (backing a SQLite file up first);
5. seed the built-in vocabularies and synonym groups that are missing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from precedents.db import open_engine, session_factory, upgrade_schema
from precedents.errors import StorageError
from precedents.models import MetaRow
from precedents.paths import DB_URL_ENV, DataPaths
from precedents.schema import metadata as _all_tables  # noqa: F401  (registers every model)
from precedents.settings import Settings, load_settings, save_settings, settings_changes
from precedents.store.audit import record_event
from precedents.store.changes import LibraryRecordSource
from precedents.store.vocabulary import load_vocabulary, seed_synonyms, seed_vocabulary
from precedents.vocabulary import Vocabulary

log = logging.getLogger(__name__)

#: Built-in search synonyms are supplied by whoever opens the library with search
#: (the search package); the domain itself does not depend on it.
SynonymProvider = Callable[[], list[tuple[str, ...]]]


@dataclass
class Library:
    paths: DataPaths
    db_url: str
    engine: Engine
    settings: Settings
    sessions: sessionmaker[Session]
    actor: str
    upgrade_backup: str | None = None
    _vocabulary: Vocabulary | None = field(default=None, repr=False)
    #: The settings as last read or written, to see what a save changes.
    _saved_settings: Settings = field(default_factory=Settings, repr=False)

    def __post_init__(self) -> None:
        self._saved_settings = replace(self.settings)

    @classmethod
    def open(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        db_url: str | None = None,
        actor: str | None = None,
        builtin_synonyms: SynonymProvider | None = None,
    ) -> Library:
        paths = DataPaths.resolve(data_dir).ensure()
        settings = load_settings(paths.settings_file)
        url = db_url or os.environ.get(DB_URL_ENV) or settings.db_url or paths.sqlite_url()
        try:
            engine = open_engine(url)
        except ImportError as exc:
            raise StorageError("db.driver_missing", reason=str(exc)) from exc
        except (SQLAlchemyError, ValueError) as exc:
            raise StorageError("db.open_failed", reason=str(exc)) from exc
        try:
            backup = upgrade_schema(engine, paths.backups)
            sessions = session_factory(engine)
            _seed(sessions, builtin_synonyms)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StorageError("db.open_failed", reason=_reason(exc)) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(
            paths=paths,
            db_url=url,
            engine=engine,
            settings=settings,
            sessions=sessions,
            actor=actor or settings.actor(),
            upgrade_backup=backup,
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def backup_dir(self) -> Path:
        return self.paths.backups

    @property
    def index_dir(self) -> Path:
        return self.paths.index_dir(self.engine.url.render_as_string(hide_password=True))

    def session(self) -> Session:
        return self.sessions()

    def vocabulary(self, *, reload: bool = False) -> Vocabulary:
        if self._vocabulary is None or reload:
            with self.sessions() as session:
                self._vocabulary = load_vocabulary(session)
        return self._vocabulary

    def record_source(self) -> LibraryRecordSource:
        return LibraryRecordSource(self.sessions)

    def save_settings(self) -> None:
        """Write the settings file; changed settings are recorded in the audit trail.

        A changed database address (which database this desktop trusts as the
        source of truth) is recorded with the password hidden, in the database
        open now, before the desktop switches.
        """
        changes = settings_changes(self._saved_settings, self.settings)
        save_settings(self.settings, self.paths.settings_file)
        self._saved_settings = replace(self.settings)
        if changes:
            with self.sessions.begin() as session:
                record_event(
                    session,
                    self.actor,
                    "settings.update",
                    "settings.json",
                    {"changes": changes},
                    entity="settings",
                )

    def meta(self, key: str) -> str | None:
        with self.sessions() as session:
            return session.scalar(select(MetaRow.value).where(MetaRow.key == key))

    def set_meta(self, key: str, value: str) -> None:
        with self.sessions.begin() as session:
            row = session.get(MetaRow, key)
            if row is None:
                session.add(MetaRow(key=key, value=value))
            else:
                row.value = value

    def close(self) -> None:
        self.engine.dispose()


def _seed(sessions: sessionmaker[Session], builtin_synonyms: SynonymProvider | None) -> None:
    """Add the built-in terms and synonyms that are missing.

    Desktops that start together against one server may seed the same new term
    at once; the one that loses on the unique key finds it there on its next try.
    """
    for attempt in range(3):
        try:
            with sessions.begin() as session:
                seed_vocabulary(session)
                if builtin_synonyms is not None:
                    seed_synonyms(session, builtin_synonyms())
            return
        except IntegrityError:
            if attempt == 2:
                raise


def _reason(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None)
    text = str(original or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
