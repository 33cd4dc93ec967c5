"""Why a precedent was found: shared terms, taxonomy matches and each attribute's points.

The explanation recomputes the measures for the one pair with the scalar forms
in `scoring.attribute_pair`, which agree with the vectorised scoring, so the
points listed add up to the hit's combined score.
"""

from __future__ import annotations

from collections.abc import Mapping

from search_index.similar import attributes as attr
from search_index.similar.features import Features
from search_index.similar.hits import Reason
from search_index.similar.scoring import ATTRIBUTES, row_text_scale, text_similarity
from search_index.similar.settings import ATTRIBUTE_LABELS, SimilaritySettings
from search_index.similar.taxonomy import Taxonomy

#: How many matched key terms a reason names.
SHOWN_TERMS = 8
#: How many of each side's own key terms the text contribution names.
SHOWN_OWN_TERMS = 5


def explain(
    query: Features,
    precedent: Features,
    vectors: tuple[Mapping[str, float], Mapping[str, float], Mapping[str, float]],
    parts: Mapping[str, float | None],
    settings: SimilaritySettings,
    taxonomies: Mapping[str, Taxonomy],
) -> list[Reason]:
    """Reasons for one hit: shared terms first, then every attribute's contribution.

    `vectors` are the matter's own key-term vector, the expanded vector the
    score used, and the precedent's vector. Matched terms are named from the
    matter's own words; the text points follow the expanded vector.
    """
    own, expanded, p_vec = vectors
    reasons: list[Reason] = []
    if query.evidence:
        reasons.append(inferred_reason(query.evidence))
    for kind in ("hardships", "barriers"):
        links = taxonomies[kind].links(getattr(query, kind), getattr(precedent, kind))
        if links:
            reasons.append(Reason("shared", kind, ATTRIBUTE_LABELS[kind], links=tuple(links)))
    shared = sorted(set(own) & set(p_vec), key=lambda t: -own[t] * p_vec[t])
    if shared:
        terms = tuple(shared[:SHOWN_TERMS])
        reasons.append(Reason("terms", "text", ATTRIBUTE_LABELS["text"], terms=terms))
    weights = dict(settings.weights.items())
    total = weights["text"] + sum(weights[a] for a in ATTRIBUTES if parts[a] is not None)
    cosine = sum(w * p_vec[t] for t, w in expanded.items() if t in p_vec)
    scale = row_text_scale(len(own), len(set(own) & set(p_vec)))
    similarity = text_similarity(cosine, scale)
    reasons.append(
        Reason(
            "attribute",
            "text",
            ATTRIBUTE_LABELS["text"],
            query_value=_top_terms(own),
            precedent_value=_top_terms(p_vec),
            similarity=similarity,
            points=_points(weights["text"], similarity, total),
            note=f"关键词向量余弦 {cosine:.2f}",
        )
    )
    for name in ATTRIBUTES:
        reasons.append(
            _attribute_reason(name, query, precedent, parts[name], weights[name], total, settings)
        )
    return reasons


def inferred_reason(evidence: tuple[tuple[str, str], ...]) -> Reason:
    """What was read from the matter's wording: 从文字推断：失能（据“生活难以自理”）."""
    items = "、".join(f"{label}（据“{words}”）" for label, words in evidence)
    return Reason("inferred", "", "从文字推断", note=f"从文字推断：{items}")


def _attribute_reason(
    name: str,
    query: Features,
    precedent: Features,
    similarity: float | None,
    weight: float,
    total: float,
    settings: SimilaritySettings,
) -> Reason:
    label = ATTRIBUTE_LABELS[name]
    q_value = _value(name, query, settings)
    p_value = _value(name, precedent, settings)
    if similarity is None:
        missing = [side for side, value in (("本案", q_value), ("先例", p_value)) if not value]
        note = "、".join(missing) + "未记录" if missing else "无法比较"
        return Reason("attribute", name, label, q_value, p_value, None, 0.0, note=note)
    points = _points(weight, similarity, total)
    return Reason("attribute", name, label, q_value, p_value, similarity, points)


def _value(name: str, features: Features, settings: SimilaritySettings) -> str:
    text = _plain_value(name, features, settings)
    if text and name in features.inferred:
        text += "（由文字推断）"
    return text


def _plain_value(name: str, f: Features, settings: SimilaritySettings) -> str:
    if name in ("hardships", "barriers"):
        return "、".join(getattr(f, name))
    if name == "household":
        return f"{f.household_size} 人" if f.household_size is not None else ""
    if name == "income":
        ratio = f.income_ratio(settings)
        if ratio is None:
            return ""
        return f"{ratio:.2f} 倍（{attr.income_band(ratio)}）"
    if name == "age":
        if f.age_band is None:
            return ""
        band = attr.age_band_name(f.age_band)
        return f"{f.age} 岁（{band}）" if f.age is not None else band
    value = getattr(f, name)
    return str(value) if value else ""


def _top_terms(vector: Mapping[str, float]) -> str:
    return "、".join(sorted(vector, key=lambda t: -vector[t])[:SHOWN_OWN_TERMS])


def _points(weight: float, similarity: float, total: float) -> float:
    return 100.0 * weight * similarity / total if total > 0 else 0.0
