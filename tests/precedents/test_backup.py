"""Backups: rotating automatic copies, whole-library archives, restores end to end."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from precedents.archive import MANIFEST, create_archive, restore_archive
from precedents.backup import AutoBackup, BackupPolicy, list_auto_backups, maybe_backup, to_keep
from precedents.cli import main
from precedents.errors import StorageError
from precedents.interchange.jsonl import dumps
from precedents.library import Library
from precedents.models import AttachmentRow, PrecedentRow
from precedents.paths import DataPaths
from precedents.store.audit import list_events
from precedents.store.precedents import count_records, create_record, get_record
from tests.precedents.conftest import make_record


def _days(start: dt.datetime, n: int) -> list[dt.datetime]:
    return [start + dt.timedelta(days=i, hours=i % 5) for i in range(n)]


def test_one_automatic_backup_a_day_pruned_to_days_and_weeks(library: Library) -> None:
    policy = BackupPolicy(daily=3, weekly=2)
    start = dt.datetime(2024, 3, 4, 9, 0)  # a Monday
    made = [maybe_backup(library, now, policy) for now in _days(start, 20)]
    assert all(made)
    assert maybe_backup(library, start + dt.timedelta(days=19, hours=8), policy) is None
    kept = sorted(b.taken_at.date() for b in list_auto_backups(library.backup_dir))
    # The last three days, and the newest of this week and of the week before.
    assert kept == [
        dt.date(2024, 3, 17),
        dt.date(2024, 3, 21),
        dt.date(2024, 3, 22),
        dt.date(2024, 3, 23),
    ]
    for backup in list_auto_backups(library.backup_dir):
        conn = sqlite3.connect(backup.path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()


def test_rotation_keeps_the_newest_of_each_day_and_week(tmp_path: Path) -> None:
    taken = [dt.datetime(2024, 1, d, h) for d in range(1, 29) for h in (8, 17)]
    backups = [AutoBackup(tmp_path / f"{t:%Y%m%d%H}", t) for t in taken]
    keep = {b.taken_at for b in backups if b.path in to_keep(backups, BackupPolicy(2, 4))}
    assert keep == {
        dt.datetime(2024, 1, 28, 17),
        dt.datetime(2024, 1, 27, 17),
        dt.datetime(2024, 1, 21, 17),
        dt.datetime(2024, 1, 14, 17),
        dt.datetime(2024, 1, 7, 17),
    }


def test_pre_upgrade_and_other_files_are_never_pruned(library: Library) -> None:
    other = library.backup_dir / "pre-upgrade-0001-20240101-000000.sqlite3"
    other.write_bytes(b"x")
    for now in _days(dt.datetime(2024, 1, 1), 30):
        maybe_backup(library, now, BackupPolicy(daily=1, weekly=0))
    assert other.is_file() and len(list_auto_backups(library.backup_dir)) == 1


def test_automatic_backup_is_consistent_while_officers_write(library: Library) -> None:
    with library.sessions.begin() as session:
        create_record(session, make_record("B-0"), actor="甲")
    writing = library.session()
    writing.begin()
    create_record(writing, make_record("B-UNCOMMITTED"), actor="甲")
    writing.flush()  # uncommitted rows are in the WAL
    stop = threading.Event()

    def officer() -> None:
        n = 1
        while not stop.is_set():
            with library.sessions.begin() as session:
                create_record(session, make_record(f"B-{n}"), actor="乙")
            n += 1

    made = maybe_backup(library, dt.datetime(2024, 5, 1, 12))
    writing.rollback()
    writing.close()
    thread = threading.Thread(target=officer)
    thread.start()
    second = maybe_backup(library, dt.datetime(2024, 5, 2, 12))
    stop.set()
    thread.join()
    assert made is not None and second is not None
    for path in (made, second):
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        codes = {c for (c,) in conn.execute("SELECT code FROM precedents")}
        assert "B-UNCOMMITTED" not in codes and "B-0" in codes
        conn.close()


def test_server_databases_are_left_to_pg_dump(pg_url: str, tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib", db_url=pg_url)
    assert maybe_backup(library, dt.datetime(2024, 1, 1)) is None
    with pytest.raises(StorageError) as info:
        create_archive(library, tmp_path / "b.zip", actor="甲")
    assert "pg_dump" in info.value.message
    with pytest.raises(StorageError):
        restore_archive(library.paths, tmp_path / "b.zip", actor="甲", db_url=pg_url)
    library.close()


# -- archives ------------------------------------------------------------------------


def _attach(library: Library, code: str, name: str, content: bytes) -> Path:
    digest = hashlib.sha256(content).hexdigest()
    stored = f"{digest[:2]}/{digest}.pdf"
    path = library.paths.attachments / stored
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with library.sessions.begin() as session:
        precedent = session.query(PrecedentRow).filter_by(code=code).one()
        session.add(
            AttachmentRow(
                precedent_id=precedent.id,
                filename=name,
                stored_name=stored,
                sha256=digest,
                size=len(content),
                media_type="application/pdf",
            )
        )
    return path


def _cli(*args: str) -> int:
    return main(list(args))


def test_backup_and_restore_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    source = tmp_path / "in.jsonl"
    source.write_text("".join(dumps(make_record(f"R-{i}")) + "\n" for i in range(3)), "utf-8")
    assert _cli("--data-dir", str(data), "--user", "甲", "import", str(source)) == 0
    library = Library.open(data, actor="甲")
    attachment = _attach(library, "R-1", "病历.pdf", b"%PDF-1.4 original")
    library.settings.officer_name = "备份时的经办人"
    library.save_settings()
    library.close()
    archive = tmp_path / "backup.zip"
    assert _cli("--data-dir", str(data), "backup", str(archive)) == 0
    assert "先例 3 条，附件 1 个" in capsys.readouterr().out

    # Life goes on: a record is deleted, the attachment lost, a setting changed.
    library = Library.open(data, actor="乙")
    with library.sessions.begin() as session:
        session.execute(text("DELETE FROM precedents WHERE code = 'R-0'"))
        create_record(session, make_record("R-NEW"), actor="乙")
    attachment.unlink()
    library.settings.officer_name = "后来的经办人"
    library.save_settings()
    library.close()

    assert _cli("--data-dir", str(data), "--user", "丙", "restore", str(archive)) == 0
    out = capsys.readouterr().out
    assert "恢复前的数据已保存在" in out
    library = Library.open(data)
    with library.session() as session:
        assert count_records(session) == 3 and get_record(session, "R-0").code == "R-0"
        (event,) = list_events(session, action="restore")
    assert attachment.read_bytes() == b"%PDF-1.4 original"
    assert library.settings.officer_name == "备份时的经办人"
    assert event.actor == "丙" and event.details["file"] == "backup.zip"
    kept = library.paths.backups / event.details["kept"]
    library.close()
    conn = sqlite3.connect(kept / "precedents.sqlite3")
    assert {c for (c,) in conn.execute("SELECT code FROM precedents")} == {"R-1", "R-2", "R-NEW"}
    conn.close()
    assert json.loads((kept / "settings.json").read_text("utf-8"))["officer_name"] == "后来的经办人"
    assert _cli("--data-dir", str(data), "list") == 0


def _rewrite(archive: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of `archive` with members replaced (bytes), removed (None) or added."""
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            if item.filename in change:
                continue
            dst.writestr(item, src.read(item.filename))
        for name, content in change.items():
            if content is not None:
                dst.writestr(name, content)
    return target


def _manifest(archive: Path) -> dict[str, object]:
    with zipfile.ZipFile(archive) as zf:
        data: dict[str, object] = json.loads(zf.read(MANIFEST))
    return data


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    library = Library.open(tmp_path / "source", actor="甲")
    with library.sessions.begin() as session:
        create_record(session, make_record("A-1"), actor="甲")
        create_record(session, make_record("A-2"), actor="甲")
    _attach(library, "A-1", "a.pdf", b"%PDF attachment")
    target = tmp_path / "archive.zip"
    create_archive(library, target, actor="甲")
    library.close()
    return target


def _bad_archives(archive: Path, tmp_path: Path) -> dict[str, Path]:
    manifest = _manifest(archive)
    with zipfile.ZipFile(archive) as zf:
        db = zf.read("database.sqlite3")
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(db)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    conn.commit()
    conn.close()
    newer_bytes = newer.read_bytes()
    future = dict(manifest)
    future["files"] = [
        dict(f, size=len(newer_bytes), sha256=hashlib.sha256(newer_bytes).hexdigest())
        if f["path"] == "database.sqlite3"  # type: ignore[index]
        else f
        for f in manifest["files"]  # type: ignore[attr-defined]
    ]
    evil = dict(manifest)
    evil["files"] = [*manifest["files"], {"path": "../evil.txt", "size": 1, "sha256": "0"}]  # type: ignore[misc]
    broken = bytearray(db)
    broken[len(broken) // 2] ^= 0xFF
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("这不是备份", "utf-8")
    return {
        "校验和不符": _rewrite(
            archive, tmp_path / "flipped.zip", {"database.sqlite3": bytes(broken)}
        ),
        "缺少 manifest.json": _rewrite(archive, tmp_path / "nomanifest.zip", {MANIFEST: None}),
        "文件名不安全": _rewrite(
            archive,
            tmp_path / "evil.zip",
            {MANIFEST: json.dumps(evil).encode(), "../evil.txt": b"x"},
        ),
        "文件与清单不符": _rewrite(archive, tmp_path / "extra.zip", {"attachments/x.pdf": b"x"}),
        "更新版本": _rewrite(
            archive,
            tmp_path / "future.zip",
            {MANIFEST: json.dumps(future).encode(), "database.sqlite3": newer_bytes},
        ),
        "不是 zip 文件": truncated,
        "不是 zip": not_zip,
    }


def test_restore_checks_everything_before_touching_anything(
    archive: Path, tmp_path: Path, library: Library
) -> None:
    with library.sessions.begin() as session:
        create_record(session, make_record("MINE-1"), actor="乙")
    library.close()
    paths = DataPaths.resolve(tmp_path / "lib")
    before = {p: p.read_bytes() for p in paths.root.rglob("*") if p.is_file()}
    for expected, bad in _bad_archives(archive, tmp_path).items():
        with pytest.raises(StorageError) as info:
            restore_archive(paths, bad, actor="乙")
        assert expected in info.value.message, (bad.name, info.value.message)
        after = {p: p.read_bytes() for p in paths.root.rglob("*") if p.is_file()}
        assert after == before, bad.name
    assert not list(paths.backups.glob("before-restore-*"))
    assert not (tmp_path / "evil.txt").exists()
