"""The library screen's door to the engines: open, search, follow saves, similar precedents."""

from __future__ import annotations

import shutil

from desktop.search_adapter import FACET_FIELDS, IndexState, Query, SearchAdapter
from precedents.library import Library
from precedents.store.precedents import create_record, get_record
from tests.desktop.conftest import sample


def opened(library: Library) -> SearchAdapter:
    adapter = SearchAdapter(library)
    adapter.open()
    adapter.open_similar()
    return adapter


def test_search_with_filters_facets_and_snippets(library: Library) -> None:
    adapter = opened(library)
    try:
        assert adapter.state is IndexState.READY and adapter.similar_ready
        everything = adapter.search(Query())
        assert everything.total == 4 and set(everything.facets) == set(FACET_FIELDS)
        found = adapter.search(Query("戈谢"))
        assert [hit.code for hit in found.hits] == ["T-HC-2024-001"]
        hit = found.hits[0]
        assert any(hit.title[a:b] == "戈谢" for a, b in hit.title_spans)
        narrowed = adapter.search(Query("", (("district", ("集美区",)),)))
        assert {hit.code for hit in narrowed.hits} == {"T-JM-2023-001", "T-JM-2024-002"}
        page = adapter.search(Query(), limit=2, offset=2, snippets=False)
        assert len(page.hits) == 2 and page.total == 4
    finally:
        adapter.close()


def test_saves_reach_search_and_similarity_after_sync(library: Library) -> None:
    adapter = opened(library)
    try:
        new = sample(
            "T-SM-2024-009",
            title="渐冻症患者居家护理费用高",
            situation="患肌萎缩侧索硬化，卧床，护理费用高。",
            hardships=["重病", "失能"],
        )
        with library.sessions.begin() as session:
            create_record(session, new, actor="测试员")
        adapter.sync()
        assert [h.code for h in adapter.search(Query("渐冻症")).hits] == ["T-SM-2024-009"]
        with library.session() as session:
            saved = get_record(session, "T-SM-2024-009")
        similar = adapter.similar(saved, limit=3)
        assert similar.ready and all(h.code != "T-SM-2024-009" for h in similar.hits)
    finally:
        adapter.close()


def test_a_lost_similarity_index_is_refilled(library: Library) -> None:
    opened(library).close()
    shutil.rmtree(library.index_dir / "similar")
    adapter = SearchAdapter(library)
    adapter.open()
    try:
        with library.session() as session:
            record = get_record(session, "T-JM-2024-002")
        assert not adapter.similar_ready
        adapter.open_similar()
        results = adapter.similar(record, limit=3)
        assert results.ready and results.hits
        assert all(h.reasons for h in results.hits)
    finally:
        adapter.close()
