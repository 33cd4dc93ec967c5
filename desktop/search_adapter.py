"""The library screen's one door to search and similar precedents.

The library page asks this module for results, facet counts and similar
precedents and never touches an engine itself, so the engine behind it can
change without the screen noticing. Everything here is Qt-free and is called
from background tasks.

The engines (Whoosh, numpy, the segmenter) are imported on first use, on a
background thread, so that the window appears without waiting for them.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from precedents.library import Library
from precedents.record import PrecedentRecord

if TYPE_CHECKING:
    from search_index.library import LibraryIndexes
    from search_index.service import SearchService

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: Facets in the order the filter panel shows them.
FACET_FIELDS: tuple[str, ...] = (
    "district",
    "hardship",
    "barrier",
    "measure",
    "level",
    "year",
    "status",
)
#: Hits fetched with snippets for the first screenful; the rest follow without.
FIRST_PAGE = 60
#: The most hits a list shows (the count says how many there are in all).
MAX_HITS = 1000


class IndexState(enum.Enum):
    CLOSED = "closed"
    OPENING = "opening"
    REBUILDING = "rebuilding"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Query:
    """What the officer asked for: typed text plus the facet values ticked."""

    text: str = ""
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not self.filters

    def values(self, field_name: str) -> tuple[str, ...]:
        return dict(self.filters).get(field_name, ())

    def toggled(self, field_name: str, value: str) -> Query:
        """This query with `value` of `field_name` ticked or unticked."""
        current = dict(self.filters)
        values = list(current.get(field_name, ()))
        if value in values:
            values.remove(value)
        else:
            values.append(value)
        if values:
            current[field_name] = tuple(values)
        else:
            current.pop(field_name, None)
        ordered = tuple((f, current[f]) for f in FACET_FIELDS if f in current)
        return replace(self, filters=ordered)

    def without_filters(self) -> Query:
        return replace(self, filters=())


@dataclass(frozen=True, slots=True)
class Hit:
    code: str
    title: str
    score: float | None
    #: A passage of the record around the matches; "" when the title says it all.
    snippet: str = ""
    #: (start, end) of matched text in `snippet` and in `title`.
    snippet_spans: tuple[tuple[int, int], ...] = ()
    title_spans: tuple[tuple[int, int], ...] = ()
    district: str = ""
    status: str = ""


@dataclass(slots=True)
class Results:
    query: Query
    total: int
    hits: list[Hit]
    #: facet field → [(value, count)], most frequent first (years newest first).
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: Synonyms the engine searched for as well (shown under the search box).
    expanded: list[str] = field(default_factory=list)
    #: What the engine read differently from what was typed.
    notes: list[str] = field(default_factory=list)
    elapsed_ms: float = 0.0


@dataclass(frozen=True, slots=True)
class SimilarHit:
    code: str
    title: str
    score: float
    close: bool
    reasons: tuple[str, ...] = ()
    decided: bool = True
    #: The general policy that now covers this precedent, if any.
    policy: str = ""


@dataclass(slots=True)
class SimilarResults:
    hits: list[SimilarHit]
    threshold: float
    #: Policies in force that already settle the matter ("此情形已有普惠政策：…").
    notices: list[str] = field(default_factory=list)
    #: False while the similarity index is still being opened.
    ready: bool = True

    @property
    def has_close(self) -> bool:
        return any(h.close for h in self.hits)


#: The calibrated score at and above which a precedent is close (the engine's
#: `CLOSE_THRESHOLD`, repeated here so that the screen need not import the engine).
CLOSE_THRESHOLD = 0.5


def _expansion(word: str, synonyms: tuple[str, ...], shown: int = 4) -> str:
    """老人（老年人、长者、高龄老人、高龄等 13 个）: a few synonyms, and how many in all."""
    listed = "、".join(synonyms[:shown])
    more = f"等 {len(synonyms)} 个" if len(synonyms) > shown else ""
    return f"{word}（{listed}{more}）"


class SearchAdapter:
    """Search (`search_index.SearchService`) and similar precedents for the library screen.

    The similarity index rides on the search service's one writer as an index
    component, kept in its own folder beside the search index; the service
    feeds it every change it applies.
    """

    SIMILAR_THRESHOLD = CLOSE_THRESHOLD

    def __init__(self, library: Library) -> None:
        from search_index.library import LibraryIndexes

        self.library = library
        self._indexes = LibraryIndexes(library)
        self._opening = False

    @property
    def indexes(self) -> LibraryIndexes:
        """The library's indexes, for the Qt-free use cases that take them (reports)."""
        return self._indexes

    @property
    def _service(self) -> SearchService | None:
        return self._indexes.service

    @property
    def state(self) -> IndexState:
        from search_index.results import EngineState

        if self._service is None:
            return IndexState.OPENING if self._opening else IndexState.CLOSED
        return {
            EngineState.CLOSED: IndexState.CLOSED,
            EngineState.OPENING: IndexState.OPENING,
            EngineState.REBUILDING: IndexState.REBUILDING,
            EngineState.READY: IndexState.READY,
            EngineState.UNAVAILABLE: IndexState.FAILED,
        }[self._service.state]

    # -- lifecycle ----------------------------------------------------------------

    def open(self, progress: Progress | None = None) -> None:
        """Open the search index (the list is usable once this returns).

        Loads the segmenter and the similarity index; rebuilds the search index
        if it is missing, damaged or was built with other synonyms or another
        vocabulary. Blocking: run it off the UI thread.
        """
        self._opening = True
        try:
            self._indexes.open(progress)
        finally:
            self._opening = False

    def open_similar(self, progress: Progress | None = None) -> None:
        """Refill the similarity index if it does not hold exactly the library's precedents."""
        self._indexes.ensure_similar(progress)

    @property
    def similar_ready(self) -> bool:
        return self._indexes.similar_index is not None and self._indexes.similar_checked

    def sync(self) -> int:
        """Catch up with saves, deletions and imports (through the index writer).

        Returns how many precedents the index took in (0 when it was in step).
        """
        return self._indexes.sync()

    def catch_up(self, limit: int) -> tuple[int, bool]:
        """One step of `sync`: at most `limit` changes of the feed.

        Returns (precedents taken in, whether more changes are waiting).
        """
        return self._indexes.catch_up(limit)

    def rebuild(self, progress: Progress | None = None) -> None:
        """Rebuild from the database, with the synonyms and vocabulary as now stored."""
        self._indexes.rebuild(progress)

    def close(self) -> None:
        self._indexes.close()

    def apply_settings(self) -> None:
        """New similarity weights or 低保 lines take effect at the next query."""
        self._indexes.apply_settings()

    def search(
        self, query: Query, limit: int = FIRST_PAGE, offset: int = 0, snippets: bool = True
    ) -> Results:
        """Hits `offset` to `offset + limit` of `query`, with the total and facet counts."""
        service = self._service
        if service is None:
            from search_index.results import SearchUnavailable

            raise SearchUnavailable("search.closed")
        started = time.perf_counter()
        filters = {name: list(values) for name, values in query.filters}
        result = service.search(
            query.text,
            limit=limit,
            offset=offset,
            filters=filters or None,
            snippets=snippets,
        )
        hits = [
            Hit(
                code=hit.code,
                title=hit.title,
                score=hit.score,
                snippet=hit.snippet,
                snippet_spans=tuple(hit.highlights),
                title_spans=tuple(hit.title_highlights),
                district=hit.district,
                status=hit.status,
            )
            for hit in result.hits
        ]
        expanded = [_expansion(word, also) for word, also in result.expanded_terms.items() if also]
        notes = list(result.notes)
        if result.stale:
            notes.append("搜索索引正在按新的词典或同义词重建，结果可能不完整")
        elapsed = (time.perf_counter() - started) * 1000
        facets = {name: list(result.facets.get(name, [])) for name in FACET_FIELDS}
        return Results(query, result.total, hits, facets, expanded, notes, elapsed)

    # -- similar precedents -------------------------------------------------------

    def similarity_weights(self) -> list[tuple[str, str, float]]:
        """(name, label, default) of each editable similarity weight."""
        from search_index.similar.settings import ATTRIBUTE_LABELS, AttributeWeights

        return [(name, ATTRIBUTE_LABELS[name], value) for name, value in AttributeWeights().items()]

    def similar(
        self, record: PrecedentRecord, limit: int = 8, exclude: str | None = None
    ) -> SimilarResults:
        """The most similar precedents to `record` (a saved precedent or a draft matter)."""
        from search_index.library import coverage

        if not self._indexes.has_similar:
            return SimilarResults([], CLOSE_THRESHOLD, ready=False)
        # Not read from its folder yet (the first results come first): read it now,
        # on this background thread, rather than tell the officer to try again.
        found = coverage(self.library, record)
        hits = self._indexes.similar(
            record, limit, exclude=[exclude] if exclude else (), covered=found.covered
        )
        return SimilarResults(
            [
                SimilarHit(
                    code=hit.code,
                    title=hit.title,
                    score=hit.score,
                    close=hit.close,
                    reasons=tuple(reason.text for reason in hit.reasons),
                    decided=hit.decided,
                    policy=hit.policy,
                )
                for hit in hits
            ],
            CLOSE_THRESHOLD,
            found.notices,
        )
