"""Fixtures shared by every test package.

Every test gets its own data folder under ``tmp_path``: nothing a test does can
reach the user's real data folder. Tests that read the shared evaluation set
skip cleanly where ``../shared`` is absent (a user's clone). Tests that must hold
on both databases take `db_url`, parametrised over SQLite and PostgreSQL (a
fresh schema of the server named by ``PRECEDENTS_TEST_PG_URL``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

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


# -- databases -------------------------------------------------------------------

PG_URL_ENV = "PRECEDENTS_TEST_PG_URL"
#: Set by CI: a missing PostgreSQL server is then a failure, not a skip.
REQUIRE_PG_ENV = "PRECEDENTS_REQUIRE_PG"


def pg_base_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search path is a fresh, empty schema (dropped afterwards).

    Skips where ``PRECEDENTS_TEST_PG_URL`` is not set (a user's machine); CI sets
    it (``.ci/postgres``) together with ``PRECEDENTS_REQUIRE_PG``, which turns the
    skip into a failure.
    """
    base = pg_base_url()
    if base is None:
        if os.environ.get(REQUIRE_PG_ENV):
            pytest.fail(f"{PG_URL_ENV} is not set but {REQUIRE_PG_ENV} is")
        pytest.skip(f"{PG_URL_ENV} is not set")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, poolclass=NullPool)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database of a test that must hold on SQLite and on PostgreSQL alike."""
    if request.param == "sqlite":
        return "sqlite:///" + (tmp_path / "lib" / "precedents.sqlite3").as_posix()
    url: str = request.getfixturevalue("pg_url")
    return url
