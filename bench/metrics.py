"""Ranking measures shared by the evaluation scripts: Recall@k and nDCG@k.

Binary relevance: a ranked code either is among the relevant ones or not. A query
with nothing relevant counts as fully answered (it is judged by other figures, such
as whether it found nothing).
"""

from __future__ import annotations

import math
from collections.abc import Sequence, Set


def recall_at(ranked: Sequence[str], relevant: Set[str], k: int = 5) -> float:
    """Share of the relevant codes found in the first `k` (at most `k` can be found)."""
    if not relevant:
        return 1.0
    return len(relevant & set(ranked[:k])) / min(k, len(relevant))


def ndcg_at(ranked: Sequence[str], relevant: Set[str], k: int = 10) -> float:
    """Discounted gain of the first `k` against the best possible order."""
    dcg = sum(1 / math.log2(i + 2) for i, code in enumerate(ranked[:k]) if code in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 1.0
