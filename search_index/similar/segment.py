"""Term → postings layout of the key-term vectors, scored with a handful of numpy calls.

A `Segment` is an immutable compressed-sparse-column matrix: for each term id,
the rows whose key terms include it and the row's normalised weight. Scoring a
query gathers the postings of its terms in one fancy-indexing step and sums them
per row with `np.bincount`, so the cost grows with the postings touched, not
with Python loops. The index keeps a large main segment and a small delta
segment for rows added since the last compaction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Segment:
    """Postings of a set of rows: `rows[ptr[t]:ptr[t+1]]` hold term `t`."""

    ptr: IntArray
    rows: Int32Array
    weights: FloatArray

    @classmethod
    def empty(cls) -> Segment:
        return cls(
            ptr=np.zeros(1, dtype=np.int64),
            rows=np.zeros(0, dtype=np.int32),
            weights=np.zeros(0, dtype=np.float32),
        )

    @classmethod
    def from_triples(
        cls, rows: Int32Array, terms: Int32Array, weights: FloatArray, n_terms: int
    ) -> Segment:
        """Build from parallel (row, term, weight) arrays in any order."""
        order = np.argsort(terms, kind="stable")
        counts = np.bincount(terms, minlength=n_terms)
        ptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(counts, out=ptr[1:])
        return cls(ptr=ptr, rows=rows[order], weights=weights[order])

    @property
    def n_terms(self) -> int:
        return int(self.ptr.shape[0] - 1)

    @property
    def nbytes(self) -> int:
        return int(self.ptr.nbytes + self.rows.nbytes + self.weights.nbytes)

    def accumulate(
        self,
        terms: IntArray,
        weights: npt.NDArray[np.float64],
        out: npt.NDArray[np.float64],
        *,
        shared: npt.NDArray[np.float64] | None = None,
    ) -> None:
        """Add Σ weight(query term) × weight(row term) into `out[row]`.

        With `shared`, also add the number of the query terms each row holds
        into it (from the same gathered postings).
        """
        known = terms < self.n_terms
        terms, weights = terms[known], weights[known]
        if terms.size == 0:
            return
        starts = self.ptr[terms]
        lengths = self.ptr[terms + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return
        # Positions of all postings of all query terms, without a Python loop.
        first = np.cumsum(lengths) - lengths
        positions = np.repeat(starts - first, lengths) + np.arange(total, dtype=np.int64)
        contribution = self.weights[positions] * np.repeat(weights, lengths)
        rows = self.rows[positions]
        out += np.bincount(rows, weights=contribution, minlength=out.shape[0])[: out.shape[0]]
        if shared is not None:
            shared += np.bincount(rows, minlength=shared.shape[0])[: shared.shape[0]]
