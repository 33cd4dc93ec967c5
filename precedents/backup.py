"""Automatic rotating backups of the local SQLite database.

The desktop calls `maybe_backup(library, now)` on a timer (and at start): when
no automatic backup was made today it copies the database with SQLite's online
backup API, which gives a consistent copy while officers keep working, and then
prunes the old copies, keeping the newest of each of the last `daily` days and
of each of the last `weekly` weeks. Copies made before schema upgrades
(`precedents.db.upgrade_schema`) and before restores are never pruned.

A server database (PostgreSQL) is not copied here: the office backs it up with
``pg_dump`` (README), and `maybe_backup` does nothing for it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from precedents.db import backup_sqlite, sqlite_path
from precedents.errors import StorageError

log = logging.getLogger(__name__)

AUTO_FOLDER = "auto"
_PREFIX = "auto-"
_SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"


class _HasDatabase(Protocol):
    """What `maybe_backup` needs from a `Library` (kept narrow for tests)."""

    @property
    def db_url(self) -> str: ...

    @property
    def backup_dir(self) -> Path: ...


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    """How many automatic copies to keep: the newest of each recent day and week."""

    daily: int = 7
    weekly: int = 8

    def __post_init__(self) -> None:
        if self.daily < 1 or self.weekly < 0:
            raise ValueError("keep at least one daily backup")


@dataclass(frozen=True, slots=True)
class AutoBackup:
    path: Path
    taken_at: dt.datetime


def auto_folder(backups: Path) -> Path:
    return backups / AUTO_FOLDER


def list_auto_backups(backups: Path) -> list[AutoBackup]:
    """The automatic backups in `backups`, newest first (other files are ignored)."""
    folder = auto_folder(backups)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            name = path.name
            if not (name.startswith(_PREFIX) and name.endswith(_SUFFIX)):
                continue
            try:
                taken = dt.datetime.strptime(name[len(_PREFIX) : -len(_SUFFIX)], _STAMP)
            except ValueError:
                continue
            found.append(AutoBackup(path, taken))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def to_keep(backups: list[AutoBackup], policy: BackupPolicy) -> set[Path]:
    """Newest backup of each of the last `daily` days and `weekly` ISO weeks."""
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for backup in sorted(backups, key=lambda b: b.taken_at, reverse=True):
        day = backup.taken_at.date()
        iso = day.isocalendar()
        week = (iso.year, iso.week)
        if day not in days and len(days) < policy.daily:
            days.add(day)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < policy.weekly:
            weeks.add(week)
            keep.add(backup.path)
    return keep


def take_backup(db_url: str, backups: Path, now: dt.datetime) -> Path:
    """Copy the database now into the automatic folder; checked before it is named."""
    target = auto_folder(backups) / f"{_PREFIX}{now.strftime(_STAMP)}{_SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    try:
        backup_sqlite(db_url, partial)
        _quick_check(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _quick_check(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
    finally:
        conn.close()
    if not result or result[0] != "ok":
        raise StorageError("backup.invalid", path=str(path), reason=str(result))


def maybe_backup(
    library: _HasDatabase, now: dt.datetime, policy: BackupPolicy | None = None
) -> Path | None:
    """Make today's automatic backup if there is none yet, then prune; returns the new copy.

    `now` is local wall-clock time (naive); the desktop passes
    ``datetime.now()``. Does nothing (returns None) for a server database.
    """
    if sqlite_path(library.db_url) is None:
        return None
    policy = policy or BackupPolicy()
    existing = list_auto_backups(library.backup_dir)
    made: Path | None = None
    if not any(b.taken_at.date() == now.date() for b in existing):
        made = take_backup(library.db_url, library.backup_dir, now)
        existing.insert(0, AutoBackup(made, now))
        log.info("automatic backup %s", made.name)
    keep = to_keep(existing, policy)
    for backup in existing:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            log.info("pruned automatic backup %s", backup.path.name)
    return made
