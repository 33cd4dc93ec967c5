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
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from precedents.library import Library
from precedents.patterns.models import PolicyCoverageRow, PolicyRow
from precedents.record import PrecedentRecord

if TYPE_CHECKING:
    from search_index.service import SearchService
    from search_index.similar import SimilarityIndex, SimilaritySettings

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


def similarity_settings(library: Library) -> SimilaritySettings:
    """The similarity engine's settings from the shared settings file (defaults if unusable)."""
    from search_index.similar import SettingsInvalid, SimilaritySettings

    data = {
        "weights": dict(library.settings.similarity_weights),
        "poverty_line_by_year": dict(library.settings.dibao_lines),
    }
    try:
        return SimilaritySettings.from_dict(data)
    except SettingsInvalid as exc:
        log.warning("similarity settings unusable, using defaults: %s", exc.message)
        return SimilaritySettings()


class SearchAdapter:
    """Search (`search_index.SearchService`) and similar precedents for the library screen.

    The similarity index rides on the search service's one writer as an index
    component, kept in its own folder beside the search index; the service
    feeds it every change it applies.
    """

    SIMILAR_THRESHOLD = CLOSE_THRESHOLD

    def __init__(self, library: Library) -> None:
        self.library = library
        self._service: SearchService | None = None
        self._similar: SimilarityIndex | None = None
        self._similar_checked = False
        self._opening = False
        self._lock = threading.Lock()

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
        from search_index.library import search_service

        self._opening = True
        try:
            similar = self._open_similar_folder()
            service = search_service(self.library, components=[similar])
            self._similar, self._service = similar, service
            service.open(progress)
        finally:
            self._opening = False

    def open_similar(self, progress: Progress | None = None) -> None:
        """Refill the similarity index if it does not hold exactly the library's precedents.

        Its folder can be missing or older than the search index (deleted, or
        written by another version); refilling takes a few seconds at 10,000
        precedents and runs after the list is usable.
        """
        service, similar = self._service, self._similar
        if service is None or similar is None:
            return
        wanted = set(self.library.record_source().versions())
        if set(similar.codes()) != wanted:
            service.replay(similar, progress)
        self._similar_checked = True

    @property
    def similar_ready(self) -> bool:
        return self._similar is not None and self._similar_checked

    def sync(self) -> None:
        """Catch up with saves, deletions and imports (through the index writer)."""
        if self._service is not None:
            self._service.sync()

    def rebuild(self, progress: Progress | None = None) -> None:
        """Rebuild from the database, with the synonyms and vocabulary as now stored."""
        from search_index.library import search_service

        with self._lock:
            old, similar = self._service, self._similar
            if old is None or similar is None:
                return
            self.library.vocabulary(reload=True)
            fresh = search_service(self.library, components=[similar])
            if fresh.fingerprint == old.fingerprint:
                fresh.close()
                old.rebuild(progress)
                return
            # Other synonyms or vocabulary: the old index cannot answer for them.
            old.close()
            self._service = fresh
            fresh.rebuild(progress)

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
        self._service = None

    def apply_settings(self) -> None:
        """New similarity weights or 低保 lines take effect at the next query."""
        if self._similar is not None:
            self._similar.settings = similarity_settings(self.library)

    def _open_similar_folder(self) -> SimilarityIndex:
        from search_index.library import similarity_folder, similarity_index
        from search_index.similar import CLOSE_THRESHOLD as ENGINE_THRESHOLD
        from search_index.similar import SimilarityIndexUnusable

        assert ENGINE_THRESHOLD == CLOSE_THRESHOLD, "the engine moved its threshold"
        settings = similarity_settings(self.library)
        try:
            return similarity_index(self.library, settings)
        except SimilarityIndexUnusable as exc:
            log.warning("similarity index discarded, to be refilled: %s", exc.message)
            shutil.rmtree(similarity_folder(self.library), ignore_errors=True)
            return similarity_index(self.library, settings)

    # -- search -------------------------------------------------------------------

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
        index = self._similar
        if index is None:
            return SimilarResults([], CLOSE_THRESHOLD, ready=False)
        covered, notices = self._coverage(record)
        hits = index.query(record, limit, exclude=[exclude] if exclude else (), covered=covered)
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
            notices,
        )

    def _coverage(self, record: PrecedentRecord) -> tuple[dict[str, str], list[str]]:
        """Covered precedent code → policy title, and notices for the matter itself."""
        # Imported here: the policy registry pulls in the drafting code, which start-up
        # does not need.
        from precedents.patterns.registry import coverage_notice, covering_policies

        with self.library.session() as session:
            covered = {
                code: title
                for code, title in session.execute(
                    select(PolicyCoverageRow.code, PolicyRow.title).join(
                        PolicyRow, PolicyRow.id == PolicyCoverageRow.policy_id
                    )
                )
            }
            notices = [
                coverage_notice(policy)
                for policy in covering_policies(
                    session, record, vocabulary=self.library.vocabulary()
                )
            ]
        return covered, notices
