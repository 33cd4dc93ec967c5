"""Child processes for the concurrency and crash tests: ``python -m tests.precedents.workers``.

Each command opens its own library (as a second desktop would), talks to the
test through stdout lines (flushed at once) and, where the test needs a precise
moment, waits for a line on stdin. Nothing here sleeps: the test decides when
things happen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from precedents.errors import ConflictError, StorageError
from precedents.interchange.importer import import_file
from precedents.library import Library
from precedents.store.precedents import create_record, get_record, update_record
from tests.precedents.conftest import make_record


def say(*parts: object) -> None:
    print(*parts, flush=True)


def race(data_dir: str, db_url: str, code: str, title: str) -> None:
    """Read the record, wait for "go", save it over the version read."""
    library = Library.open(data_dir, db_url=db_url, actor=title)
    with library.session() as session:
        record = get_record(session, code)
    say("ready", record.meta.version)
    sys.stdin.readline()
    try:
        with library.sessions.begin() as session:
            saved, _ = update_record(
                session, record.copy(title=title), actor=title, expected_version=record.meta.version
            )
        say("saved", saved.meta.version)
    except ConflictError as exc:
        say("conflict", exc.expected_version, exc.current_version, exc.theirs.title)
    library.close()


def hammer(data_dir: str, db_url: str, worker: str, rounds: str, *codes: str) -> None:
    """Read-modify-write the records in turn; every successful save appends a marker."""
    library = Library.open(data_dir, db_url=db_url, actor=worker)
    saved: list[str] = []
    conflicts = busy = 0
    for n in range(int(rounds)):
        code = codes[n % len(codes)]
        with library.session() as session:
            record = get_record(session, code)
        marker = f"[{worker}:{n}]"
        edited = record.copy(situation=record.situation + marker)
        try:
            with library.sessions.begin() as session:
                update_record(session, edited, actor=worker, expected_version=record.meta.version)
            saved.append(f"{code}{marker}")
        except ConflictError:
            conflicts += 1
        except StorageError:
            busy += 1
    say("done", conflicts, busy, *saved)
    library.close()


def import_and_hang(data_dir: str, db_url: str, source: str) -> None:
    """Import `source` and stop for good in the middle of writing it."""
    library = Library.open(data_dir, db_url=db_url, actor="导入员")
    chunks = 0

    def progress(done: int, total: int) -> None:
        nonlocal chunks
        if total:  # the writing phase reports totals; parsing reports 0
            chunks += 1
            if chunks == 1:
                say("mid", done)
                sys.stdin.readline()

    with library.sessions.begin() as session:
        import_file(session, Path(source), library.vocabulary(), actor="导入员", progress=progress)
    say("finished")


def save_and_hang(data_dir: str, db_url: str, prefix: str, committed: str) -> None:
    """Commit `committed` new records one by one, then stop inside the next save."""
    library = Library.open(data_dir, db_url=db_url, actor="经办人")
    for n in range(int(committed)):
        with library.sessions.begin() as session:
            create_record(session, make_record(f"{prefix}-{n:04d}"), actor="经办人")
        say("committed", f"{prefix}-{n:04d}")
    session = library.session()
    session.begin()
    first = get_record(session, f"{prefix}-0000")
    update_record(session, first.copy(title="不应保存的修改"), actor="经办人")
    create_record(session, make_record(f"{prefix}-HALF"), actor="经办人")
    session.flush()
    say("mid")
    sys.stdin.readline()


def save_forever(data_dir: str, db_url: str, prefix: str) -> None:
    """Create and then edit records without end, reporting each commit."""
    library = Library.open(data_dir, db_url=db_url, actor="经办人")
    n = 0
    while True:
        code = f"{prefix}-{n:05d}"
        with library.sessions.begin() as session:
            create_record(session, make_record(code), actor="经办人")
        say("committed", code, 1)
        with library.sessions.begin() as session:
            record = get_record(session, code)
            saved, _ = update_record(
                session, record.copy(title=f"第{n}次修改"), actor="经办人", expected_version=1
            )
        say("committed", code, saved.meta.version)
        n += 1


def open_library(data_dir: str, db_url: str) -> None:
    """Wait for "go", then open (create or upgrade) the library, as a desktop starting."""
    from precedents.db import current_revision

    say("ready")
    sys.stdin.readline()
    library = Library.open(data_dir, db_url=db_url, actor="经办人")
    say("opened", current_revision(library.engine), len(library.vocabulary().labels("hardship")))
    library.close()


COMMANDS = {
    "open-library": open_library,
    "race": race,
    "hammer": hammer,
    "import-and-hang": import_and_hang,
    "save-and-hang": save_and_hang,
    "save-forever": save_forever,
}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
