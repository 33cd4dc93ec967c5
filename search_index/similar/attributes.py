"""Similarity of the simple structured attributes, one pair at a time or a whole column at once.

Each measure returns a value in [0, 1]. The scalar form serves the explanation
and the tests; the vectorised form (same arithmetic on numpy arrays, with NaN or
-1 meaning "not recorded") serves scoring. A missing value on either side means
the attribute is left out of the score, not counted as a mismatch.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from search_index.similar.inference import AGE_BANDS

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int16]

#: Household sizes this far apart (or further) share nothing.
HOUSEHOLD_SPAN = 3.0
#: Income ratios above this count as "far above the line" alike.
INCOME_CAP = 3.0
#: Income ratios this far apart (after capping) share nothing.
INCOME_SPAN = 1.5
#: Credit for neighbouring age bands (a 58-year-old and a 62-year-old).
ADJACENT_AGE_CREDIT = 0.5
#: Per-person income up to this multiple of the 低保 line is "低保边缘".
EDGE_MULTIPLE = 1.5


def household_similarity(a: int, b: int) -> float:
    return max(0.0, 1.0 - abs(a - b) / HOUSEHOLD_SPAN)


def household_similarity_many(a: float, column: Floats) -> Floats:
    return np.clip(1.0 - np.abs(column - a) / HOUSEHOLD_SPAN, 0.0, 1.0)


def income_similarity(a: float, b: float) -> float:
    return max(0.0, 1.0 - abs(min(a, INCOME_CAP) - min(b, INCOME_CAP)) / INCOME_SPAN)


def income_similarity_many(a: float, column: Floats) -> Floats:
    capped = np.minimum(column, INCOME_CAP)
    return np.clip(1.0 - np.abs(capped - min(a, INCOME_CAP)) / INCOME_SPAN, 0.0, 1.0)


def age_similarity(a: int, b: int) -> float:
    gap = abs(a - b)
    return 1.0 if gap == 0 else ADJACENT_AGE_CREDIT if gap == 1 else 0.0


def age_similarity_many(a: int, column: Ints) -> Floats:
    gap = np.abs(column.astype(np.int64) - a)
    return np.where(gap == 0, 1.0, np.where(gap == 1, ADJACENT_AGE_CREDIT, 0.0))


def income_band(ratio: float) -> str:
    """Where per-person income stands against the 低保 line, in an officer's words."""
    if ratio <= 1.0:
        return "不高于低保线"
    if ratio <= EDGE_MULTIPLE:
        return "低保边缘"
    return "明显高于低保线"


def age_band_name(band: int) -> str:
    return AGE_BANDS[band][1]
