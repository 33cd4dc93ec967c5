"""The library screen's one door to search and similar precedents.

The library page asks this module for results, facet counts and similar
precedents and never touches an engine itself, so the engine behind it can
change without the screen noticing. Everything here is Qt-free and is called
from background tasks.

The engines (numpy, the segmenter) are imported on first use, on a background
thread, so that the window appears without waiting for them.

Until the search engine is wired in, `SearchAdapter` answers from a plain
in-memory filter over the precedents' list columns and vocabulary terms.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from precedents.library import Library
from precedents.models import MeasureRow, PrecedentBarrierRow, PrecedentHardshipRow, PrecedentRow
from precedents.patterns.models import PolicyCoverageRow, PolicyRow
from precedents.record import PrecedentRecord
from precedents.store.vocabulary import load_synonyms

if TYPE_CHECKING:
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


@dataclass(slots=True)
class _Entry:
    code: str
    title: str
    district: str
    street: str
    year: str
    level: str
    status: str
    filed_on: dt.date
    hardships: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)

    def facet_values(self, name: str) -> list[str]:
        if name in ("hardship", "barrier", "measure"):
            values: list[str] = getattr(self, name + "s")
            return list(dict.fromkeys(values))
        return [getattr(self, name)]

    def haystack(self) -> str:
        terms = " ".join([*self.hardships, *self.barriers, *self.measures])
        return f"{self.code} {self.title} {self.district} {self.street} {terms}".lower()


def _spans(text: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    lowered = text.lower()
    out = []
    for word in words:
        start = lowered.find(word)
        while start >= 0 and word:
            out.append((start, start + len(word)))
            start = lowered.find(word, start + len(word))
    return tuple(sorted(out))


#: The calibrated score at and above which a precedent is close (the engine's
#: `CLOSE_THRESHOLD`, repeated here so that the screen need not import the engine).
CLOSE_THRESHOLD = 0.5


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
    """Search and similar precedents for the library screen."""

    SIMILAR_THRESHOLD = CLOSE_THRESHOLD

    def __init__(self, library: Library) -> None:
        self.library = library
        self.state = IndexState.CLOSED
        self._entries: dict[str, _Entry] = {}
        self._similar: SimilarityIndex | None = None
        self._similar_seq = 0
        self._write_lock = threading.Lock()

    # -- lifecycle ----------------------------------------------------------------

    def open(self, progress: Progress | None = None) -> None:
        """Open the search index (the list is usable once this returns)."""
        self.state = IndexState.OPENING
        self._load(None)
        self.state = IndexState.READY

    def open_similar(self, progress: Progress | None = None) -> None:
        """Open the similarity index; until then `similar` answers "not ready"."""
        self._open_similar(progress)

    @property
    def similar_ready(self) -> bool:
        return self._similar is not None

    def rebuild(self, progress: Progress | None = None) -> None:
        self.state = IndexState.REBUILDING
        self._load(None)
        with self._write_lock:
            if self._similar is not None:
                self._fill_similar(self._similar, progress)
        self.state = IndexState.READY

    def sync(self) -> None:
        """Catch up with saves, deletions and imports."""
        self._load(None)
        with self._write_lock:
            if self._similar is not None:
                self._catch_up(self._similar)

    def close(self) -> None:
        self.state = IndexState.CLOSED
        self._similar = None

    def apply_settings(self) -> None:
        """New similarity weights or 低保 lines take effect at the next query."""
        if self._similar is not None:
            self._similar.settings = similarity_settings(self.library)

    # -- the similarity index, following the change feed ---------------------------

    @property
    def _similar_folder(self) -> Path:
        return self.library.index_dir / "similar"

    def _open_similar(self, progress: Progress | None) -> None:
        from search_index.similar import CLOSE_THRESHOLD as ENGINE_THRESHOLD
        from search_index.similar import SimilarityIndex, SimilarityIndexUnusable

        assert ENGINE_THRESHOLD == CLOSE_THRESHOLD, "the engine moved its threshold"
        with self.library.session() as session:
            groups = load_synonyms(session)
        options = {
            "vocabulary": self.library.vocabulary(),
            "settings": similarity_settings(self.library),
            "extra_synonym_groups": groups,
        }
        folder = self._similar_folder
        with self._write_lock:
            try:
                index = SimilarityIndex.open(folder, **options)
            except SimilarityIndexUnusable as exc:
                log.warning("similarity index rebuilt: %s", exc.message)
                shutil.rmtree(folder, ignore_errors=True)
                index = SimilarityIndex.open(folder, **options)
            seq = self._read_seq(index)
            if seq is None:
                self._fill_similar(index, progress)
            else:
                self._similar_seq = seq
                self._catch_up(index)
            self._similar = index

    def _read_seq(self, index: SimilarityIndex) -> int | None:
        path = self._similar_folder / "feed.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("generation") != index.generation or not index.generation:
                return None
            return int(data["seq"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_seq(self, index: SimilarityIndex) -> None:
        path = self._similar_folder / "feed.json"
        data = {"seq": self._similar_seq, "generation": index.generation}
        path.write_text(json.dumps(data), encoding="utf-8")

    def _fill_similar(self, index: SimilarityIndex, progress: Progress | None) -> None:
        source = self.library.record_source()
        seq, total = source.last_seq(), source.count()
        index.reset()
        index.upsert(source.iter_all(), progress=progress, total=total)
        index.save()
        self._similar_seq = seq
        self._write_seq(index)

    def _catch_up(self, index: SimilarityIndex) -> None:
        source = self.library.record_source()
        changes = source.changes_since(self._similar_seq)
        if not changes:
            return
        last_op = {change.code: change.op for change in changes}
        index.delete([code for code, op in last_op.items() if op == "delete"])
        index.upsert(source.load([code for code, op in last_op.items() if op != "delete"]))
        index.flush()
        self._similar_seq = changes[-1].seq
        self._write_seq(index)

    # -- search -------------------------------------------------------------------

    def _load(self, progress: Progress | None) -> None:
        with self.library.session() as session:
            rows = session.execute(
                select(
                    PrecedentRow.id,
                    PrecedentRow.code,
                    PrecedentRow.title,
                    PrecedentRow.district,
                    PrecedentRow.street,
                    PrecedentRow.filed_on,
                    PrecedentRow.level,
                    PrecedentRow.status,
                )
            ).all()
            by_id = {
                r.id: _Entry(
                    r.code,
                    r.title,
                    r.district,
                    r.street or "",
                    str(r.filed_on.year),
                    r.level,
                    r.status,
                    r.filed_on,
                )
                for r in rows
            }
            for table, column, target in (
                (PrecedentHardshipRow, PrecedentHardshipRow.term, "hardships"),
                (PrecedentBarrierRow, PrecedentBarrierRow.term, "barriers"),
                (MeasureRow, MeasureRow.type, "measures"),
            ):
                for precedent_id, term in session.execute(select(table.precedent_id, column)):
                    getattr(by_id[precedent_id], target).append(term)
        self._entries = {e.code: e for e in by_id.values()}

    def search(
        self, query: Query, limit: int = FIRST_PAGE, offset: int = 0, snippets: bool = True
    ) -> Results:
        """Hits `offset` to `offset + limit` of `query`, with the total and facet counts."""
        started = time.perf_counter()
        words = [w.lower() for w in query.text.split() if w.strip()]
        filters = dict(query.filters)
        matched = [
            e
            for e in self._entries.values()
            if all(w in e.haystack() for w in words)
            and all(set(e.facet_values(f)) & set(v) for f, v in filters.items())
        ]
        matched.sort(key=lambda e: (e.filed_on, e.code), reverse=True)
        hits = [
            Hit(code=e.code, title=e.title, score=None, title_spans=_spans(e.title, words))
            for e in matched[offset : offset + limit]
        ]
        facets: dict[str, list[tuple[str, int]]] = {}
        for name in FACET_FIELDS:
            counts = Counter(v for e in matched for v in e.facet_values(name))
            ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            if name == "year":
                ordered = sorted(counts.items(), reverse=True)
            facets[name] = ordered
        elapsed = (time.perf_counter() - started) * 1000
        return Results(query, len(matched), hits, facets, elapsed_ms=elapsed)

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
