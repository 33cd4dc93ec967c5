"""Keeping the index in step with its source: sync, repair, rebuild, concurrency, hooks."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from precedents.errors import Cancelled
from precedents.record import PrecedentRecord
from search_index.folder import STATE_FILE
from search_index.results import EngineState, SearchUnavailable
from search_index.service import SearchService
from search_index.source import MemorySource
from tests.search_index.helpers import codes, corpus, make_record


def _state(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / STATE_FILE).read_text("utf-8"))
    return data


def test_a_save_is_searchable_after_sync(service: SearchService, source: MemorySource) -> None:
    assert service.search("渐冻症").total == 0
    source.save(make_record("T-201", "渐冻症患者居家照护", "肌萎缩侧索硬化，卧床。"))
    assert service.sync() == 1
    assert codes(service.search("渐冻症")) == ["T-201"]
    assert service.sync() == 0


def test_catching_up_in_steps_applies_the_feed_in_order(
    service: SearchService, source: MemorySource
) -> None:
    for number in range(5):
        source.save(make_record(f"T-30{number}", f"渐冻症患者{number}", "肌萎缩侧索硬化，卧床。"))
    first = service.catch_up(2)
    assert (first.touched, first.more) == (2, True)
    assert sorted(codes(service.search("渐冻症"))) == ["T-300", "T-301"], "searchable between"
    source.delete("T-300")
    steps = [service.catch_up(2) for _ in range(2)]
    assert [(s.touched, s.more) for s in steps] == [(2, True), (2, False)]
    assert sorted(codes(service.search("渐冻症"))) == ["T-301", "T-302", "T-303", "T-304"]
    assert service.catch_up(2).touched == 0 and service.sync() == 0


def test_changes_and_deletions_follow_the_feed(
    service: SearchService, source: MemorySource
) -> None:
    changed = source.load(["T-001"])[0]
    changed.title = "罕见病青年的药费"
    changed.situation = "胡某，患罕见病，药费很高。"
    source.save(changed)
    source.delete("T-003")
    service.sync()
    assert service.search("戈谢").total == 0
    assert codes(service.search("药费")) == ["T-001"]
    assert service.search("尿毒症").total == 0
    assert service.search("", limit=50).total == 5


def test_reopening_catches_up_and_repairs(tmp_path: Path, source: MemorySource) -> None:
    folder = tmp_path / "index"
    first = SearchService(folder, source)
    first.open()
    first.close()
    # A change the index never heard of (no change-feed entry) ...
    silent = source.load(["T-002"])[0]
    silent.title = "悄悄修改的标题 梧桐"
    with source._lock:
        silent.meta.version = 99
        source._records["T-002"] = silent
    # ... and one it will hear about.
    source.save(make_record("T-202", "新案例 木棉", "木棉花开。"))
    second = SearchService(folder, source)
    second.open()
    try:
        assert codes(second.search("梧桐")) == ["T-002"]
        assert codes(second.search("木棉")) == ["T-202"]
        assert second.verify() == 0
    finally:
        second.close()


def test_deleted_index_folder_is_rebuilt_without_losing_results(
    tmp_path: Path, source: MemorySource
) -> None:
    folder = tmp_path / "index"
    service = SearchService(folder, source)
    service.open()
    before = {q: codes(service.search(q)) for q in ("戈谢", "救助", "區:集美", "低边")}
    service.close()
    shutil.rmtree(folder)
    again = SearchService(folder, source)
    again.open()
    try:
        assert {q: codes(again.search(q)) for q in before} == before
    finally:
        again.close()


@pytest.mark.parametrize("damage", ["truncate", "garbage_toc", "missing_build"])
def test_damaged_index_is_rebuilt(tmp_path: Path, source: MemorySource, damage: str) -> None:
    folder = tmp_path / "index"
    service = SearchService(folder, source)
    service.open()
    service.close()
    build = folder / str(_state(folder)["build"])
    if damage == "truncate":
        for path in build.iterdir():
            path.write_bytes(path.read_bytes()[:7])
    elif damage == "garbage_toc":
        for path in build.glob("*.toc"):
            path.write_bytes(b"not an index")
    else:
        shutil.rmtree(build)
    again = SearchService(folder, source)
    again.open()
    try:
        assert again.state == EngineState.READY
        assert codes(again.search("戈谢")) == ["T-001"]
        assert _state(folder)["build"] != build.name
    finally:
        again.close()


def test_a_changed_configuration_rebuilds(tmp_path: Path, source: MemorySource) -> None:
    folder = tmp_path / "index"
    service = SearchService(folder, source)
    service.open()
    old_build = _state(folder)["build"]
    service.close()
    edited = SearchService(folder, source, synonyms=[("孤独症", "星星的孩子")])
    assert edited.fingerprint != _state(folder)["fingerprint"]
    edited.open()
    try:
        assert _state(folder)["build"] != old_build
        assert _state(folder)["fingerprint"] == edited.fingerprint
        result = edited.search("星星的孩子")
        assert codes(result) == ["T-005"]
        assert not (folder / str(old_build)).exists()
    finally:
        edited.close()


def test_rebuild_reports_progress_and_can_be_cancelled(
    tmp_path: Path, source: MemorySource
) -> None:
    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    service = SearchService(tmp_path / "index", source)
    with pytest.raises(Cancelled):
        service.open(cancel)
    assert service.state == EngineState.UNAVAILABLE
    with pytest.raises(SearchUnavailable):
        service.search("戈谢")
    seen: list[tuple[int, int]] = []
    service.rebuild(lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)
    assert service.state.value == "ready"
    assert codes(service.search("戈谢")) == ["T-001"]
    # A cancelled rebuild keeps the old index answering.
    with pytest.raises(Cancelled):
        service.rebuild(cancel)
    assert codes(service.search("戈谢")) == ["T-001"]
    service.close()
    assert list((tmp_path / "index").glob("ix-*"))


def test_closed_service_refuses_politely(tmp_path: Path, source: MemorySource) -> None:
    service = SearchService(tmp_path / "index", source)
    with pytest.raises(SearchUnavailable) as caught:
        service.search("戈谢")
    assert "搜索" in caught.value.message


def test_concurrent_saves_and_searches(service: SearchService, source: MemorySource) -> None:
    errors: list[BaseException] = []
    stop = threading.Event()

    def searcher() -> None:
        try:
            while not stop.is_set():
                result = service.search("救助 -戈谢", limit=5)
                assert result.total >= len(result.hits)
                service.search("案例", limit=5)
        except BaseException as exc:
            errors.append(exc)
            raise

    threads = [threading.Thread(target=searcher) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        for i in range(25):
            source.save(make_record(f"C-{i:03d}", f"并发案例{i}", f"并发保存的案例{i}，救助。"))
            service.request_sync()
            if i % 5 == 4:
                service.sync()
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert not errors
    service.sync()
    assert service.search("并发案例", limit=100).total == 25


def test_many_small_saves_are_merged(
    tmp_path: Path, source: MemorySource, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Merge only when the test says so (normally: two seconds after the last save).
    monkeypatch.setattr("search_index.service.COMPACT_DELAY", 3600.0)
    service = SearchService(tmp_path / "index", source)
    service.open()
    for i in range(12):
        source.save(make_record(f"M-{i:03d}", f"合并测试{i}", "合并测试的案例。"))
        service.sync()
    maintainer = service._maintainer
    assert maintainer is not None
    assert maintainer.compact() == 18
    assert maintainer.compact() == 0
    assert service.search("合并测试", limit=50).total == 12
    assert codes(service.search("戈谢")) == ["T-001"]
    live, snapshot = maintainer.acquire()
    try:
        assert len(snapshot.views) == 1
    finally:
        live.release(snapshot)
    service.close()


class Recorder:
    """An index component that remembers what it was told."""

    def __init__(self) -> None:
        self.codes: set[str] = set()
        self.calls: list[str] = []

    def reset(self) -> None:
        self.calls.append("reset")
        self.codes.clear()

    def upsert(self, records: Sequence[PrecedentRecord]) -> None:
        self.calls.append("upsert")
        self.codes.update(r.code for r in records)

    def delete(self, codes: Sequence[str]) -> None:
        self.calls.append("delete")
        self.codes.difference_update(codes)

    def flush(self) -> None:
        self.calls.append("flush")


def test_components_ride_on_the_same_writer(tmp_path: Path, source: MemorySource) -> None:
    recorder = Recorder()
    service = SearchService(tmp_path / "index", source, components=[recorder])
    service.open()
    assert recorder.codes == {r.code for r in corpus()}
    assert recorder.calls[0] == "reset" and recorder.calls[-1] == "flush"
    source.delete("T-001")
    source.save(make_record("T-301", "新增", "新增案例。"))
    service.sync()
    assert "T-001" not in recorder.codes and "T-301" in recorder.codes
    late = Recorder()
    service.add_component(late)
    assert late.codes == recorder.codes
    service.close()


class Failing(Recorder):
    def upsert(self, records: Sequence[PrecedentRecord]) -> None:
        if len(records) == 1:
            raise RuntimeError("component broke")
        super().upsert(records)


def test_a_failing_component_does_not_stop_the_index(tmp_path: Path, source: MemorySource) -> None:
    failing = Failing()
    service = SearchService(tmp_path / "index", source, components=[failing])
    service.open()
    source.save(make_record("T-401", "组件失败", "组件失败的案例。"))
    service.sync()
    assert codes(service.search("组件失败")) == ["T-401"]
    service.close()
    # The component was refilled from every record after its failure.
    assert "T-401" in failing.codes


def test_the_similarity_index_rides_on_the_writer(tmp_path: Path, source: MemorySource) -> None:
    from search_index.similar.index import SimilarityIndex

    similar = SimilarityIndex()
    service = SearchService(tmp_path / "index", source, components=[similar])
    service.open()
    try:
        new = make_record(
            "T-601", "戈谢病患者药费", "患戈谢病，药费很高，收入超标。", measures=("救急难",)
        )
        source.save(new)
        service.sync()
        hits = similar.query(new, limit=3, exclude={"T-601"})
        assert hits and hits[0].code == "T-001"
        source.delete("T-001")
        service.sync()
        assert "T-001" not in {h.code for h in similar.query(new, limit=10)}
    finally:
        service.close()
