"""Open index segments, per-segment arrays, and snapshots that searches run on.

A `Snapshot` is one committed generation of the index: its segments, which of
their documents are live, and the per-segment arrays searches need (field
lengths, numeric columns, keyword postings). Searches run on a snapshot while
the single writer commits the next one; a snapshot is closed only after the
last search using it has finished.

Segments never change once written (deletions live in the table of contents),
so open segment readers and their arrays are shared by every snapshot that
contains the segment and are only built for new segments. Whoosh readers seek
in shared files, so every read through one segment reader holds that
segment's lock; the numpy work runs outside it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC
from whoosh.reading import SegmentReader

from search_index.postings import (
    FloatArray,
    IntArray,
    field_terms,
    read_lengths,
    read_numeric_column,
    read_postings,
)
from search_index.schema import BIGRAM, COLUMNS, KEYWORD_FIELDS, SECTIONS

INDEX_NAME = "MAIN"
SCORED_FIELDS: tuple[str, ...] = (*SECTIONS, *BIGRAM.values())

#: Upper bound of cached postings and derived arrays of one open index, in array
#: elements (8 bytes each: document number and frequency): at most 128 MB.
_CACHE_ELEMENTS = 16_000_000

T = TypeVar("T")


class ArrayCache:
    """A small LRU of arrays, bounded by their total number of elements."""

    def __init__(self, budget: int = _CACHE_ELEMENTS) -> None:
        self._items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._size = 0
        self._budget = budget
        self._lock = threading.Lock()

    def get_or_compute(self, key: Any, compute: Callable[[], T], size: Callable[[T], int]) -> T:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found[0]  # type: ignore[no-any-return]
        value = compute()
        n = size(value)
        with self._lock:
            if key not in self._items:
                self._items[key] = (value, n)
                self._size += n
            while self._size > self._budget and len(self._items) > 1:
                _, (_, dropped) = self._items.popitem(last=False)
                self._size -= dropped
        return value


def _pair_size(value: tuple[IntArray, FloatArray]) -> int:
    return int(value[0].size) + 16


class SegmentCache:
    """One segment's share of the index-wide cache (keys carry the segment id)."""

    def __init__(self, shared: ArrayCache, segment_id: str) -> None:
        self._shared = shared
        self._id = segment_id

    def get_or_compute(self, key: Any, compute: Callable[[], T], size: Callable[[T], int]) -> T:
        return self._shared.get_or_compute((self._id, key), compute, size)


class OpenSegment:
    """One segment's reader, its lock, and arrays derived from it."""

    def __init__(
        self, storage: FileStorage, schema: Any, segment: Any, generation: int, cache: ArrayCache
    ) -> None:
        self.id: str = segment.segment_id()
        self.reader = SegmentReader(storage, schema, segment, generation=generation)
        self.ndocs: int = segment.doc_count_all()
        self.lock = threading.Lock()
        self.refs = 0
        self.cache = SegmentCache(cache, self.id)
        with self.lock:
            self.lengths: dict[str, FloatArray] = {
                name: read_lengths(self.reader, name, self.ndocs) for name in SCORED_FIELDS
            }
            self.columns: dict[str, npt.NDArray[Any]] = {
                name: read_numeric_column(self.reader, name, code, self.ndocs)
                for name, code in COLUMNS.items()
            }
            self.keywords: dict[str, dict[str, IntArray]] = {
                name: {
                    term: read_postings(self.reader, name, term)[0]
                    for term in field_terms(self.reader, name)
                }
                for name in KEYWORD_FIELDS
            }
            if self.ndocs:
                # Open the stored-fields file now: a merge may delete this segment's
                # files while a search still reads it (POSIX keeps open files readable).
                self.reader.stored_fields(0)

    def postings(self, field_name: str, term: str) -> tuple[IntArray, FloatArray]:
        def compute() -> tuple[IntArray, FloatArray]:
            with self.lock:
                return read_postings(self.reader, field_name, term)

        return self.cache.get_or_compute(("p", field_name, term), compute, _pair_size)

    def stored(self, docnum: int) -> dict[str, Any]:
        with self.lock:
            return dict(self.reader.stored_fields(docnum))

    def docnums(self, code: str) -> IntArray:
        """Documents of this segment indexed under `code` (live or not)."""
        with self.lock:
            return read_postings(self.reader, "code", code)[0]

    def close(self) -> None:
        with self.lock:
            if not self.reader.is_closed:
                self.reader.close()


@dataclass
class SegmentView:
    """A segment as seen by one snapshot: its live documents and its offset."""

    segment: OpenSegment
    live: npt.NDArray[np.bool_]
    offset: int


@dataclass(eq=False)
class Snapshot:
    """One committed generation of the index, shared by concurrent searches."""

    generation: int
    views: list[SegmentView]
    doc_count: int
    avg_length: dict[str, float]
    users: int = 0
    retired: bool = False
    _known: dict[str, list[str]] | None = None

    def known_values(self) -> dict[str, list[str]]:
        """Values present in the keyword fields that filters resolve against."""
        if self._known is None:
            self._known = {
                name: sorted(self.keyword_values(name))
                for name in ("district", "street", "tag", "year", "status")
            }
        return self._known

    def keyword_values(self, name: str) -> dict[str, int]:
        """Value → live document count of a keyword field."""
        counts: dict[str, int] = {}
        for view in self.views:
            for value, ids in view.segment.keywords[name].items():
                n = int(view.live[ids].sum())
                if n:
                    counts[value] = counts.get(value, 0) + n
        return counts

    def stored(self, global_doc: int) -> dict[str, Any]:
        for view in self.views:
            if view.offset <= global_doc < view.offset + view.segment.ndocs:
                return view.segment.stored(global_doc - view.offset)
        raise IndexError(global_doc)

    def locate(self, code: str) -> list[int]:
        """Global numbers of the live documents indexed under `code`."""
        out: list[int] = []
        for view in self.views:
            for docnum in view.segment.docnums(code).tolist():
                if view.live[docnum]:
                    out.append(view.offset + docnum)
        return out

    def codes_in(self, view: SegmentView) -> list[str]:
        """Codes of the live documents of one segment."""
        return [
            str(view.segment.stored(d).get("code", "")) for d in np.nonzero(view.live)[0].tolist()
        ]

    def versions(self) -> dict[str, int]:
        """Code → version of every live document."""
        return {code: version for code, (version, _digest) in self.stamps().items()}

    def stamps(self) -> dict[str, tuple[int, int]]:
        """Code → (version, attachments fingerprint) of every live document."""
        out: dict[str, tuple[int, int]] = {}
        for view in self.views:
            versions = view.segment.columns["version"]
            digests = view.segment.columns["attachments"]
            for docnum in np.nonzero(view.live)[0].tolist():
                code = view.segment.stored(docnum).get("code")
                if code:
                    out[code] = (int(versions[docnum]), int(digests[docnum]))
        return out


class ReaderPool:
    """Opens segments once and builds snapshots of the current generation."""

    def __init__(self, storage: FileStorage) -> None:
        self.storage = storage
        self._open: dict[str, OpenSegment] = {}
        self._lock = threading.Lock()
        # Postings of merged-away segments age out of it like any other entry.
        self.cache = ArrayCache()

    def snapshot(self) -> Snapshot:
        """A snapshot of the newest committed generation (arrays loaded)."""
        toc = TOC.read(self.storage, INDEX_NAME)
        views: list[SegmentView] = []
        offset = 0
        with self._lock:
            for segment in toc.segments:
                seg = self._open.get(segment.segment_id())
                if seg is None:
                    seg = OpenSegment(self.storage, toc.schema, segment, toc.generation, self.cache)
                    self._open[seg.id] = seg
                seg.refs += 1
                live = np.ones(seg.ndocs, dtype=np.bool_)
                if segment.has_deletions():
                    deleted = [d for d in segment.deleted_docs() if d < seg.ndocs]
                    live[np.asarray(deleted, dtype=np.int64)] = False
                views.append(SegmentView(seg, live, offset))
                offset += seg.ndocs
        doc_count = int(sum(int(v.live.sum()) for v in views))
        return Snapshot(toc.generation, views, doc_count, _average_lengths(views))

    def release(self, snapshot: Snapshot) -> None:
        """Forget a snapshot; close segments that no snapshot uses any more."""
        with self._lock:
            for view in snapshot.views:
                seg = view.segment
                seg.refs -= 1
                if seg.refs <= 0 and self._open.get(seg.id) is seg:
                    del self._open[seg.id]
                    seg.close()

    def close(self) -> None:
        with self._lock:
            for seg in self._open.values():
                seg.close()
            self._open.clear()


def _average_lengths(views: list[SegmentView]) -> dict[str, float]:
    out: dict[str, float] = {}
    for name in SCORED_FIELDS:
        total = 0.0
        count = 0
        for view in views:
            total += float(view.segment.lengths[name][view.live].sum())
            count += int(view.live.sum())
        out[name] = total / count if count and total else 1.0
    return out
