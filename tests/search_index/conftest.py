"""Fixtures: a memory source of hand-written precedents and a search service over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from search_index.service import SearchService
from search_index.source import MemorySource
from tests.search_index.helpers import corpus


@pytest.fixture
def source() -> MemorySource:
    return MemorySource(corpus())


@pytest.fixture
def service(tmp_path: Path, source: MemorySource) -> Iterator[SearchService]:
    svc = SearchService(tmp_path / "index", source)
    svc.open()
    yield svc
    svc.close()
