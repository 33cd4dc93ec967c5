"""Matching, ranking and facet counting over a snapshot, with numpy.

For every clause and every field, the term frequencies of all its alternatives
are summed into one array per segment (synonyms count as one term, as in
Lucene's synonym query), then scored with BM25 using the document frequency of
that union. A record's score is the sum over clauses of the field scores
weighted by `FIELD_WEIGHTS` (title and decision weigh more than the narrative)
plus a boost when the record carries a vocabulary term the query named
(`KEYWORD_WEIGHTS`: a decided measure weighs most). Every clause is required
(most of them for a long pasted passage, `Plan.required`); excluded clauses and
filters remove records. Ties go to the newer record.

A clause with parts (独居老人 = 独居 + 老人) also matches records that satisfy
enough of its parts (`Clause.parts_required`); those add `PARTS_WEIGHT` times
the parts' mean score. Exact
substrings are verified with bigram positions, read only for the records that
contain every bigram, and cached per segment like plain postings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce

import numpy as np
import numpy.typing as npt

from search_index.plan import PARTS_WEIGHT, Alt, Clause, Plan, ResolvedFilter
from search_index.postings import EMPTY_IDS, EMPTY_TF, FloatArray, IntArray, read_positions
from search_index.schema import BIGRAM, SECTIONS
from search_index.segments import OpenSegment, SegmentView, Snapshot

#: An attachment (a report, a certificate) weighs less than the record's own words.
FIELD_WEIGHTS: dict[str, float] = {"title": 3.0, "decision": 2.0, "body": 1.0, "attachment": 0.6}
KEYWORD_WEIGHTS: dict[str, float] = {"measure": 4.0, "hardship": 1.5, "barrier": 1.5}
FACET_FIELDS: tuple[str, ...] = (
    "district",
    "hardship",
    "barrier",
    "measure",
    "level",
    "year",
    "status",
)
K1 = 1.2
B = 0.75

Mask = npt.NDArray[np.bool_]
Pair = tuple[IntArray, FloatArray]


@dataclass(frozen=True, slots=True)
class Ranked:
    total: int
    #: (score, global document number) best first.
    top: list[tuple[float, int]]
    facets: dict[str, list[tuple[str, int]]]


def execute(plan: Plan, snapshot: Snapshot, limit: int, offset: int = 0) -> Ranked:
    views = snapshot.views
    base = [_filter_mask(view, plan.filters) for view in views]
    for clause in plan.exclusions:
        for i, view in enumerate(views):
            base[i] &= ~_clause_matches(clause, view)
    scores = [np.zeros(view.segment.ndocs, dtype=np.float32) for view in views]
    hits = [np.zeros(view.segment.ndocs, dtype=np.int16) for view in views]
    for clause in plan.clauses:
        clause_scores = _score_clause(clause, snapshot)
        for i in range(len(views)):
            matched, score = clause_scores[i]
            hits[i] += matched
            scores[i] += score
    required = plan.required or len(plan.clauses)
    if required:
        for i in range(len(views)):
            base[i] &= hits[i] >= required
    total = int(sum(int(m.sum()) for m in base))
    top = _top(views, base, scores, limit + offset)[offset:]
    facets = _facets(views, base)
    return Ranked(total, top, facets)


# -- filters -------------------------------------------------------------------


def _filter_mask(view: SegmentView, filters: Sequence[ResolvedFilter]) -> Mask:
    mask = view.live.copy()
    for flt in filters:
        if not flt.field:
            continue
        hit = _range_mask(view, flt) if flt.field in ("year", "amount", "income") else None
        if hit is None:
            hit = _values_mask(view, flt.field, flt.values)
        mask &= ~hit if flt.negated else hit
    return mask


def _values_mask(view: SegmentView, field: str, values: frozenset[str]) -> Mask:
    hit = np.zeros(view.segment.ndocs, dtype=np.bool_)
    postings = view.segment.keywords.get(field, {})
    for value in values:
        ids = postings.get(value)
        if ids is not None:
            hit[ids] = True
    return hit


def _range_mask(view: SegmentView, flt: ResolvedFilter) -> Mask | None:
    if flt.low is None and flt.high is None:
        return np.zeros(view.segment.ndocs, dtype=np.bool_)
    if flt.field == "year":
        years = np.zeros(view.segment.ndocs, dtype=np.float64)
        for value, ids in view.segment.keywords["year"].items():
            years[ids] = float(value) if value.isdigit() else 0.0
        values = years
    else:
        values = view.segment.columns[flt.field].astype(np.float64)
    hit = np.ones(view.segment.ndocs, dtype=np.bool_)
    if flt.low is not None:
        hit &= values >= flt.low - 1e-9
    if flt.high is not None:
        hit &= values <= flt.high + 1e-9
    return hit


# -- clauses -------------------------------------------------------------------


def _fields_of(alt: Alt) -> tuple[str, ...]:
    """The index fields an alternative is looked up in."""
    if alt.kind == "substr":
        return tuple(BIGRAM[s] for s in SECTIONS)
    return SECTIONS


def _alt_postings(seg: OpenSegment, field: str, alt: Alt) -> Pair:
    if alt.kind == "word" or len(alt.text) <= 2:
        return seg.postings(field, alt.text)
    key = ("s", field, alt.text)
    return seg.cache.get_or_compute(key, lambda: _substring(seg, field, alt.text), _size)


def _size(pair: Pair) -> int:
    return int(pair[0].size) + 16


def _clause_tf(clause: Clause, view: SegmentView) -> dict[str, FloatArray]:
    """Index field → summed weighted term frequency of the clause, per document."""
    n = view.segment.ndocs
    out: dict[str, FloatArray] = {}
    for alt in clause.alts:
        for field in _fields_of(alt):
            ids, tf = _alt_postings(view.segment, field, alt)
            if len(ids) == 0:
                continue
            acc = out.get(field)
            if acc is None:
                acc = out[field] = np.zeros(n, dtype=np.float32)
            # Document numbers are unique within one term's postings.
            acc[ids] += tf * alt.weight
    return out


def _keyword_hits(clause: Clause, view: SegmentView) -> dict[str, Mask]:
    out: dict[str, Mask] = {}
    for field, value in clause.keywords:
        ids = view.segment.keywords.get(field, {}).get(value)
        if ids is None or len(ids) == 0:
            continue
        mask = out.get(field)
        if mask is None:
            mask = out[field] = np.zeros(view.segment.ndocs, dtype=np.bool_)
        mask[ids] = True
    return out


def _clause_matches(clause: Clause, view: SegmentView) -> Mask:
    mask = np.zeros(view.segment.ndocs, dtype=np.bool_)
    for acc in _clause_tf(clause, view).values():
        mask |= acc > 0
    for hits in _keyword_hits(clause, view).values():
        mask |= hits
    return mask


def _score_clause(clause: Clause, snapshot: Snapshot) -> list[tuple[Mask, FloatArray]]:
    """Per segment: which records satisfy the clause, and their score for it."""
    if clause.either:
        return _score_either(clause, snapshot)
    whole = _score_whole(clause, snapshot)
    if not clause.parts:
        return whole
    parts = [_score_clause(part, snapshot) for part in clause.parts]
    required = clause.parts_required or len(parts)
    out = []
    for i, (matched, score) in enumerate(whole):
        enough = np.sum([p[i][0] for p in parts], axis=0) >= required
        mean = np.mean([p[i][1] for p in parts], axis=0).astype(np.float32)
        out.append((matched | enough, score + np.where(enough, PARTS_WEIGHT * mean, 0)))
    return out


def _score_either(clause: Clause, snapshot: Snapshot) -> list[tuple[Mask, FloatArray]]:
    """Alternatives typed with 或: any one satisfies the clause; a record scores its best."""
    options = [_score_clause(option, snapshot) for option in clause.parts]
    out = []
    for i in range(len(snapshot.views)):
        matched = np.any([option[i][0] for option in options], axis=0)
        score = np.max([option[i][1] for option in options], axis=0).astype(np.float32)
        out.append((matched, score))
    return out


def _score_whole(clause: Clause, snapshot: Snapshot) -> list[tuple[Mask, FloatArray]]:
    views = snapshot.views
    tfs = [_clause_tf(clause, view) for view in views]
    kws = [_keyword_hits(clause, view) for view in views]
    n_docs = max(snapshot.doc_count, 1)
    df: dict[str, int] = {}
    for view, per_field in zip(views, tfs, strict=True):
        for field, acc in per_field.items():
            df[field] = df.get(field, 0) + int(((acc > 0) & view.live).sum())
    kdf: dict[str, int] = {}
    for view, per_field_kw in zip(views, kws, strict=True):
        for field, hits in per_field_kw.items():
            kdf[field] = kdf.get(field, 0) + int((hits & view.live).sum())
    out = []
    for view, per_field, per_field_kw in zip(views, tfs, kws, strict=True):
        matched = np.zeros(view.segment.ndocs, dtype=np.bool_)
        score = np.zeros(view.segment.ndocs, dtype=np.float32)
        for field, acc in per_field.items():
            hit = acc > 0
            matched |= hit
            weight = FIELD_WEIGHTS[field.removesuffix("_bg")]
            idf = _idf(df[field], n_docs)
            length = view.segment.lengths[field][hit]
            norm = K1 * (1 - B + B * length / snapshot.avg_length[field])
            tf = acc[hit]
            score[hit] += weight * idf * tf * (K1 + 1) / (tf + norm)
        for field, hits in per_field_kw.items():
            matched |= hits
            score[hits] += KEYWORD_WEIGHTS[field] * _idf(kdf[field], n_docs)
        out.append((matched, score))
    return out


def _idf(df: int, n: int) -> float:
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


# -- substrings and parts ------------------------------------------------------


def _intersect(arrays: list[IntArray]) -> IntArray:
    arrays = sorted(arrays, key=len)
    result: IntArray = reduce(lambda a, b: np.intersect1d(a, b, assume_unique=True), arrays)
    return result


def _sorted_intersection(
    a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Values present in both sorted arrays (no full sort, unlike np.intersect1d)."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 0:
        return a
    idx = np.searchsorted(b, a)
    idx[idx >= len(b)] = len(b) - 1
    common: npt.NDArray[np.int64] = a[b[idx] == a]
    return common


def _substring(seg: OpenSegment, field: str, text: str) -> Pair:
    """Documents containing `text` exactly, with occurrence counts (bigram positions)."""
    offsets = list(range(0, len(text) - 1, 2))
    if offsets[-1] != len(text) - 2:
        offsets.append(len(text) - 2)
    grams = [(text[o : o + 2], o) for o in offsets]
    posts = [seg.postings(field, g)[0] for g, _ in grams]
    if any(len(p) == 0 for p in posts):
        return EMPTY_IDS, EMPTY_TF
    candidates = _intersect(posts)
    if len(candidates) == 0:
        return EMPTY_IDS, EMPTY_TF
    keys: npt.NDArray[np.int64] | None = None
    for gram, offset in grams:
        with seg.lock:
            docs, poses = read_positions(seg.reader, field, gram, candidates)
        starts = poses.astype(np.int64) - offset
        ok = starts >= 0
        # Documents ascend and each document's positions ascend: the keys are sorted.
        gram_keys = (docs[ok].astype(np.int64) << 32) | starts[ok]
        keys = gram_keys if keys is None else _sorted_intersection(keys, gram_keys)
        if len(keys) == 0:
            return EMPTY_IDS, EMPTY_TF
    assert keys is not None
    found, counts = np.unique(keys >> 32, return_counts=True)
    return found.astype(np.int32), counts.astype(np.float32)


# -- ranking and facets --------------------------------------------------------


def _top(
    views: list[SegmentView], masks: list[Mask], scores: list[FloatArray], k: int
) -> list[tuple[float, int]]:
    if k <= 0:
        return []
    cand_scores: list[FloatArray] = []
    cand_docs: list[npt.NDArray[np.int64]] = []
    cand_filed: list[npt.NDArray[np.int64]] = []
    for view, mask, score in zip(views, masks, scores, strict=True):
        idx = np.nonzero(mask)[0]
        if len(idx) == 0:
            continue
        s = score[idx]
        if len(idx) > k:
            keep = np.argpartition(-s, k - 1)[:k]
            # Keep every record tied with the k-th score so recency can break the tie.
            threshold = s[keep].min()
            keep = np.nonzero(s >= threshold)[0]
            idx, s = idx[keep], s[keep]
        cand_scores.append(s)
        cand_docs.append(idx.astype(np.int64) + view.offset)
        cand_filed.append(view.segment.columns["filed"][idx].astype(np.int64))
    if not cand_scores:
        return []
    all_scores = np.concatenate(cand_scores)
    all_docs = np.concatenate(cand_docs)
    all_filed = np.concatenate(cand_filed)
    order = np.lexsort((all_docs, -all_filed, -np.round(all_scores, 4)))[:k]
    return [(float(all_scores[i]), int(all_docs[i])) for i in order]


def _facets(views: list[SegmentView], masks: list[Mask]) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for name in FACET_FIELDS:
        counts: dict[str, int] = {}
        for view, mask in zip(views, masks, strict=True):
            for value, ids in view.segment.keywords.get(name, {}).items():
                n = int(mask[ids].sum())
                if n:
                    counts[value] = counts.get(value, 0) + n
        out[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return out
