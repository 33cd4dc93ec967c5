"""``precedents check`` compares this computer's indexes with the database, plainly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from precedents.check import check_library
from precedents.cli import main
from precedents.library import Library
from precedents.store.changes import last_seq
from precedents.store.precedents import create_record, delete_record, update_record
from search_index.check import check_indexes
from search_index.folder import IndexFolder
from search_index.library import FOLDER_NAME, search_service, similarity_index
from search_index.synonyms import builtin_groups
from tests.precedents.conftest import make_record


def _open(data: Path) -> Library:
    """The library as the programs open it (with the built-in synonyms seeded)."""
    return Library.open(data, actor="甲", builtin_synonyms=builtin_groups)


def _check(capsys: pytest.CaptureFixture[str], data: Path) -> tuple[int, str]:
    code = main(["--data-dir", str(data), "check"])
    return code, capsys.readouterr().out


def _build_indexes(library: Library) -> None:
    """Both indexes, as a desktop leaves them."""
    similar = similarity_index(library)
    service = search_service(library, components=[similar])
    service.open()
    service.close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    library = _open(tmp_path / "data")
    with library.sessions.begin() as session:
        for n in range(3):
            create_record(session, make_record(f"K-{n}"), actor="甲")
    library.close()
    return tmp_path / "data"


def test_no_index_yet_is_a_note(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, out = _check(capsys, data)
    assert code == 0, out
    assert "提醒：搜索索引：本机还没有搜索索引" in out and "未发现问题" in out


def test_indexes_in_step_pass(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    library = _open(data)
    _build_indexes(library)
    with library.sessions.begin() as session:  # changed after the desktop closed: the feed
        delete_record(session, "K-2", actor="甲")
    library.close()
    code, out = _check(capsys, data)
    assert code == 0, out
    assert "先例 2 条" in out and "搜索索引中 2 条" in out and "相似度索引中 2 条" in out
    assert "提醒" not in out


def test_a_disagreement_is_named_and_repaired(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    library = _open(data)
    _build_indexes(library)
    with library.sessions.begin() as session:
        update_record(session, make_record("K-1", title="改过的标题"), actor="甲")
    # The index believes it has applied the change (its state was written, its commit lost).
    folder = IndexFolder(library.index_dir / FOLDER_NAME)
    state = folder.read_state()
    assert state is not None
    with library.session() as session:
        folder.write_state(replace(state, seq=last_seq(session)))
    library.close()
    code, out = _check(capsys, data)
    assert code == 0, out
    assert "1 条先例的索引与数据库不一致（版本或附件不同，或索引中缺少），已重新索引：K-1" in out
    code, out = _check(capsys, data)
    assert code == 0 and "提醒" not in out


def test_a_similarity_index_missing_records_is_refilled(data: Path) -> None:
    library = _open(data)
    try:
        _build_indexes(library)
        similar = similarity_index(library)
        similar.delete(["K-0"])
        similar.flush()
        report = check_library(library, [check_indexes])
        assert report.ok, report.problems
        assert [str(n) for n in report.notes] == [
            "相似度索引：缺少 1 条、多出 0 条先例，已按数据库重新填充"
        ]
        assert report.checked["相似度索引"] == 3
        assert sorted(similarity_index(library).codes()) == ["K-0", "K-1", "K-2"]
    finally:
        library.close()


def test_an_unreadable_index_is_rebuilt_and_said(data: Path) -> None:
    library = _open(data)
    try:
        _build_indexes(library)
        folder = IndexFolder(library.index_dir / FOLDER_NAME)
        state = folder.read_state()
        assert state is not None
        for path in (folder.root / state.build).iterdir():
            path.write_bytes(b"damaged")
        report = check_library(library, [check_indexes])
        assert report.ok, report.problems
        assert "搜索索引：索引无法读取，已按数据库重建" in [str(n) for n in report.notes]
        assert report.checked["搜索索引"] == 3
    finally:
        library.close()
