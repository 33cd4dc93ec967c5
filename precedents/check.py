"""``precedents check``: is the library whole? Database, change feed, attachments, index.

Each check returns plain `Problem`s (where, what, in Chinese) instead of
raising, so that one run reports everything it finds:

* the database itself: SQLite's ``integrity_check`` and ``foreign_key_check``
  (a PostgreSQL server checks its own pages; there the schema version is checked);
* the change feed: every precedent's newest feed entry carries its current
  version, so that search indexes following the feed are not left behind;
* attachments: every file the database lists is in the data folder with the
  recorded size and SHA-256 (files nobody lists are mentioned, not failed);
* the search and similarity indexes, through checks the caller supplies (the
  search package's `search_index.check.check_indexes`), since the domain does
  not depend on search. Such a check adds its own problems, notes and counts.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, func, select, text

from precedents.db import head_revision
from precedents.library import Library
from precedents.models import AttachmentRow, ChangeRow, PrecedentRow

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Problem:
    area: str  # 数据库 / 变更记录 / 附件 / 搜索索引
    message: str

    def __str__(self) -> str:
        return f"{self.area}：{self.message}"


@dataclass(slots=True)
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    #: Things worth knowing that are not damage (a file nobody refers to).
    notes: list[Problem] = field(default_factory=list)
    #: What was looked at, for the summary ("先例": 80, "附件": 3).
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


#: A further check (the search index's): given the library, it adds to the report.
ExtraCheck = Callable[[Library, CheckReport], None]


def check_sqlite_file(path: Path) -> list[Problem]:
    """SQLite's own checks on a database file, before anything opens it for writing."""
    if not path.is_file():
        return [Problem("数据库", f"数据库文件不存在：{path}")]
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            messages = [m for (m,) in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [Problem("数据库", f"数据库文件无法读取，可能已损坏（{exc}）")]
    return [Problem("数据库", f"完整性检查发现损坏：{m}") for m in messages if m != "ok"]


def check_database(conn: Connection) -> list[Problem]:
    """The database's own consistency checks, and its schema version."""
    problems = []
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision != head_revision():
        problems.append(Problem("数据库", f"结构版本为 {revision}，应为 {head_revision()}"))
    if conn.dialect.name != "sqlite":
        return problems
    for (message,) in conn.execute(text("PRAGMA integrity_check")):
        if message != "ok":
            problems.append(Problem("数据库", f"完整性检查发现损坏：{message}"))
    for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
        problems.append(Problem("数据库", f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在"))
    return problems


def check_feed(conn: Connection) -> list[Problem]:
    """Every precedent's newest change-feed entry is an upsert at its current version."""
    newest = (
        select(ChangeRow.code, func.max(ChangeRow.seq).label("seq"))
        .group_by(ChangeRow.code)
        .subquery()
    )
    latest = dict(
        conn.execute(
            select(ChangeRow.code, ChangeRow.version)
            .join(newest, ChangeRow.seq == newest.c.seq)
            .where(ChangeRow.op == "upsert")
        ).all()
    )
    problems = []
    for code, version in conn.execute(select(PrecedentRow.code, PrecedentRow.version)):
        seen = latest.get(code)
        if seen is None:
            problems.append(Problem("变更记录", f"案例 {code} 没有变更记录，搜索索引可能找不到它"))
        elif seen != version:
            problems.append(
                Problem(
                    "变更记录", f"案例 {code} 的变更记录停在版本 {seen}，案例已是版本 {version}"
                )
            )
    return problems


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_attachments(conn: Connection, folder: Path) -> tuple[list[Problem], list[Problem], int]:
    """(problems, notes, files checked): listed files present and unchanged."""
    problems, notes = [], []
    rows = conn.execute(
        select(
            AttachmentRow.filename,
            AttachmentRow.stored_name,
            AttachmentRow.sha256,
            AttachmentRow.size,
            PrecedentRow.code,
        ).join(PrecedentRow, PrecedentRow.id == AttachmentRow.precedent_id)
    ).all()
    listed = set()
    for filename, stored, sha, size, code in rows:
        path = folder / stored
        listed.add(path.resolve())
        where = f"案例 {code} 的附件「{filename}」"
        if not path.is_file():
            problems.append(Problem("附件", f"{where}文件缺失（{stored}）"))
        elif path.stat().st_size != size:
            problems.append(Problem("附件", f"{where}大小不符，文件已被改动或损坏（{stored}）"))
        elif _sha256(path) != sha:
            problems.append(Problem("附件", f"{where}校验和不符，文件已被改动或损坏（{stored}）"))
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if path.resolve() not in listed:
                notes.append(Problem("附件", f"文件 {path.relative_to(folder)} 不属于任何案例"))
    return problems, notes, len(rows)


def check_library(library: Library, extra: list[ExtraCheck] | None = None) -> CheckReport:
    """Run every check; the report lists each problem found."""
    report = CheckReport()
    with library.engine.connect() as conn:
        report.problems += check_database(conn)
        report.problems += check_feed(conn)
        report.checked["先例"] = conn.execute(
            select(func.count()).select_from(PrecedentRow)
        ).scalar_one()
        problems, notes, count = check_attachments(conn, library.paths.attachments)
    report.problems += problems
    report.notes += notes
    report.checked["附件"] = count
    for check in extra or []:
        check(library, report)
    return report
