"""Writing changes into the live build: saved and deleted records, merging small segments.

`write_changes` replaces the documents of changed records and removes deleted
ones in one new segment, without merging (a save must not wait for a merge);
`small_segments` says when enough small segments have piled up, and
`merge_small_segments` rewrites them as one. `search_index.maintenance.Maintainer`
calls these on the writer thread; it loads the records and tells the
components.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from whoosh.writing import NO_MERGE

from precedents.record import PrecedentRecord
from search_index.analysis import Segmenter
from search_index.bulk import SegmentBuilder
from search_index.folder import LOCK_TIMEOUT, LiveIndex
from search_index.schema import document

#: Segments smaller than this are merged once there are `MAX_SMALL_SEGMENTS` of them.
SMALL_SEGMENT = 2000
MAX_SMALL_SEGMENTS = 8


def write_changes(
    live: LiveIndex,
    records: Sequence[PrecedentRecord],
    remove: Iterable[str],
    segmenter: Segmenter,
) -> None:
    """Index `records` (replacing their old documents) and remove the records `remove`."""
    writer = SegmentBuilder(live.ix, compression=0, timeout=LOCK_TIMEOUT)
    try:
        _delete(writer, live, [*(r.code for r in records), *remove])
        for record in records:
            writer.add_document(**document(record, segmenter))
        # Small segments are merged by `merge_small_segments`, off the path of a save.
        writer.commit(mergetype=NO_MERGE)
    except BaseException:
        writer.cancel()
        raise
    live.refresh()


def _delete(writer: Any, live: LiveIndex, codes: Iterable[str]) -> None:
    snapshot = live.current
    if snapshot is None or snapshot.generation != writer.generation - 1:
        # The snapshot is always the newest commit (this is the only writer);
        # if it is not, find the documents through Whoosh instead.
        for code in codes:
            writer.delete_by_term("code", code)
        return
    for code in codes:
        for docnum in snapshot.locate(code):
            writer.delete_document(docnum)


def small_segments(live: LiveIndex | None) -> list[str]:
    """Ids of the small segments, when there are enough of them to merge; else []."""
    snapshot = live.current if live is not None else None
    if snapshot is None:
        return []
    small = [v for v in snapshot.views if v.segment.ndocs < SMALL_SEGMENT]
    if len(small) < MAX_SMALL_SEGMENTS:
        return []
    return [v.segment.id for v in small]


def merge_small_segments(
    live: LiveIndex,
    load: Callable[[list[str]], list[PrecedentRecord]],
    segmenter: Segmenter,
) -> int:
    """Rewrite the small segments as one from `load`'s records; returns the records written."""
    snapshot = live.current
    small_ids = set(small_segments(live))
    if snapshot is None or not small_ids:
        return 0
    codes = [c for v in snapshot.views if v.segment.id in small_ids for c in snapshot.codes_in(v)]
    records = load(codes)
    writer = SegmentBuilder(live.ix, timeout=LOCK_TIMEOUT)
    try:
        for record in records:
            writer.add_document(**document(record, segmenter))

        def drop_small(_writer: Any, segments: list[Any]) -> list[Any]:
            return [s for s in segments if s.segment_id() not in small_ids]

        writer.commit(mergetype=drop_small)
    except BaseException:
        writer.cancel()
        raise
    live.refresh()
    return len(records)
