"""Whole-library backup archives: ``precedents backup FILE`` and ``precedents restore FILE``.

An archive is one zip file holding the database (an online-backup copy, so it
is consistent while officers work), the settings file and every attachment,
with ``manifest.json`` listing each file's size and SHA-256. Restoring checks
the whole archive first (every checksum, the database's own integrity check,
a schema this program can open) and touches nothing until all of that passed;
it then moves the current database, settings and attachments aside into
``backups/before-restore-…`` and puts the archive's in their place, and the
restore is recorded in the restored database's audit trail.

Only a local SQLite library can be archived this way. The office's PostgreSQL
server is backed up by its administrator with ``pg_dump`` (README); both
commands refuse a server database with a message saying so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from alembic.script import ScriptDirectory

from precedents import __version__
from precedents.db import alembic_config, backup_sqlite, sqlite_path
from precedents.errors import StorageError
from precedents.library import Library
from precedents.models import utcnow
from precedents.paths import DataPaths
from precedents.store.audit import record_event

Progress = Callable[[int, int], None]

FORMAT = "precedent-desk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.sqlite3"
SETTINGS = "settings.json"
ATTACHMENTS = "attachments/"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class ArchiveFile:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    created_at: str
    created_by: str
    program_version: str
    schema_revision: str
    files: tuple[ArchiveFile, ...]
    counts: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "program_version": self.program_version,
            "schema_revision": self.schema_revision,
            "counts": self.counts,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
        }


@dataclass(frozen=True, slots=True)
class RestoreResult:
    manifest: Manifest
    kept: Path  # where the data that was replaced now lives


def _sha256(handle: IO[bytes]) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _require_sqlite(db_url: str) -> Path:
    path = sqlite_path(db_url)
    if path is None:
        raise StorageError("backup.server_database")
    return path


def _db_facts(path: Path) -> tuple[str, dict[str, int]]:
    """(schema revision, row counts) of a SQLite file, read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("precedents", "attachments", "audit_events")
        }
    finally:
        conn.close()
    return (revision[0] if revision else ""), counts


# -- backup ------------------------------------------------------------------------


def create_archive(
    library: Library, target: Path, *, actor: str, progress: Progress | None = None
) -> Manifest:
    """Write the library (database, settings, attachments) to one zip file at `target`."""
    _require_sqlite(library.db_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    with tempfile.TemporaryDirectory(dir=library.paths.backups) as temp:
        snapshot = backup_sqlite(library.db_url, Path(temp) / DATABASE)
        revision, counts = _db_facts(snapshot)
        sources: list[tuple[str, Path]] = [(DATABASE, snapshot)]
        if library.paths.settings_file.is_file():
            sources.append((SETTINGS, library.paths.settings_file))
        root = library.paths.attachments
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            sources.append((ATTACHMENTS + path.relative_to(root).as_posix(), path))
        files = []
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                for done, (name, path) in enumerate(sources, start=1):
                    with path.open("rb") as handle:
                        size, digest = _sha256(handle)
                    zf.write(path, name)
                    files.append(ArchiveFile(name, size, digest))
                    if progress is not None:
                        progress(done, len(sources))
                manifest = Manifest(
                    created_at=utcnow().isoformat(timespec="seconds") + "Z",
                    created_by=actor,
                    program_version=__version__,
                    schema_revision=revision,
                    files=tuple(files),
                    counts=counts,
                )
                zf.writestr(MANIFEST, json.dumps(manifest.as_json(), ensure_ascii=False, indent=2))
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    with library.sessions.begin() as session:
        record_event(
            session,
            actor,
            "backup",
            details={"file": target.name, "counts": counts, "files": len(files)},
            entity="library",
        )
    return manifest


# -- validation --------------------------------------------------------------------


def _invalid(archive: Path, reason: str) -> StorageError:
    return StorageError("backup.invalid", path=str(archive), reason=reason)


def _safe_name(name: str) -> bool:
    pure = PurePosixPath(name)
    return (
        bool(name)
        and "\\" not in name
        and not pure.is_absolute()
        and ".." not in pure.parts
        and (name in (DATABASE, SETTINGS) or name.startswith(ATTACHMENTS))
    )


def _read_manifest(zf: zipfile.ZipFile, archive: Path) -> Manifest:
    try:
        data = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except KeyError as exc:
        raise _invalid(archive, "缺少 manifest.json") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise _invalid(archive, "manifest.json 无法解析") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _invalid(archive, "不是先例库备份")
    if data.get("format_version") != FORMAT_VERSION:
        raise _invalid(archive, f"备份格式版本 {data.get('format_version')} 不受支持")
    try:
        files = tuple(
            ArchiveFile(str(f["path"]), int(f["size"]), str(f["sha256"])) for f in data["files"]
        )
        return Manifest(
            created_at=str(data["created_at"]),
            created_by=str(data.get("created_by", "")),
            program_version=str(data.get("program_version", "")),
            schema_revision=str(data["schema_revision"]),
            files=files,
            counts={str(k): int(v) for k, v in dict(data.get("counts", {})).items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise _invalid(archive, "manifest.json 内容不完整") from exc


def _check_files(zf: zipfile.ZipFile, manifest: Manifest, archive: Path) -> None:
    listed = {f.path for f in manifest.files}
    present = {name for name in zf.namelist() if not name.endswith("/")} - {MANIFEST}
    if DATABASE not in listed:
        raise _invalid(archive, "备份中没有数据库")
    for name in sorted(listed | present):
        if not _safe_name(name):
            raise _invalid(archive, f"文件名不安全：{name}")
    if present != listed:
        missing = sorted(listed - present) or sorted(present - listed)
        raise _invalid(archive, f"文件与清单不符：{missing[0]}")
    for entry in manifest.files:
        if zf.getinfo(entry.path).file_size != entry.size:
            raise _invalid(archive, f"{entry.path} 大小与清单不符，文件已损坏")
        with zf.open(entry.path) as handle:
            size, digest = _sha256(handle)
        if (size, digest) != (entry.size, entry.sha256):
            raise _invalid(archive, f"{entry.path} 校验和不符，文件已损坏")


def _check_database(path: Path, manifest: Manifest, archive: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
        revision, _counts = _db_facts(path)
    except sqlite3.DatabaseError as exc:
        raise _invalid(archive, f"数据库无法读取（{exc}）") from exc
    if result != [("ok",)]:
        raise _invalid(archive, f"数据库完整性检查未通过（{result[0][0]}）")
    known = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise StorageError("schema.too_new", revision=revision or manifest.schema_revision)


def validate_archive(archive: Path, workdir: Path) -> tuple[Manifest, Path]:
    """Check all of `archive`; returns its manifest and its database unpacked in `workdir`."""
    if not archive.is_file():
        raise StorageError("backup.missing", path=str(archive))
    try:
        with zipfile.ZipFile(archive) as zf:
            manifest = _read_manifest(zf, archive)
            _check_files(zf, manifest, archive)
            database = Path(zf.extract(DATABASE, workdir))
    except zipfile.BadZipFile as exc:
        raise _invalid(archive, "不是 zip 文件或已损坏") from exc
    except OSError as exc:
        raise _invalid(archive, str(exc)) from exc
    _check_database(database, manifest, archive)
    return manifest, database


# -- restore -----------------------------------------------------------------------


def _keep_current(paths: DataPaths, db_path: Path, now: dt.datetime) -> Path:
    """Move the current database, settings and attachments aside; returns the folder."""
    kept = paths.backups / f"before-restore-{now.strftime('%Y%m%d-%H%M%S')}"
    kept.mkdir(parents=True)
    if db_path.is_file():
        # A consistent copy (the WAL folded in), then the live files go.
        backup_sqlite("sqlite:///" + db_path.as_posix(), kept / db_path.name)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
    if paths.settings_file.is_file():
        shutil.copy2(paths.settings_file, kept / SETTINGS)
    if paths.attachments.is_dir():
        os.replace(paths.attachments, kept / "attachments")
    return kept


def _put_in_place(work: Path, database: Path, paths: DataPaths, db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(database, db_path)
    unpacked = work / ATTACHMENTS.rstrip("/")
    if unpacked.is_dir():
        os.replace(unpacked, paths.attachments)
    paths.attachments.mkdir(exist_ok=True)
    if (work / SETTINGS).is_file():
        os.replace(work / SETTINGS, paths.settings_file)
    else:
        paths.settings_file.unlink(missing_ok=True)


def restore_archive(
    paths: DataPaths, archive: Path, *, actor: str, db_url: str | None = None
) -> RestoreResult:
    """Replace the library in `paths` with the archive's, after checking all of it.

    `db_url` is the database the library uses (default: the data folder's
    SQLite file). No program may have the library open meanwhile.
    """
    db_path = _require_sqlite(db_url or paths.sqlite_url())
    paths.ensure()
    with tempfile.TemporaryDirectory(dir=paths.root, prefix=".restore-") as temp:
        work = Path(temp)
        manifest, database = validate_archive(archive, work)
        with zipfile.ZipFile(archive) as zf:
            for entry in manifest.files:
                if entry.path.startswith(ATTACHMENTS) or entry.path == SETTINGS:
                    zf.extract(entry.path, work)
        kept = _keep_current(paths, db_path, dt.datetime.now())
        try:
            _put_in_place(work, database, paths, db_path)
        except OSError as exc:
            raise StorageError("restore.failed", reason=str(exc), kept=str(kept)) from exc
    library = Library.open(paths.root, db_url="sqlite:///" + db_path.as_posix(), actor=actor)
    try:
        with library.sessions.begin() as session:
            record_event(
                session,
                actor,
                "restore",
                details={
                    "file": archive.name,
                    "archive_created_at": manifest.created_at,
                    "archive_created_by": manifest.created_by,
                    "kept": kept.name,
                },
                entity="library",
            )
    finally:
        library.close()
    return RestoreResult(manifest=manifest, kept=kept)
