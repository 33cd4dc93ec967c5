"""Partial credit between vocabulary terms: 罕见病 within 重病, 精神障碍 beside 重度残疾.

The controlled vocabularies carry a small taxonomy (a parent per term, and
"related" links). Two sets of terms are compared with a weighted soft Dice
coefficient: every term on either side earns the best credit it gets from a term
on the other side (1 for the same term, less for a parent, a sibling or a
related term), times the term's weight, and the sum is divided by the total
weight of the terms on both sides. The weight of a term is its inverse document
frequency among the indexed precedents, so sharing a rare term (家庭成员合并计算)
says more than sharing one that half the library carries (政策空白). The same
measure runs on one pair (for the explanation) and on a whole column of bit
masks (for scoring every precedent at once); both give the same number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from precedents.vocabulary import Vocabulary
from search_index.similar.settings import TaxonomyCredit

#: Bit masks are 64 bits wide; terms beyond the 64th of a kind take no part in similarity.
MAX_LABELS = 64

Masks = npt.NDArray[np.uint64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Link:
    """How one term of the matter meets one term of a precedent."""

    query: str
    precedent: str
    credit: float
    #: "same", "parent" (one is the other's parent), "sibling" or "related".
    relation: str
    #: The shared category for "parent" and "sibling" (重病 in 罕见病/重病).
    group: str | None = None


class Taxonomy:
    """Terms of one vocabulary kind with their pairwise credit."""

    def __init__(self, vocabulary: Vocabulary, kind: str, credit: TaxonomyCredit) -> None:
        self.kind = kind
        self.labels: tuple[str, ...] = tuple(
            vocabulary.labels(kind, selectable_only=False)[:MAX_LABELS]
        )
        self.index = {label: i for i, label in enumerate(self.labels)}
        self._links = {
            (a, b): link
            for a in self.labels
            for b in self.labels
            if (link := _link(vocabulary, kind, credit, a, b)) is not None
        }
        size = len(self.labels)
        #: Weight of each term (inverse document frequency; 1 until `set_weights`).
        self.weights = np.ones(size, dtype=np.float64)
        self.matrix = np.zeros((size, size), dtype=np.float64)
        for (a, b), link in self._links.items():
            self.matrix[self.index[a], self.index[b]] = link.credit

    def mask(self, labels: Sequence[str]) -> int:
        bits = 0
        for label in labels:
            if label in self.index:
                bits |= 1 << self.index[label]
        return bits

    def link(self, query: str, precedent: str) -> Link | None:
        return self._links.get((query, precedent))

    def links(self, query: Sequence[str], precedent: Sequence[str]) -> list[Link]:
        """The best link of each query term, then precedent terms nothing reached."""
        out: list[Link] = []
        for a in query:
            best = max(
                (link for b in precedent if (link := self.link(a, b)) is not None),
                key=lambda link: link.credit,
                default=None,
            )
            if best is not None:
                out.append(best)
        reached = {link.precedent for link in out}
        for b in precedent:
            if b in reached:
                continue
            best = max(
                (link for a in query if (link := self.link(a, b)) is not None),
                key=lambda link: link.credit,
                default=None,
            )
            if best is not None:
                out.append(best)
        return out

    def set_weights(self, masks: Masks) -> None:
        """Weight each term by its inverse document frequency over the given masks."""
        n = masks.shape[0]
        for i in range(len(self.labels)):
            df = int(np.count_nonzero(masks & np.uint64(1 << i)))
            self.weights[i] = math.log((n + 1.0) / (df + 1.0)) + 1.0

    def similarity(self, query: Sequence[str], precedent: Sequence[str]) -> float:
        """Weighted soft Dice of two term lists; 0 when either side is empty."""
        q = [self.index[a] for a in dict.fromkeys(query) if a in self.index]
        d = [self.index[b] for b in dict.fromkeys(precedent) if b in self.index]
        if not q or not d:
            return 0.0
        block = self.matrix[np.ix_(q, d)]
        wq, wd = self.weights[q], self.weights[d]
        earned = float(wq @ block.max(axis=1) + wd @ block.max(axis=0))
        return earned / float(wq.sum() + wd.sum())

    def similarity_many(self, query: Sequence[str], masks: Masks) -> Floats:
        """`similarity` of the query terms against every mask at once."""
        q = [self.index[a] for a in dict.fromkeys(query) if a in self.index]
        result = np.zeros(masks.shape[0], dtype=np.float64)
        if not q:
            return result
        # Side of the precedent: each of its terms earns its best credit from the query.
        per_label = self.matrix[q, :].max(axis=0)
        earned = _sum_bits(masks, per_label * self.weights)
        # Side of the query: each query term earns its best credit from the precedent.
        for i in q:
            row = self.matrix[i]
            best = np.zeros(masks.shape[0], dtype=np.float64)
            for value in sorted({float(v) for v in row if v > 0}):
                hit = (masks & np.uint64(_mask_of(row >= value))) != 0
                best[hit] = value
            earned += self.weights[i] * best
        total = _sum_bits(masks, self.weights) + float(self.weights[q].sum())
        np.divide(earned, total, out=result, where=masks != 0)
        return result


def _link(vocabulary: Vocabulary, kind: str, credit: TaxonomyCredit, a: str, b: str) -> Link | None:
    if a == b:
        return Link(a, b, 1.0, "same")
    up_a, up_b = vocabulary.ancestors(kind, a), vocabulary.ancestors(kind, b)
    candidates: list[Link] = []
    if b in up_a:
        candidates.append(Link(a, b, credit.parent, "parent", b))
    if a in up_b:
        candidates.append(Link(a, b, credit.parent, "parent", a))
    shared = [g for g in up_a if g in up_b]
    if shared:
        candidates.append(Link(a, b, credit.sibling, "sibling", shared[0]))
    if b in vocabulary.related(kind, a):
        candidates.append(Link(a, b, credit.related, "related"))
    candidates = [c for c in candidates if c.credit > 0]
    return max(candidates, key=lambda c: c.credit, default=None)


def _mask_of(selected: npt.NDArray[np.bool_]) -> int:
    bits = 0
    for i in np.flatnonzero(selected):
        bits |= 1 << int(i)
    return bits


def _sum_bits(masks: Masks, values: npt.NDArray[np.float64]) -> Floats:
    """For every mask, the sum of `values` over its set bits (byte lookup tables)."""
    total = np.zeros(masks.shape[0], dtype=np.float64)
    padded = np.zeros(MAX_LABELS, dtype=np.float64)
    padded[: len(values)] = values
    byte_bits = (np.arange(256)[:, None] >> np.arange(8)[None, :]) & 1
    for byte in range((len(values) + 7) // 8):
        table = byte_bits @ padded[byte * 8 : byte * 8 + 8]
        shifted = (masks >> np.uint64(byte * 8)) & np.uint64(0xFF)
        total += table[shifted.astype(np.intp)]
    return total
