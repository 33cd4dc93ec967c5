"""The library's two indexes: the search index opens without waiting for the similarity index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from precedents.library import Library
from precedents.store.precedents import create_record
from search_index.library import LibraryIndexes
from search_index.synonyms import builtin_groups
from tests.precedents.conftest import make_record

CODES = ("T-JM-2024-001", "T-JM-2024-002")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """A library whose indexes were built and saved by an earlier start."""
    library = Library.open(tmp_path / "data", actor="甲", builtin_synonyms=builtin_groups)
    with library.sessions.begin() as session:
        for code in CODES:
            create_record(session, make_record(code), actor="甲")
    first = LibraryIndexes(library)
    first.open()
    first.ensure_similar()
    first.close()
    yield library
    library.close()


@pytest.fixture
def indexes(library: Library) -> Iterator[LibraryIndexes]:
    indexes = LibraryIndexes(library)
    indexes.open()
    yield indexes
    indexes.close()


def test_the_list_does_not_wait_for_the_similarity_index(indexes: LibraryIndexes) -> None:
    assert indexes.service is not None and indexes.service.search("养老金").total == 2
    assert indexes.similar_index is None, "read after the first results, not before"
    indexes.ensure_similar()
    assert indexes.similar_index is not None
    assert sorted(indexes.similar_index.codes()) == sorted(CODES)


def test_a_change_or_a_query_reads_it_first(library: Library, indexes: LibraryIndexes) -> None:
    with library.sessions.begin() as session:
        create_record(session, make_record("T-JM-2024-003"), actor="甲")
    assert indexes.sync() == 1
    assert indexes.similar_index is not None, "the writer read it to pass the change on"
    assert "T-JM-2024-003" in indexes.similar_index.codes()
    hits = indexes.similar(make_record("T-NEW-0001"), limit=5)
    assert {hit.code for hit in hits} == {*CODES, "T-JM-2024-003"}


def test_a_similar_query_before_anything_else_reads_it(indexes: LibraryIndexes) -> None:
    hits = indexes.similar(make_record("T-NEW-0001"), limit=5)
    assert {hit.code for hit in hits} == set(CODES)
