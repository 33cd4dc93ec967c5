"""Building the index: the bulk writer, worker processes, the dev evaluation set."""

from __future__ import annotations

from pathlib import Path

import pytest

from search_index.service import SearchService
from search_index.source import MemorySource
from tests.search_index.helpers import codes, corpus

QUERIES = ("戈谢", "征地养老", "救助", "低边", "区:集美", "尿毒 -白血病", '"急性淋巴细胞白血病"')


def _answers(service: SearchService) -> dict[str, tuple[int, list[str]]]:
    return {q: (service.search(q).total, codes(service.search(q))) for q in QUERIES}


def test_saved_one_by_one_equals_built_in_bulk(tmp_path: Path) -> None:
    bulk_source = MemorySource(corpus())
    bulk = SearchService(tmp_path / "bulk", bulk_source)
    bulk.open()
    incremental_source = MemorySource()
    incremental = SearchService(tmp_path / "incremental", incremental_source)
    incremental.open()
    for record in corpus():
        incremental_source.save(record)
        incremental.sync()
    try:
        assert _answers(incremental) == _answers(bulk)
    finally:
        bulk.close()
        incremental.close()


@pytest.mark.slow
def test_worker_processes_build_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = corpus() * 1
    source = MemorySource(records)
    single = SearchService(tmp_path / "single", source)
    single.open()
    monkeypatch.setattr("search_index.maintenance.build_processes", lambda total: 2)
    parallel = SearchService(tmp_path / "parallel", source)
    seen: list[tuple[int, int]] = []
    parallel.open(lambda done, total: seen.append((done, total)))
    try:
        assert seen[-1] == (6, 6)
        assert _answers(parallel) == _answers(single)
    finally:
        single.close()
        parallel.close()


@pytest.mark.slow
def test_dev_set_meets_the_quality_targets(dev_dir: Path) -> None:
    from bench.eval_search import TARGET_NDCG, TARGET_RECALL, evaluate

    scored, slices, _ = evaluate(dev_dir)
    recall = sum(s.recall5 for s in scored) / len(scored)
    ndcg = sum(s.ndcg10 for s in scored) / len(scored)
    assert recall >= TARGET_RECALL
    assert ndcg >= TARGET_NDCG
    assert slices["traditional"] and slices["district"]


def test_without_worker_processes_the_build_runs_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no processes on this PC")

    monkeypatch.setattr("search_index.maintenance.build_processes", lambda total: 2)
    monkeypatch.setattr("search_index.maintenance.parallel_build", unavailable)
    service = SearchService(tmp_path / "index", MemorySource(corpus()))
    service.open()
    try:
        assert codes(service.search("戈谢")) == ["T-001"]
    finally:
        service.close()
