"""The similarity index: ranking, the close threshold, ordering ties, incremental changes."""

from __future__ import annotations

import datetime as dt

import pytest

from precedents.errors import Cancelled
from precedents.record import PrecedentRecord, RecordMeta, Status
from search_index.similar import CLOSE_THRESHOLD, SimilarityIndex
from search_index.similar import index as index_module
from tests.search_index.similar_cases import (
    case,
    dialysis_matter,
    library,
    matter,
    pasted,
    unrelated_matter,
)


@pytest.fixture
def index() -> SimilarityIndex:
    return SimilarityIndex.build(library())


def test_a_dialysis_matter_finds_the_dialysis_precedents_first(index: SimilarityIndex) -> None:
    hits = index.query(dialysis_matter(), limit=5)
    assert {h.code for h in hits[:3]} == {"T-DI-1", "T-DI-2", "T-DI-3"}
    assert all(h.close for h in hits[:3])
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_pasted_paragraph_finds_the_same_kind_of_matter(index: SimilarityIndex) -> None:
    text = "八十八岁的老人独自居住，子女都在外地，前几天在家摔倒，生活起居没人照顾。"
    hits = index.query(pasted(text), limit=3)
    assert {h.code for h in hits} == {"T-EL-1", "T-EL-2", "T-EL-3"}
    assert hits[0].close


def test_an_unrelated_matter_gets_no_close_precedent(index: SimilarityIndex) -> None:
    hits = index.query(unrelated_matter(), limit=5)
    assert hits, "the best available precedents are still listed"
    assert not any(h.close for h in hits)
    assert hits[0].score < CLOSE_THRESHOLD


def test_scores_are_calibrated_into_the_unit_interval(index: SimilarityIndex) -> None:
    for query in (dialysis_matter(), unrelated_matter()):
        for hit in index.query(query, limit=13):
            assert 0.0 <= hit.score <= 1.0
            assert hit.close == (hit.score >= CLOSE_THRESHOLD)


def test_a_record_is_never_its_own_precedent(index: SimilarityIndex) -> None:
    first = library()[0]
    codes = [h.code for h in index.query(first, limit=20)]
    assert first.code not in codes
    assert len(codes) == len(library()) - 1


def test_excluded_codes_are_left_out(index: SimilarityIndex) -> None:
    hits = index.query(dialysis_matter(), limit=3, exclude={"T-DI-1"})
    assert "T-DI-1" not in {h.code for h in hits}


def twin(code: str, *, decided: bool, day: dt.date) -> PrecedentRecord:
    """The dialysis matter's own text under another code, decided or not, filed on `day`."""
    record = dialysis_matter().copy(code=code, filed_on=day)
    if decided:
        record.decided_on = day + dt.timedelta(days=20)
        record.decision = "纳入低保边缘家庭，给予医疗救助。"
    else:
        record.meta = RecordMeta(status=Status.UNDER_REVIEW)
    return record


def test_at_equal_similarity_decided_precedents_come_first() -> None:
    index = SimilarityIndex.build(
        [
            twin("UNDECIDED-NEW", decided=False, day=dt.date(2024, 6, 1)),
            twin("DECIDED-OLD", decided=True, day=dt.date(2021, 6, 1)),
            *library(),
        ]
    )
    hits = index.query(dialysis_matter(), limit=2)
    assert [h.code for h in hits] == ["DECIDED-OLD", "UNDECIDED-NEW"]
    assert round(hits[0].score, 2) == round(hits[1].score, 2)
    assert hits[0].decided and not hits[1].decided


def test_at_equal_similarity_newer_precedents_come_first() -> None:
    index = SimilarityIndex.build(
        [
            twin("OLDER", decided=True, day=dt.date(2021, 2, 1)),
            twin("NEWER", decided=True, day=dt.date(2024, 2, 1)),
            *library(),
        ]
    )
    hits = index.query(dialysis_matter(), limit=2)
    assert [h.code for h in hits] == ["NEWER", "OLDER"]


def test_upsert_adds_and_replaces(index: SimilarityIndex) -> None:
    fresh = case(
        "T-DI-4",
        title="青年血透患者与父母同户收入略超",
        situation="张某，30岁，尿毒症血透两年，与父母同户，家庭收入略超低保标准。",
        hardships=["重病", "支出型贫困"],
        barriers=["收入超标"],
        household_size=3,
        monthly_income=3700,
    )
    assert index.upsert([fresh]) == 1
    assert "T-DI-4" in index and len(index) == 14
    assert "T-DI-4" in {h.code for h in index.query(dialysis_matter(), limit=4)}
    changed = fresh.copy(
        title="台风损毁渔船", situation="渔民出海遇台风，渔船沉没。", hardships=["因灾"]
    )
    index.upsert([changed])
    assert len(index) == 14
    assert "T-DI-4" not in {h.code for h in index.query(dialysis_matter(), limit=4)}
    fishing = matter("NEW-FISH", title="渔船遇台风沉没", situation="渔民的渔船在台风中沉没。")
    assert "T-DI-4" in {h.code for h in index.query(fishing, limit=3)}


def test_delete_removes_and_ignores_unknown_codes(index: SimilarityIndex) -> None:
    assert index.delete(["T-DI-1", "NO-SUCH-CODE"]) == 1
    assert "T-DI-1" not in index and len(index) == 12
    assert "T-DI-1" not in {h.code for h in index.query(dialysis_matter(), limit=12)}
    assert index.delete(["T-DI-1"]) == 0


def test_reset_forgets_everything(index: SimilarityIndex) -> None:
    index.reset()
    assert len(index) == 0
    assert index.query(dialysis_matter(), limit=5) == []
    index.upsert(library()[:3])
    index.flush()
    assert len(index) == 3


def test_incremental_rows_score_like_a_fresh_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows added after a compaction (the delta postings) rank as a rebuild would rank them."""
    monkeypatch.setattr(index_module, "COMPACT_MIN_ROWS", 1000)
    records = library()
    growing = SimilarityIndex.build(records[:8])
    growing.upsert(records[8:])
    growing.flush()
    assert growing._main_end == 8, "the last rows must live in the delta postings"
    fresh = SimilarityIndex.build(records)
    for query in (dialysis_matter(), unrelated_matter(), pasted("独居老人无人照护")):
        assert [h.code for h in growing.query(query, 5)] == [h.code for h in fresh.query(query, 5)]
    growing._refresh(force_compaction=True)
    for query in (dialysis_matter(), unrelated_matter()):
        expected = [(h.code, round(h.score, 6)) for h in fresh.query(query, 5)]
        assert [(h.code, round(h.score, 6)) for h in growing.query(query, 5)] == expected


def test_many_changes_trigger_compaction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "COMPACT_MIN_ROWS", 2)
    index = SimilarityIndex.build(library())
    index.delete(["T-CC-1", "T-CC-2", "T-CC-3"])
    index.flush()
    assert index._store.n_rows == len(index) == 10, "dead rows are dropped"


def test_text_only_reference_ranks_by_cosine(index: SimilarityIndex) -> None:
    hits = index.query_text(dialysis_matter(), limit=3)
    assert [code for code, _ in hits][:1] == ["T-DI-1"]
    scores = [score for _, score in hits]
    assert scores == sorted(scores, reverse=True) and 0 < scores[0] <= 1.0


def test_build_reports_progress_and_can_be_cancelled() -> None:
    seen: list[tuple[int, int]] = []
    SimilarityIndex.build(library(), progress=lambda d, t: seen.append((d, t)), total=13)
    assert seen[-1] == (13, 13)

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        SimilarityIndex.build(library(), progress=cancel)


def test_changed_settings_apply_without_rebuilding(index: SimilarityIndex) -> None:
    before = index.query(dialysis_matter(), limit=1)[0]
    index.settings.weights.text = 0.0
    after = index.query(dialysis_matter(), limit=1)[0]
    text = next(r for r in after.reasons if r.kind == "attribute" and r.attribute == "text")
    assert text.points == 0.0
    assert after.raw != before.raw
