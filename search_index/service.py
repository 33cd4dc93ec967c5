"""`SearchService`: the search engine the programs hold, one per library.

It owns the index folder, one writer thread through which every change goes,
and the snapshot that searches read; it follows the database through a
`RecordSource`. Typical use::

    service = SearchService(data_dir / "search", source, synonyms=groups, vocabulary=vocab)
    service.open(progress)          # opens, verifies and catches up, or rebuilds
    result = service.search("尿毒症 透析 区:集美", limit=20)
    ...                             # after saving records:
    service.sync()                  # or request_sync() without waiting
    service.close()

Searches may run on any number of threads while the writer commits. Searching
never raises for what was typed; it raises `SearchUnavailable` only when there
is no index to read (closed, or a first build still running).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TypeVar

from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.analysis import Segmenter
from search_index.evaluate import Ranked, execute
from search_index.folder import IndexFolder
from search_index.highlight import Snippet, find_spans, make_snippet
from search_index.maintenance import Maintainer
from search_index.plan import Plan, Planner, ResolvedFilter
from search_index.query import FIELD_NAMES, QueryFilter, parse
from search_index.results import (
    CatchUp,
    EngineState,
    Filters,
    Hit,
    OpenReport,
    Progress,
    SearchResult,
    SearchUnavailable,
)
from search_index.schema import SCHEMA_VERSION
from search_index.source import RecordSource
from search_index.synonyms import SynonymTable
from search_index.writer import IndexComponent, WriterThread

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
#: Seconds without saves before small segments are merged.
COMPACT_DELAY = 2.0
T = TypeVar("T")


class SearchService:
    """Full-text search over a record source, kept in step by one writer thread."""

    def __init__(
        self,
        folder: Path | str,
        source: RecordSource,
        synonyms: Iterable[Sequence[str]] | None = None,
        vocabulary: Vocabulary | None = None,
        components: Iterable[IndexComponent] = (),
    ) -> None:
        """`synonyms`: synonym groups (the database's copy); None means the built-in ones."""
        self.folder = Path(folder)
        self.source = source
        self.vocabulary = vocabulary or Vocabulary.builtin()
        self.synonyms = SynonymTable.build(synonyms, self.vocabulary)
        self._components = list(components)
        self._writer = WriterThread()
        self._maintainer: Maintainer | None = None
        self._planner: Planner | None = None
        self._lock = threading.Lock()
        self._repair_pending = False
        self._compaction_timer: threading.Timer | None = None

    # -- state -----------------------------------------------------------------

    @property
    def state(self) -> EngineState:
        return self._maintainer.status if self._maintainer else EngineState.CLOSED

    @property
    def progress(self) -> tuple[int, int]:
        """(done, total) of the running or last rebuild."""
        return self._maintainer.progress if self._maintainer else (0, 0)

    @property
    def fingerprint(self) -> str:
        return self._ensure_maintainer().fingerprint

    # -- writer jobs -----------------------------------------------------------

    def open(self, progress: Progress | None = None) -> OpenReport:
        """Open the index: verify and catch up, or rebuild (blocking; run it off the UI thread).

        `progress(done, total)` reports a rebuild and may raise `Cancelled`; after a
        cancelled rebuild an older index, if any, keeps answering (marked stale).
        Returns what opening found: rebuilt (and why), records repaired, caught up.
        """
        return self._run(lambda: self._ensure_maintainer().open(progress))

    def sync(self) -> int:
        """Apply the database's changes since the last sync; returns records touched."""
        return self.request_sync().result()

    def catch_up(self, limit: int) -> CatchUp:
        """Apply at most `limit` changes of the feed; `more` says whether others wait.

        For catching up in steps: between two steps, searches see the index
        as of the last one.
        """
        return self._run(lambda: self._ensure_maintainer().catch_up(limit))

    def request_sync(self) -> Future[int]:
        """Like `sync`, without waiting (for example right after a save)."""
        return self._writer.submit(lambda: self._ensure_maintainer().sync())

    def verify(self) -> int:
        """Compare every record's version and attachments with the index and repair.

        Returns how many records were re-indexed or removed.
        """
        return self._run(lambda: self._ensure_maintainer().verify())

    def compare(self) -> tuple[list[str], list[str]]:
        """(records the index lacks or holds out of date, records only the index has)."""
        return self._run(lambda: self._ensure_maintainer().compare())

    @property
    def indexed_count(self) -> int:
        """Records in the open index (0 when it is not open)."""
        maintainer = self._maintainer
        if maintainer is None:
            return 0
        try:
            live, snapshot = maintainer.acquire()
        except SearchUnavailable:
            return 0
        try:
            return snapshot.doc_count
        finally:
            live.release(snapshot)

    def rebuild(self, progress: Progress | None = None) -> None:
        """Rebuild the index from every record (the old one answers until it is done)."""
        self._run(lambda: self._ensure_maintainer().rebuild(progress))

    def add_component(self, component: IndexComponent, progress: Progress | None = None) -> None:
        """Attach another component to the writer; if open, fill it from every record first."""
        maintainer = self._ensure_maintainer()

        def job() -> None:
            if maintainer.status != EngineState.CLOSED:
                maintainer.replay(component, progress)
            maintainer.components.append(component)

        self._run(job)

    def replay(self, component: IndexComponent, progress: Progress | None = None) -> None:
        """Refill one component from every record."""
        self._run(lambda: self._ensure_maintainer().replay(component, progress))

    def close(self) -> None:
        with self._lock:
            if self._compaction_timer is not None:
                self._compaction_timer.cancel()
        if self._maintainer is not None:
            self._run(self._maintainer.close)
        self._writer.stop()

    def _run(self, job: Callable[[], T]) -> T:
        return self._writer.submit(job).result()

    def _ensure_maintainer(self) -> Maintainer:
        with self._lock:
            if self._maintainer is None:
                words = [*self.vocabulary.all_names(), *self.synonyms.terms()]
                segmenter = Segmenter(words)
                fingerprint = _fingerprint(segmenter, self.synonyms, self.vocabulary)
                maintainer = Maintainer(
                    IndexFolder(self.folder),
                    self.source,
                    segmenter,
                    fingerprint,
                    self._components,
                    segmenter_words=words,
                )
                maintainer.on_component_stale = self._schedule_replay
                maintainer.on_compaction_due = self._schedule_compaction
                self._planner = Planner(segmenter, self.synonyms, self.vocabulary)
                self._maintainer = maintainer
            return self._maintainer

    def _schedule_replay(self, component: IndexComponent) -> None:
        maintainer = self._maintainer
        if maintainer is None:
            return

        def job() -> None:
            try:
                maintainer.replay(component)
            except Exception:
                log.exception("refilling index component %r failed", component)

        self._writer.post(job)

    def _schedule_compaction(self) -> None:
        """Merge small segments once saves pause for `COMPACT_DELAY` seconds."""
        with self._lock:
            if self._compaction_timer is not None:
                self._compaction_timer.cancel()
            timer = threading.Timer(COMPACT_DELAY, self._post_compaction)
            timer.daemon = True
            self._compaction_timer = timer
        timer.start()

    def _post_compaction(self) -> None:
        maintainer = self._maintainer
        if maintainer is None or maintainer.status == EngineState.CLOSED:
            return

        def job() -> None:
            try:
                maintainer.compact()
            except Exception:
                # Merging is an optimisation; the index stays correct without it.
                log.exception("merging small index segments failed")

        self._writer.post(job)

    def _schedule_repair(self) -> None:
        with self._lock:
            if self._repair_pending:
                return
            self._repair_pending = True

        def job() -> None:
            try:
                self._ensure_maintainer().rebuild(None)
            finally:
                self._repair_pending = False

        self._writer.post(job)

    # -- searching -------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        offset: int = 0,
        filters: Filters | None = None,
        snippets: bool = True,
    ) -> SearchResult:
        """Ranked records for `query` (see `search_index.query` for what can be typed)."""
        maintainer = self._maintainer
        if maintainer is None or self._planner is None:
            raise SearchUnavailable("search.closed")
        parsed = parse(query)
        limit = max(0, min(int(limit), MAX_LIMIT))
        live, snapshot = maintainer.acquire()
        try:
            plan = self._planner.plan(parsed, snapshot.known_values(), _extra_filters(filters))
            ranked = execute(plan, snapshot, limit, max(0, int(offset)))
            stored = [snapshot.stored(doc) for _, doc in ranked.top]
        except Exception as exc:
            log.exception("search failed on index %s; rebuilding it", live.path)
            self._schedule_repair()
            raise SearchUnavailable("search.unavailable", reason=str(exc)) from exc
        finally:
            live.release(snapshot)
        hits = self._hits(plan, ranked, stored, snippets)
        return SearchResult(
            query=query,
            total=ranked.total,
            hits=tuple(hits),
            facets=ranked.facets,
            expanded_terms=plan.expanded,
            parsed=parsed,
            filters=tuple(_describe(f) for f in plan.filters if f.field),
            notes=tuple(plan.notes),
            stale=maintainer.stale,
        )

    def _hits(
        self, plan: Plan, ranked: Ranked, stored: list[dict[str, object]], snippets: bool
    ) -> list[Hit]:
        terms = plan.highlight_terms()
        codes = [str(s.get("code", "")) for s in stored]
        records = {r.code: r for r in self.source.load(codes)} if snippets and codes else {}
        hits = []
        for (score, _doc), fields in zip(ranked.top, stored, strict=True):
            code = str(fields.get("code", ""))
            record = records.get(code)
            title = record.title if record is not None else str(fields.get("title", ""))
            snippet, from_attachment = (
                _snippet(record, terms) if record is not None else (None, False)
            )
            hits.append(
                Hit(
                    code=code,
                    title=title,
                    score=score,
                    snippet=snippet.text if snippet else "",
                    highlights=snippet.spans if snippet else (),
                    title_highlights=tuple(find_spans(title, terms)),
                    district=str(fields.get("district", "")),
                    year=str(fields.get("year", "")),
                    status=str(fields.get("status", "")),
                    snippet_from_attachment=from_attachment,
                )
            )
        return hits


#: Put before a snippet taken from an attached file's text.
ATTACHMENT_MARK = "附件："


def _snippet(record: PrecedentRecord, terms: list[str]) -> tuple[Snippet, bool]:
    """The record's own passage; an attachment's when only an attachment matched."""
    own = make_snippet([record.situation, record.deliberation, record.decision], terms)
    if own.spans or not record.meta.attachment_text:
        return own, False
    attached = make_snippet([record.meta.attachment_text], terms)
    if not attached.spans:
        return own, False
    shift = len(ATTACHMENT_MARK)
    spans = tuple((a + shift, b + shift) for a, b in attached.spans)
    return Snippet(ATTACHMENT_MARK + attached.text, spans), True


def _extra_filters(filters: Filters | None) -> list[QueryFilter]:
    if not filters:
        return []
    text = []
    for key, value in filters.items():
        values = [value] if isinstance(value, str) else list(value)
        if key in FIELD_NAMES and values:
            text.append(f"{key}:{'|'.join(values)}")
    return list(parse(" ".join(text)).filters)


def _describe(flt: ResolvedFilter) -> str:
    label = next((k for k, v in FIELD_NAMES.items() if v == flt.field), flt.field)
    sign = "-" if flt.negated else ""
    if flt.values or (flt.low is None and flt.high is None):
        return f"{sign}{label}:{'、'.join(sorted(flt.values)) or '（无）'}"
    low = "" if flt.low is None else f"{flt.low:g}"
    high = "" if flt.high is None else f"{flt.high:g}"
    return f"{sign}{label}:{low}-{high}"


def _fingerprint(segmenter: Segmenter, synonyms: SynonymTable, vocabulary: Vocabulary) -> str:
    vocab = sorted(
        (kind, t.label, t.synonyms, t.parent or "", t.selectable)
        for kind, terms in vocabulary.terms.items()
        for t in terms.values()
    )
    payload = json.dumps(
        [SCHEMA_VERSION, segmenter.fingerprint, synonyms.fingerprint, vocab], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]
