"""Fixtures shared by every test package.

Every test gets its own data folder under ``tmp_path``: nothing a test does can
reach the user's real data folder. Tests that read the shared evaluation set
skip cleanly where ``../shared`` is absent (a user's clone).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """The shared folder beside the checkout, or ``PRECEDENTS_SHARED_DIR``."""
    env = os.environ.get("PRECEDENTS_SHARED_DIR")
    candidates = [Path(env)] if env else []
    candidates.append(REPO_ROOT.parent / "shared")
    for candidate in candidates:
        if (candidate / "domain" / "interchange.md").is_file():
            return candidate
    return None


@pytest.fixture
def dev_dir() -> Path:
    """The dev evaluation set (80 precedents, 60 queries); skips without it."""
    shared = shared_dir()
    if shared is None or not (shared / "eval" / "dev" / "corpus.jsonl").is_file():
        pytest.skip("../shared/eval/dev is not present")
    return shared / "eval" / "dev"


@pytest.fixture
def dev_corpus(dev_dir: Path) -> Path:
    return dev_dir / "corpus.jsonl"


@pytest.fixture
def tmp_path(tmp_path: Path) -> Path:
    """Every test's temporary folder has Chinese characters and a space in its path.

    Officers' Windows profiles often do (C:\\Users\\王 某\\...); running the whole
    suite this way keeps path handling honest everywhere.
    """
    path = tmp_path / "先例 测试"
    path.mkdir()
    return path


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default data folder at a temporary folder for every test."""
    data = tmp_path / "data"
    monkeypatch.setenv("PRECEDENTS_DATA_DIR", str(data))
    monkeypatch.delenv("PRECEDENTS_DB_URL", raising=False)
    return data
