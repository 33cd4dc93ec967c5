"""Pseudo-relevance feedback: the best precedents of a first pass expand the query.

The best few precedents of a first pass usually share the matter's kind of
hardship; adding their key terms lets a second pass find precedents that tell
the same kind of matter in other words (视网膜母细胞瘤 meets 白血病 through 患儿,
化疗 and 医保目录外). Two safeguards keep this honest:

* each neighbour lends its terms in proportion to its calibrated first-pass
  score, as relevance models weight feedback documents, so a matter with no
  close precedent borrows little and cannot drift into a neighbouring kind of
  matter;
* each neighbour is rescored with a vector built from the *other* neighbours
  only (leave one out), so no precedent vouches for itself.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from search_index.similar.scoring import best_rows, calibrate
from search_index.similar.vectors import expand

#: Precedents of the first pass whose key terms expand the query.
FEEDBACK_ROWS = 3
#: Weight of their (score-weighted) mean vector against the matter's own, which has weight 1.
FEEDBACK_WEIGHT = 1.0

Vector = dict[str, float]
Floats = npt.NDArray[np.float64]


def feedback(
    own: Vector,
    first: Floats,
    usable: npt.NDArray[np.bool_],
    text: Floats,
    row_vector: Callable[[int], Vector],
    text_scores: Callable[[Vector], Floats],
) -> dict[int, Vector]:
    """Rescore the key-term cosines `text` in place with the expanded query.

    `first` is the first pass's combined score. Returns the vector each row was
    scored with: key -1 for every row, and a leave-one-out vector for each
    feedback row.
    """
    rows = sorted(int(r) for r in best_rows(first, usable, FEEDBACK_ROWS))
    if not rows:
        return {-1: own}
    share = FEEDBACK_WEIGHT / len(rows)
    found = {row: (row_vector(row), share * calibrate(float(first[row]))) for row in rows}
    expanded = expand(own, list(found.values()))
    text[:] = text_scores(expanded)
    vectors = {-1: expanded}
    for row, (vector, _) in found.items():
        alone = expand(own, [found[r] for r in rows if r != row])
        vectors[row] = alone
        text[row] = sum(w * vector[t] for t, w in alone.items() if t in vector)
    return vectors
