"""TF-IDF key-term vectors: document frequencies in, unit-length top-K vectors out.

A record's key terms are its `KEY_TERMS` highest terms by damped term frequency
times inverse document frequency; the vector over them is scaled to unit length,
so the dot product of two vectors is their cosine. The inverse document
frequencies are a snapshot taken when the index is compacted; rows added later
are weighted with that snapshot (new terms get a value when first seen), which
keeps every stored vector consistent with the one a query is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from search_index.similar.keyterms import idf as idf_of
from search_index.similar.segment import Segment

#: Key terms kept per record (and per query).
KEY_TERMS = 64

Floats = npt.NDArray[np.float64]


class IdfSnapshot:
    """Inverse document frequency per term id, frozen between compactions."""

    def __init__(self) -> None:
        self.values: Floats = np.zeros(0, dtype=np.float64)
        self.n_docs = 0

    def reset(self, df: npt.NDArray[np.int32], n_terms: int, n_docs: int) -> None:
        self.n_docs = n_docs
        self.values = np.log((n_docs + 1.0) / (df[:n_terms].astype(np.float64) + 1.0)) + 1.0

    def extend(self, df: npt.NDArray[np.int32], n_terms: int) -> None:
        """Give terms first seen since the snapshot a value from their current frequency."""
        known = self.values.shape[0]
        if n_terms > known:
            fresh = np.log((self.n_docs + 1.0) / (df[known:n_terms].astype(np.float64) + 1.0)) + 1.0
            self.values = np.concatenate([self.values, fresh])

    @property
    def unseen(self) -> float:
        """Value for a query term no indexed record contains."""
        return idf_of(0.0, float(self.n_docs))


def damp(counts: npt.NDArray[np.floating]) -> Floats:
    """Vectorised `keyterms.sublinear`."""
    counts = counts.astype(np.float64)
    return np.where(counts <= 1.0, counts, 1.0 + np.log(np.maximum(counts, 1.0)))


def row_vector(
    ids: npt.NDArray[np.int32], counts: npt.NDArray[np.float32], idf: Floats, k: int = KEY_TERMS
) -> tuple[npt.NDArray[np.int32], Floats]:
    """Key-term ids and unit weights of one stored row."""
    weights = damp(counts) * idf[ids]
    keep = _top(weights, k)
    return ids[keep], _unit(weights[keep])


def query_vector(
    counts: Mapping[str, float],
    term_id: Mapping[str, int],
    snapshot: IdfSnapshot,
    k: int = KEY_TERMS,
) -> dict[str, float]:
    """The query's key terms with unit-length weights, by name.

    Terms no record contains keep their (high) weight in the vector, so a matter
    full of unseen words cannot look close to anything.
    """
    terms = list(counts)
    ids = np.array([term_id.get(t, -1) for t in terms], dtype=np.int64)
    idf = np.full(len(terms), snapshot.unseen, dtype=np.float64)
    seen = (ids >= 0) & (ids < snapshot.values.shape[0])
    idf[seen] = snapshot.values[ids[seen]]
    weights = damp(np.array([counts[t] for t in terms], dtype=np.float64)) * idf
    keep = _top(weights, k)
    unit = _unit(weights[keep])
    return {terms[int(i)]: float(w) for i, w in zip(keep, unit, strict=True)}


def expand(
    query: Mapping[str, float], neighbours: Sequence[tuple[Mapping[str, float], float]]
) -> dict[str, float]:
    """The query plus weighted neighbour vectors, scaled to unit length (see `feedback`)."""
    vector = dict(query)
    for neighbour, weight in neighbours:
        for term, value in neighbour.items():
            vector[term] = vector.get(term, 0.0) + weight * value
    norm = float(np.sqrt(sum(v * v for v in vector.values())))
    return {t: v / norm for t, v in vector.items()} if norm > 0 else vector


def to_ids(
    vector: Mapping[str, float], term_id: Mapping[str, int]
) -> tuple[npt.NDArray[np.int64], Floats]:
    """The indexed terms of a vector as (term ids, weights) for `Segment.accumulate`."""
    pairs = [(term_id[t], w) for t, w in vector.items() if t in term_id]
    ids = np.array([p[0] for p in pairs], dtype=np.int64)
    return ids, np.array([p[1] for p in pairs], dtype=np.float64)


def build_segment(
    rows: Sequence[int],
    row_terms: Sequence[npt.NDArray[np.int32]],
    row_counts: Sequence[npt.NDArray[np.float32]],
    idf: Floats,
    k: int = KEY_TERMS,
) -> Segment:
    """Postings of the key-term vectors of the given rows, all rows in one pass."""
    if not rows:
        return Segment.from_triples(
            np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32), idf.shape[0]
        )
    lengths = np.array([row_terms[r].shape[0] for r in rows], dtype=np.int64)
    owner = np.repeat(np.asarray(rows, dtype=np.int32), lengths)
    terms = np.concatenate([row_terms[r] for r in rows]).astype(np.int32)
    counts = np.concatenate([row_counts[r] for r in rows])
    weights = damp(counts) * idf[terms]
    # Rank terms within each row by weight (row ascending, weight descending).
    order = np.lexsort((-weights, owner))
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    keep = order[(np.arange(order.shape[0]) - starts) < k]
    keep = keep[weights[keep] > 0]  # person names known in the library weigh nothing
    owner, terms, weights = owner[keep], terms[keep], weights[keep]
    norms = np.sqrt(np.bincount(owner, weights=weights * weights))
    unit = (weights / norms[owner]).astype(np.float32)
    return Segment.from_triples(owner, terms, unit, idf.shape[0])


def _top(weights: Floats, k: int) -> npt.NDArray[np.intp]:
    """Indices of the k largest weights, largest first (ties keep text order)."""
    order = np.argsort(-weights, kind="stable")
    return order[weights[order] > 0][:k]


def _unit(weights: Floats) -> Floats:
    norm = float(np.sqrt(np.dot(weights, weights)))
    return weights / norm if norm > 0 else weights
