"""Fixtures of the patterns screen's tests: a library holding the demo precedents.

The demo set has recurring kinds of case from several districts, so mining it
gives patterns to curate and draft from; each test gets its own copy.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from precedents.demo.load import load_demo
from precedents.library import Library
from precedents.patterns.registry import Policy, get_policy


@pytest.fixture(scope="session")
def _demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "lib"
    library = Library.open(folder, actor="测试员")
    load_demo(library)
    library.close()
    return folder


@pytest.fixture
def demo_library(tmp_path: Path, _demo_folder: Path) -> Iterator[Library]:
    folder = tmp_path / "lib"
    shutil.copytree(_demo_folder, folder)
    library = Library.open(folder, actor="测试员")
    yield library
    library.close()


def stored(library: Library, policy_id: int) -> Policy:
    """A policy as the registry now holds it."""
    with library.session() as session:
        return get_policy(session, policy_id)
