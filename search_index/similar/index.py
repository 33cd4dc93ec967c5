"""`SimilarityIndex`: similar precedents for a matter, vectorised, incremental, persistent.

Standalone use::

    index = SimilarityIndex.build(records)
    hits = index.query(record, limit=10)

The index also rides on the search service's single index writer through the
same four calls that writer makes on every component: `upsert(records)`,
`delete(codes)`, `reset()` and `flush()`. Changes take effect in memory at once
(a query sees them); `flush()` additionally persists them when the index was
opened on a folder (`SimilarityIndex.open`). A folder that cannot be trusted
raises `SimilarityIndexUnusable`, and the caller rebuilds from the database.

Every query scores all records with a few numpy operations: key-term cosine
from the postings (`segment`), each attribute from its column (`scoring`), and
only the hits returned are explained (`explain`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.similar import persist
from search_index.similar.explain import explain
from search_index.similar.features import FeatureExtractor, Features
from search_index.similar.feedback import feedback
from search_index.similar.hits import Coverage, SimilarHit, coverage, make_hit
from search_index.similar.scoring import (
    attribute_columns,
    attribute_pair,
    calibrate_many,
    combine,
    select,
    text_scales,
)
from search_index.similar.segment import Segment
from search_index.similar.settings import SimilaritySettings
from search_index.similar.store import RowStore
from search_index.similar.taxonomy import Taxonomy
from search_index.similar.vectors import (
    IdfSnapshot,
    build_segment,
    query_vector,
    row_vector,
    to_ids,
)

#: Rows added since the last compaction that trigger a new one (with `COMPACT_SHARE`).
COMPACT_MIN_ROWS = 512
#: Share of added or dead rows (relative to the compacted rows) that triggers compaction.
COMPACT_SHARE = 0.10

Progress = Callable[[int, int], None]


class SimilarityIndex:
    """Key-term vectors and attributes of every precedent, with scoring and explanation."""

    def __init__(
        self,
        *,
        vocabulary: Vocabulary | None = None,
        settings: SimilaritySettings | None = None,
        extra_synonym_groups: Iterable[Sequence[str]] = (),
        folder: Path | None = None,
    ) -> None:
        self.vocabulary = vocabulary or Vocabulary.builtin()
        self.settings = settings or SimilaritySettings()
        groups = [tuple(group) for group in extra_synonym_groups]
        self._extractor = FeatureExtractor(self.vocabulary, groups)
        self.fingerprint = persist.fingerprint(self.vocabulary, groups)
        self._taxonomy_cache: tuple[Any, dict[str, Taxonomy]] | None = None
        labels = self._taxonomies()
        self._store = RowStore(labels["hardships"].labels, labels["barriers"].labels)
        self._idf = IdfSnapshot()
        self._main = Segment.empty()
        self._delta = Segment.empty()
        self._main_end = 0
        self._dirty = False
        self._compacted = False
        self._touched: set[str] = set()
        self._lock = threading.RLock()
        self.folder = folder
        self.generation = ""

    # -- construction and persistence -------------------------------------------

    @classmethod
    def build(
        cls,
        records: Iterable[PrecedentRecord],
        *,
        progress: Progress | None = None,
        total: int | None = None,
        **options: Any,
    ) -> SimilarityIndex:
        """A new index over the records; saved at once when `folder` is given."""
        index = cls(**options)
        index.upsert(records, progress=progress, total=total)
        index._refresh(force_compaction=True)
        if index.folder is not None:
            index.save()
        return index

    @classmethod
    def open(cls, folder: Path, **options: Any) -> SimilarityIndex:
        """The index saved in `folder`, or an empty one there when the folder holds none.

        Raises `SimilarityIndexUnusable` when the folder holds an index that is
        corrupt or was built by another format, dictionary or vocabulary.
        """
        index = cls(folder=folder, **options)
        if persist.has_index(folder):
            persist.load_into(index, folder)
        return index

    def save(self, folder: Path | None = None) -> None:
        """Write a full snapshot to `folder` (default: the folder the index was opened on).

        Saving to another folder makes a copy; the index stays attached to its own.
        """
        with self._lock:
            target = folder or self.folder
            if target is None:
                raise ValueError("save() needs a folder")
            self._refresh(force_compaction=True)
            generation = persist.save(self, target)
            if target == self.folder:
                self.generation = generation
                self._touched.clear()
                self._compacted = False

    # -- the index writer's hook -------------------------------------------------

    def upsert(
        self,
        records: Iterable[PrecedentRecord],
        *,
        progress: Progress | None = None,
        total: int | None = None,
    ) -> int:
        """Add or replace records; returns how many.

        `progress(done, total)` may raise `precedents.errors.Cancelled`; the
        records added before that stay in the index (a cancelled rebuild is
        discarded or redone by the caller).
        """
        count = 0
        with self._lock:
            for record in records:
                self._add(self._extractor.extract(record, self._store.categories["district"]))
                count += 1
                if progress is not None and count % 100 == 0:
                    progress(count, total or count)
            if progress is not None:
                progress(count, total or count)
        return count

    def delete(self, codes: Iterable[str]) -> int:
        """Remove records by code; unknown codes are ignored. Returns how many were removed."""
        with self._lock:
            removed = 0
            for code in codes:
                if self._store.delete(code):
                    removed += 1
                    self._touched.add(code)
                    self._dirty = True
            return removed

    def reset(self) -> None:
        """Forget every record (before a full rebuild through `upsert`)."""
        with self._lock:
            self._store.clear()
            self._idf = IdfSnapshot()
            self._main, self._delta, self._main_end = Segment.empty(), Segment.empty(), 0
            self._dirty = self._compacted = True
            self._touched.clear()

    def flush(self) -> None:
        """Make pending changes queryable and, when opened on a folder, durable."""
        with self._lock:
            self._refresh()
            if self.folder is None:
                return
            if self._compacted or not self.generation:
                self.save()
            elif self._touched:
                persist.append_changes(self, self.folder, sorted(self._touched))
                self._touched.clear()

    # -- queries -----------------------------------------------------------------

    def __len__(self) -> int:
        return self._store.live

    def __contains__(self, code: object) -> bool:
        return code in self._store.row_of

    def codes(self) -> list[str]:
        return list(self._store.row_of)

    def nbytes(self) -> int:
        """Approximate memory held in arrays (columns, term counts, postings)."""
        store = self._store
        arrays = sum(col.nbytes for col in store.cols.values()) + store.df.nbytes
        # Each small per-row array also carries about 100 bytes of object overhead.
        pairs = zip(store.row_terms, store.row_counts, strict=True)
        rows = sum(a.nbytes + b.nbytes + 200 for a, b in pairs)
        return int(arrays + rows + self._main.nbytes + self._delta.nbytes + self._idf.values.nbytes)

    def features(self, record: PrecedentRecord) -> Features:
        """The features the index reads from a record (for display and tests)."""
        return self._extractor.extract(record, self._store.categories["district"])

    def query(
        self,
        record: PrecedentRecord,
        limit: int = 10,
        *,
        exclude: Collection[str] = (),
        covered: Coverage | None = None,
    ) -> list[SimilarHit]:
        """The `limit` most similar precedents, best first, each with its reasons.

        The record itself (same code) is never its own precedent. Ties at the
        displayed precision (two decimals) go to decided precedents, then to
        newer ones. Scoring runs twice: the best precedents of the first pass
        lend their key terms to the second (`feedback.feedback`).
        """
        with self._lock:
            self._refresh()
            query = self.features(record)
            usable = self._usable({*exclude, record.code})
            parts = attribute_columns(query, self._store, self.settings, self._taxonomies())
            own = query_vector(self._unnamed(query.terms), self._store.term_id, self._idf)
            shared = np.zeros(self._store.n_rows, dtype=np.float64)
            text = self._text_scores(own, shared)
            scale = text_scales(len(own), shared)
            raw = combine(text, parts, self.settings, scale)
            vectors = feedback(own, raw, usable, text, self._row_vector, self._text_scores)
            raw = combine(text, parts, self.settings, scale)
            score = calibrate_many(raw)
            store = self._store
            best = select(score, usable, store.column("decided"), store.column("date"), limit)
            return [
                self._hit(
                    int(row),
                    query,
                    (own, vectors.get(int(row), vectors[-1])),
                    float(raw[row]),
                    float(score[row]),
                    covered,
                )
                for row in best
            ]

    def query_text(self, record: PrecedentRecord, limit: int = 10) -> list[tuple[str, float]]:
        """Plain more-like-this: key-term cosine only, no attributes (the reference method)."""
        with self._lock:
            self._refresh()
            terms = self._extractor.terms.counts(record)
            vector = query_vector(self._unnamed(terms), self._store.term_id, self._idf)
            text = self._text_scores(vector)
            store = self._store
            usable = self._usable({record.code})
            best = select(text, usable, store.column("decided"), store.column("date"), limit)
            return [(store.codes[int(row)], float(text[row])) for row in best]

    # -- internals ---------------------------------------------------------------

    def _add(self, features: Features) -> None:
        taxonomies = self._taxonomies()
        self._store.append(
            features,
            taxonomies["hardships"].mask(features.hardships),
            taxonomies["barriers"].mask(features.barriers),
        )
        self._touched.add(features.code)
        self._dirty = True

    def _taxonomies(self) -> dict[str, Taxonomy]:
        key = (
            self.settings.credit.parent,
            self.settings.credit.sibling,
            self.settings.credit.related,
        )
        if self._taxonomy_cache is None or self._taxonomy_cache[0] != key:
            credit = self.settings.credit
            self._taxonomy_cache = (
                key,
                {
                    "hardships": Taxonomy(self.vocabulary, "hardship", credit),
                    "barriers": Taxonomy(self.vocabulary, "barrier", credit),
                },
            )
            if hasattr(self, "_store"):
                self._weigh_labels()
        return self._taxonomy_cache[1]

    def _refresh(self, *, force_compaction: bool = False) -> None:
        """Bring the postings up to date with the rows (compacting when it pays)."""
        if not (self._dirty or force_compaction):
            return
        store = self._store
        added = store.n_rows - self._main_end
        dead = store.n_rows - store.live
        limit = max(COMPACT_MIN_ROWS, COMPACT_SHARE * self._main_end)
        renamed = self._named_terms(store.fresh_names)
        # A known term that turns out to be a name is weighted in the stored postings.
        stale = bool(renamed.size) and bool((self._idf.values[renamed] > 0).any())
        store.fresh_names.clear()
        if stale or force_compaction or self._main_end == 0 or added > limit or dead > limit:
            store.compact()
            self._idf.reset(store.df, len(store.terms), store.live)
            self._idf.values[self._named_terms(store.names)] = 0.0
            self._main = self._segment(range(store.n_rows))
            self._main_end, self._delta = store.n_rows, Segment.empty()
            self._weigh_labels()
            self._compacted = True
        else:
            known = self._idf.values.shape[0]
            self._idf.extend(store.df, len(store.terms))
            new_terms = store.terms[known:]
            self._idf.values[self._named_terms(t for t in new_terms if t in store.names)] = 0.0
            alive = store.column("alive")
            self._delta = self._segment(r for r in range(self._main_end, store.n_rows) if alive[r])
        self._dirty = False

    def _named_terms(self, names: Iterable[str]) -> npt.NDArray[np.intp]:
        """Ids of the weighted terms that are person names known in the library."""
        term_id, weighted = self._store.term_id, self._idf.values.shape[0]
        ids = [i for i in (term_id.get(name, -1) for name in names) if 0 <= i < weighted]
        return np.array(ids, dtype=np.intp)

    def _unnamed(self, terms: dict[str, float]) -> dict[str, float]:
        """Term counts without the person names known in the library (never key terms)."""
        names = self._store.names
        return {term: count for term, count in terms.items() if term not in names}

    def _weigh_labels(self) -> None:
        """Give taxonomy terms their inverse document frequency over the live rows."""
        alive = self._store.column("alive")
        for kind, taxonomy in self._taxonomies().items():
            taxonomy.set_weights(self._store.column(kind)[alive])

    def _segment(self, rows: Iterable[int]) -> Segment:
        store = self._store
        return build_segment(list(rows), store.row_terms, store.row_counts, self._idf.values)

    def _text_scores(
        self, vector: dict[str, float], shared: npt.NDArray[np.float64] | None = None
    ) -> npt.NDArray[np.float64]:
        """Key-term cosine of every row; with `shared`, also count the vector's terms per row."""
        ids, weights = to_ids(vector, self._store.term_id)
        text = np.zeros(self._store.n_rows, dtype=np.float64)
        self._main.accumulate(ids, weights, text, shared=shared)
        self._delta.accumulate(ids, weights, text, shared=shared)
        return text

    def _usable(self, exclude: Collection[str]) -> npt.NDArray[np.bool_]:
        """Live rows, minus the excluded codes."""
        usable = self._store.column("alive").copy()
        for code in exclude:
            row = self._store.row_of.get(code)
            if row is not None:
                usable[row] = False
        return usable

    def _row_vector(self, row: int) -> dict[str, float]:
        store = self._store
        ids, weights = row_vector(store.row_terms[row], store.row_counts[row], self._idf.values)
        return {store.terms[int(t)]: float(w) for t, w in zip(ids, weights, strict=True)}

    def _hit(
        self,
        row: int,
        query: Features,
        vectors: tuple[dict[str, float], dict[str, float]],
        raw: float,
        score: float,
        covered: Coverage | None,
    ) -> SimilarHit:
        precedent = self._store.features(row)
        own, expanded = vectors
        p_vector = self._row_vector(row)
        taxonomies = self._taxonomies()
        parts = attribute_pair(query, precedent, self.settings, taxonomies)
        reasons = explain(
            query, precedent, (own, expanded, p_vector), parts, self.settings, taxonomies
        )
        return make_hit(
            precedent,
            reasons,
            (raw, score, sum(w * p_vector[t] for t, w in expanded.items() if t in p_vector)),
            coverage(covered, precedent.code),
        )
