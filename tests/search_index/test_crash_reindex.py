"""Killed (SIGKILL) in the middle of building or rebuilding the search index.

A child process opens the library as a desktop does and is killed after the
first batch of records went into a new build. The library is then reopened:
``precedents check`` (`check_indexes`) says plainly what it finds, the index
repairs itself (the interrupted build is discarded, changes made meanwhile are
caught up) and every precedent is found again.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from precedents.check import check_library
from precedents.library import Library
from precedents.store.precedents import create_record, delete_record, update_record
from search_index.check import check_indexes
from search_index.folder import IndexFolder
from search_index.library import FOLDER_NAME, LibraryIndexes
from search_index.synonyms import builtin_groups
from tests.precedents.conftest import make_record
from tests.precedents.processes import Worker

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

#: More than one batch of the index writer (500), fewer than a parallel build takes.
RECORDS = 1100
WORD = "伊米苷酶"


def _open(data: Path, db_url: str) -> Library:
    return Library.open(data, db_url=db_url, actor="甲", builtin_synonyms=builtin_groups)


@pytest.fixture
def data(tmp_path: Path, db_url: str) -> Path:
    library = _open(tmp_path / "desk", db_url)
    with library.sessions.begin() as session:
        for n in range(RECORDS):
            create_record(session, make_record(f"R-{n:05d}"), actor="甲")
    library.close()
    return tmp_path / "desk"


def _builds(library: Library) -> list[str]:
    return sorted(p.name for p in (library.index_dir / FOLDER_NAME).glob("ix-*"))


def _worker(command: str, data: Path, db_url: str) -> Worker:
    return Worker(command, data, db_url, module="tests.search_index.workers")


def _all_found(library: Library) -> None:
    indexes = LibraryIndexes(library)
    try:
        service = indexes.open()
        assert service.indexed_count == len(library.record_source().versions())
        assert service.compare() == ([], [])
        assert service.search("骨折").total == service.indexed_count
    finally:
        indexes.close()


def test_killed_mid_rebuild_the_old_index_answers_and_catches_up(data: Path, db_url: str) -> None:
    library = _open(data, db_url)
    try:
        worker = _worker("rebuild-and-hang", data, db_url)
        assert worker.line() == ["opened"]
        kept = _builds(library)
        assert worker.line()[0] == "mid"
        assert len(_builds(library)) == len(kept) + 1  # the new build, half written
        # Others go on working while the rebuild hangs; then the process dies.
        with library.sessions.begin() as session:
            update_record(session, make_record("R-00007", title=f"长期使用{WORD}"), actor="乙")
            delete_record(session, "R-00008", actor="乙")
            create_record(session, make_record("NEW-1"), actor="乙")
        worker.kill()
        report = check_library(library, [check_indexes])
        assert report.ok, [str(p) for p in report.problems]
        assert report.checked["搜索索引"] == RECORDS
        assert report.checked["相似度索引"] == RECORDS
        assert _builds(library) == kept  # the interrupted build is gone
        indexes = LibraryIndexes(library)
        try:
            service = indexes.open()
            assert [h.code for h in service.search(WORD).hits] == ["R-00007"]
            assert service.search("R-00008").total == 0
        finally:
            indexes.close()
        _all_found(library)
    finally:
        library.close()


def test_killed_mid_first_build_the_next_start_builds_it(data: Path, db_url: str) -> None:
    worker = _worker("build-and-hang", data, db_url)
    assert worker.line()[0] == "mid"
    worker.kill()
    library = _open(data, db_url)
    try:
        assert IndexFolder(library.index_dir / FOLDER_NAME).read_state() is None
        report = check_library(library, [check_indexes])
        assert report.ok and "搜索索引：本机还没有搜索索引" in str(report.notes[0])
        indexes = LibraryIndexes(library)
        try:
            assert indexes.open() is not None
        finally:
            indexes.close()
        assert len(_builds(library)) == 1  # the half-written build was cleared away
        _all_found(library)
    finally:
        library.close()
