"""The combined score: text similarity plus weighted attributes, and its calibration.

Combined (raw) score, for a matter q and a precedent p::

    text = 1 - exp(-cos(q, p) / text_scale(n))      n = key terms of the matter
    raw  = (w_text · text + Σ_a w_a · sim_a(q, p)) / (w_text + Σ_a w_a)

where the sums run over the attributes recorded on both sides, so a missing
field is left out rather than counted as a mismatch. `raw` is in [0, 1]; the
attribute measures live in `attributes` and `taxonomy`.

Key-term cosines of two narratives about the same kind of matter are typically
0.2 to 0.5, while attribute similarities of such a pair are typically 0.7 to 1.
The saturating `text` transform puts the two on one scale; without it a pasted
paragraph (few attributes, so mostly text) would score far lower than the same
matter entered as a form, and one threshold could not serve both. For the same
reason the scale shrinks for a matter with few key terms (`text_scale`): a short
paragraph can only share a few of a precedent's key terms, so its cosine with a
precedent of the very same kind is lower by about the square root of its length.

Calibration maps `raw` onto a score whose threshold has a fixed meaning::

    score = 1 / (1 + exp(-CALIBRATION_SLOPE · (raw - RAW_AT_THRESHOLD)))

so ``score ≥ CLOSE_THRESHOLD`` (0.5) exactly when ``raw ≥ RAW_AT_THRESHOLD``.

How the threshold was chosen (``docs/similarity.md``, section 4): it is the raw
score that best separates the top-1 scores of development matters that have a
pattern of precedents from those of matters that have none (Youden index, the
middle of the best interval), over matters entered both as forms and as pasted
paragraphs; `bench/eval_similar.py` prints this study, including a two-fold
check between the odd- and even-numbered queries. The slope spreads the usual
range of raw scores (0.3 to 0.8) over most of [0, 1]. Both constants apply at
query time, so re-calibrating on a library's own data needs no rebuild.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from search_index.similar import attributes as attr
from search_index.similar.features import Features
from search_index.similar.settings import SimilaritySettings
from search_index.similar.store import RowStore
from search_index.similar.taxonomy import Taxonomy

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

#: Combined score that calibrates to `CLOSE_THRESHOLD`.
RAW_AT_THRESHOLD = 0.54
#: Steepness of the calibration curve around the threshold.
CALIBRATION_SLOPE = 15.0
#: Key-term cosine at which text similarity reaches 1 - 1/e (about 0.63), for a
#: matter with at least `REFERENCE_TERMS` key terms.
TEXT_SCALE = 0.3
#: Key terms of a typical matter written as a form (title and situation): the
#: median of the development matters, on which `TEXT_SCALE` was set.
REFERENCE_TERMS = 24
#: Key terms of the matter a precedent must hold for the shorter scale to apply.
MIN_SHARED_TERMS = 3
#: The text scale never shrinks below this share of `TEXT_SCALE` (a matter of
#: two or three words cannot be read as a close match on them alone).
MIN_SCALE_SHARE = 0.45

#: Structured attributes in the order the explanation lists them.
ATTRIBUTES: tuple[str, ...] = (
    "hardships",
    "barriers",
    "household",
    "income",
    "age",
    "discovery",
    "district",
)


def calibrate(raw: float) -> float:
    return 1.0 / (1.0 + math.exp(-CALIBRATION_SLOPE * (raw - RAW_AT_THRESHOLD)))


def calibrate_many(raw: Floats) -> Floats:
    result: Floats = 1.0 / (1.0 + np.exp(-CALIBRATION_SLOPE * (raw - RAW_AT_THRESHOLD)))
    return result


def text_scale(n_terms: int) -> float:
    """The cosine scale of the text transform for a matter with `n_terms` key terms.

    A short matter can share only a few of a precedent's key terms: if its n
    terms all occur in a precedent of m terms with like weights, the cosine is
    about sqrt(n / m), not 1. So the scale shrinks with the square root of the
    matter's length below `REFERENCE_TERMS`, and a pasted paragraph that says
    the same thing as a precedent in few words reaches the same text similarity
    as a full case file would.
    """
    share = math.sqrt(min(max(n_terms, 0), REFERENCE_TERMS) / REFERENCE_TERMS)
    return TEXT_SCALE * max(share, MIN_SCALE_SHARE)


def text_scales(n_terms: int, shared: Floats) -> Floats:
    """Per row: `text_scale(n_terms)` where the row holds several of the matter's terms.

    The shorter scale is earned only by breadth: a row sharing fewer than
    `MIN_SHARED_TERMS` of the matter's key terms keeps `TEXT_SCALE`, so that one
    shared word (劳动 in a wage dispute and in a leukaemia precedent) cannot make
    a short matter look close.
    """
    return np.where(shared >= MIN_SHARED_TERMS, text_scale(n_terms), TEXT_SCALE)


def row_text_scale(n_terms: int, shared: int) -> float:
    """`text_scales` for one row (the explanation)."""
    return text_scale(n_terms) if shared >= MIN_SHARED_TERMS else TEXT_SCALE


def text_similarity(cosine: float, scale: float = TEXT_SCALE) -> float:
    return 1.0 - math.exp(-max(cosine, 0.0) / scale)


def combine(
    cosine: Floats,
    parts: Mapping[str, tuple[Floats, Bools]],
    settings: SimilaritySettings,
    scale: float | Floats = TEXT_SCALE,
) -> Floats:
    """Raw combined score of every row from key-term cosine and attribute columns.

    `scale` is the text transform's scale for the matter (`text_scale`).
    """
    weights = dict(settings.weights.items())
    text = 1.0 - np.exp(-np.maximum(cosine, 0.0) / scale)
    numerator = weights["text"] * text
    denominator = np.full(cosine.shape[0], weights["text"], dtype=np.float64)
    for name, (similarity, present) in parts.items():
        numerator = numerator + weights[name] * np.where(present, similarity, 0.0)
        denominator = denominator + weights[name] * present
    result: Floats = np.divide(
        numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0
    )
    return result


def attribute_columns(
    query: Features,
    store: RowStore,
    settings: SimilaritySettings,
    taxonomies: Mapping[str, Taxonomy],
) -> dict[str, tuple[Floats, Bools]]:
    """Similarity of the query to every row, per attribute, with the rows where it counts."""
    parts: dict[str, tuple[Floats, Bools]] = {}
    for kind, labels in (("hardships", query.hardships), ("barriers", query.barriers)):
        masks = store.column(kind)
        if labels:
            parts[kind] = (taxonomies[kind].similarity_many(labels, masks), masks != 0)
    household = store.column("household")
    if query.household_size is not None:
        parts["household"] = (
            attr.household_similarity_many(query.household_size, household),
            ~np.isnan(household),
        )
    ratio = query.income_ratio(settings)
    if ratio is not None:
        rows = income_ratios(store, settings)
        parts["income"] = (attr.income_similarity_many(ratio, rows), ~np.isnan(rows))
    bands = store.column("band")
    if query.age_band is not None:
        parts["age"] = (attr.age_similarity_many(query.age_band, bands), bands >= 0)
    for kind in ("discovery", "district"):
        values = store.column(kind)
        index = store.category_index(kind, getattr(query, kind))
        if getattr(query, kind) is not None:
            parts[kind] = ((values == index).astype(np.float64), values >= 0)
    return parts


def attribute_pair(
    query: Features,
    precedent: Features,
    settings: SimilaritySettings,
    taxonomies: Mapping[str, Taxonomy],
) -> dict[str, float | None]:
    """The same measures for one precedent; None where either side lacks the attribute."""
    out: dict[str, float | None] = dict.fromkeys(ATTRIBUTES)
    for kind in ("hardships", "barriers"):
        q, p = getattr(query, kind), getattr(precedent, kind)
        if q and p:
            out[kind] = taxonomies[kind].similarity(q, p)
    if query.household_size is not None and precedent.household_size is not None:
        out["household"] = attr.household_similarity(query.household_size, precedent.household_size)
    q_ratio, p_ratio = query.income_ratio(settings), precedent.income_ratio(settings)
    if q_ratio is not None and p_ratio is not None:
        out["income"] = attr.income_similarity(q_ratio, p_ratio)
    if query.age_band is not None and precedent.age_band is not None:
        out["age"] = attr.age_similarity(query.age_band, precedent.age_band)
    for kind in ("discovery", "district"):
        q_value, p_value = getattr(query, kind), getattr(precedent, kind)
        if q_value is not None and p_value is not None:
            out[kind] = 1.0 if q_value == p_value else 0.0
    return out


def income_ratios(store: RowStore, settings: SimilaritySettings) -> Floats:
    """Income per person over the 低保 line of each row's filing year (NaN if unknown)."""
    income, household = store.column("income"), store.column("household")
    line = np.full(income.shape[0], settings.poverty_line, dtype=np.float64)
    years = store.column("year")
    for year, value in settings.poverty_line_by_year.items():
        line[years == year] = value
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio: Floats = income / household / line
    ratio[~np.isfinite(ratio)] = np.nan
    return ratio


def select(
    score: Floats,
    usable: Bools,
    decided: Bools,
    date: npt.NDArray[np.int32],
    limit: int,
) -> npt.NDArray[np.intp]:
    """The `limit` best usable rows, best first.

    Rows are ordered by score at the displayed precision (two decimals); at
    equal displayed score decided precedents come first, then newer ones, then
    the exact score, then index order (stable results).
    """
    key = np.where(usable, np.round(score * 100.0), -1.0)
    k = min(limit, int(np.count_nonzero(usable)))
    if k <= 0:
        return np.zeros(0, dtype=np.intp)
    boundary = np.partition(key, key.shape[0] - k)[key.shape[0] - k]
    candidates = np.flatnonzero((key >= boundary) & usable)
    order = np.lexsort(
        (
            candidates,
            -score[candidates],
            -date[candidates],
            ~decided[candidates],
            -key[candidates],
        )
    )
    result: npt.NDArray[np.intp] = candidates[order][:k]
    return result


def best_rows(score: Floats, usable: Bools, count: int) -> npt.NDArray[np.intp]:
    """The `count` highest-scoring usable rows (any order among themselves)."""
    available = np.flatnonzero(usable)
    if available.size <= count:
        return available
    top = np.argpartition(-score[available], count - 1)[:count]
    result: npt.NDArray[np.intp] = available[top]
    return result
