"""Fixtures of the office area: a second officer working on the same SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from precedents.library import Library


@pytest.fixture
def colleague(library: Library, tmp_path: Path) -> Iterator[Library]:
    """Another desktop's session on the same database file, saving as 李四."""
    other = Library.open(tmp_path / "lib", actor="李四")
    assert other.db_url == library.db_url
    yield other
    other.close()
