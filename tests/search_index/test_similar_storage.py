"""Saving, loading and journalling the similarity index; corruption and version checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search_index.similar import SimilarityIndex, SimilarityIndexUnusable
from search_index.similar.storage import FORMAT_VERSION, MANIFEST
from tests.search_index.similar_cases import (
    case,
    dialysis_matter,
    library,
    pasted,
    unrelated_matter,
)

QUERIES = (dialysis_matter(), unrelated_matter(), pasted("独居老人跌倒，子女在外地"))


def ranking(index: SimilarityIndex) -> list[list[tuple[str, float]]]:
    return [[(h.code, round(h.score, 9)) for h in index.query(q, 6)] for q in QUERIES]


def data_file(folder: Path, prefix: str) -> Path:
    return next(p for p in folder.iterdir() if p.name.startswith(prefix))


@pytest.fixture
def saved(tmp_path: Path) -> tuple[SimilarityIndex, Path]:
    folder = tmp_path / "similar"
    return SimilarityIndex.build(library(), folder=folder), folder


def test_save_and_load_give_the_same_answers(saved: tuple[SimilarityIndex, Path]) -> None:
    index, folder = saved
    loaded = SimilarityIndex.open(folder)
    assert sorted(loaded.codes()) == sorted(index.codes())
    assert ranking(loaded) == ranking(index)
    first = loaded.query(dialysis_matter(), 1)[0]
    assert [r.text for r in first.reasons] == [
        r.text for r in index.query(dialysis_matter(), 1)[0].reasons
    ]


def test_open_on_an_empty_folder_gives_an_empty_index(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    index = SimilarityIndex.open(folder)
    assert len(index) == 0
    index.upsert(library())
    index.flush()
    assert (folder / MANIFEST).is_file()
    assert ranking(SimilarityIndex.open(folder)) == ranking(index)


def test_flushed_changes_are_journalled_and_replayed(saved: tuple[SimilarityIndex, Path]) -> None:
    _, folder = saved
    index = SimilarityIndex.open(folder)
    columns_before = data_file(folder, "columns-").read_bytes()
    index.upsert([case("T-DI-4", title="血透患者", situation="尿毒症血透，收入略超低保标准。")])
    index.delete(["T-EL-2"])
    index.flush()
    assert data_file(folder, "columns-").read_bytes() == columns_before, (
        "a small change is journalled"
    )
    assert data_file(folder, "journal-").stat().st_size > 0
    reopened = SimilarityIndex.open(folder)
    assert "T-DI-4" in reopened and "T-EL-2" not in reopened
    assert ranking(reopened) == ranking(index)


def test_a_full_save_replaces_the_previous_generation(saved: tuple[SimilarityIndex, Path]) -> None:
    index, folder = saved
    index.upsert([case("T-X", title="新增", situation="新增案例")])
    index.save()
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if n.startswith("columns-")]) == 1
    assert not [n for n in names if n.startswith("journal-")]
    assert not [n for n in names if n.endswith(".tmp")]


def assert_unusable(folder: Path, code: str) -> SimilarityIndexUnusable:
    with pytest.raises(SimilarityIndexUnusable) as caught:
        SimilarityIndex.open(folder)
    assert caught.value.code == code
    assert str(folder) in caught.value.message
    assert "需要重建" in caught.value.message
    return caught.value


def test_a_damaged_data_file_is_detected(saved: tuple[SimilarityIndex, Path]) -> None:
    _, folder = saved
    path = data_file(folder, "columns-")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert "校验和不符" in assert_unusable(folder, "similar.index_corrupt").reason


def test_a_truncated_data_file_is_detected(saved: tuple[SimilarityIndex, Path]) -> None:
    _, folder = saved
    path = data_file(folder, "strings-")
    path.write_bytes(path.read_bytes()[:-10])
    assert_unusable(folder, "similar.index_corrupt")


def test_a_missing_manifest_is_detected(saved: tuple[SimilarityIndex, Path]) -> None:
    _, folder = saved
    (folder / MANIFEST).unlink()
    assert_unusable(folder, "similar.index_corrupt")


def test_a_missing_data_file_is_detected(saved: tuple[SimilarityIndex, Path]) -> None:
    _, folder = saved
    data_file(folder, "columns-").unlink()
    assert_unusable(folder, "similar.index_corrupt")


def test_a_torn_journal_line_is_detected(saved: tuple[SimilarityIndex, Path]) -> None:
    _, folder = saved
    index = SimilarityIndex.open(folder)
    index.upsert([case("T-J", title="日志", situation="日志测试")])
    index.flush()
    journal = data_file(folder, "journal-")
    journal.write_bytes(journal.read_bytes()[:-15])
    assert "journal" in assert_unusable(folder, "similar.index_corrupt").reason


def test_another_format_version_means_rebuild(saved: tuple[SimilarityIndex, Path]) -> None:
    _, folder = saved
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    manifest["format"] = FORMAT_VERSION + 1
    (folder / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    assert_unusable(folder, "similar.index_outdated")


def test_other_analysis_rules_mean_rebuild(saved: tuple[SimilarityIndex, Path]) -> None:
    _, folder = saved
    with pytest.raises(SimilarityIndexUnusable) as caught:
        SimilarityIndex.open(folder, extra_synonym_groups=[("尿毒症", "慢性肾衰竭")])
    assert caught.value.code == "similar.index_outdated"


def test_a_rebuild_over_a_corrupt_folder_works(saved: tuple[SimilarityIndex, Path]) -> None:
    index, folder = saved
    (folder / MANIFEST).write_text("{broken", "utf-8")
    assert_unusable(folder, "similar.index_corrupt")
    SimilarityIndex.build(library(), folder=folder)
    assert ranking(SimilarityIndex.open(folder)) == ranking(index)


def test_a_copy_elsewhere_leaves_the_own_folder_journal_intact(
    saved: tuple[SimilarityIndex, Path], tmp_path: Path
) -> None:
    _, folder = saved
    index = SimilarityIndex.open(folder)
    index.save(tmp_path / "copy")
    index.upsert([case("T-AFTER-COPY", title="复制之后", situation="复制之后新增")])
    index.flush()
    assert "T-AFTER-COPY" in SimilarityIndex.open(folder)
    assert "T-AFTER-COPY" not in SimilarityIndex.open(tmp_path / "copy")
