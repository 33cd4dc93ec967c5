"""What a similarity query returns: hits with a calibrated score and their reasons.

`Reason` is structured (kind, attribute, both values, points, matched terms or
taxonomy links) so that the desktop can lay it out as a table and the Word
report can quote it; `Reason.text` renders the one Chinese sentence an officer
reads. Points are the attribute's share of the combined score in percent, so
the points of one hit add up to its uncalibrated score.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from search_index.similar.features import Features
from search_index.similar.taxonomy import Link

#: Which precedents an adopted general policy covers: a set of codes, or a callable
#: returning the policy's name (or True) for a covered code and None/False otherwise.
Coverage = Collection[str] | Callable[[str], str | bool | None]

#: Calibrated score at and above which a precedent is a "close precedent" (高度相似).
CLOSE_THRESHOLD = 0.5

#: Kinds of reasons, in the order a hit lists them.
REASON_KINDS: tuple[str, ...] = ("inferred", "shared", "terms", "attribute", "policy", "summary")


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason why a precedent is (or is not very) similar to the matter."""

    kind: str
    #: Attribute key ("hardships", "household", …) or "" for summary and policy reasons.
    attribute: str = ""
    label: str = ""
    query_value: str = ""
    precedent_value: str = ""
    similarity: float | None = None
    points: float = 0.0
    terms: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    note: str = ""

    @property
    def text(self) -> str:
        if self.kind == "shared":
            return f"共同的{self.label}：{'；'.join(describe_link(link) for link in self.links)}"
        if self.kind == "terms":
            return f"共同关键词：{'、'.join(self.terms)}"
        if self.kind == "attribute":
            return self._attribute_text()
        return self.note

    def _attribute_text(self) -> str:
        if self.similarity is None:
            return f"{self.label}：{self.note}，不计分"
        values = f"本案 {self.query_value or '—'}，先例 {self.precedent_value or '—'}"
        return f"{self.label}：{values}；相似度 {self.similarity:.2f}，计 {self.points:+.1f} 分"


def describe_link(link: Link) -> str:
    """One taxonomy match in words: 罕见病 与 重病 同属重病类."""
    if link.relation == "same":
        return link.query
    if link.relation in ("parent", "sibling"):
        return f"{link.query} 与 {link.precedent} 同属{link.group}类"
    return f"{link.query} 与 {link.precedent} 相近"


@dataclass(frozen=True, slots=True)
class SimilarHit:
    """One similar precedent."""

    code: str
    title: str
    #: Calibrated similarity in [0, 1]; `close` is ``score >= CLOSE_THRESHOLD``.
    score: float
    close: bool
    #: Combined score before calibration (sum of the reasons' points / 100).
    raw: float
    #: Cosine of the key-term vectors alone.
    text_score: float
    decided: bool
    date: dt.date | None
    covered_by_policy: bool = False
    #: Name of the general policy that covers it, when the caller supplied one.
    policy: str = ""
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of the command line: code, title, score, reasons as text."""
        return {
            "code": self.code,
            "title": self.title,
            "score": round(self.score, 4),
            "close": self.close,
            "decided": self.decided,
            "covered_by_policy": self.covered_by_policy,
            "policy": self.policy,
            "reasons": [reason.text for reason in self.reasons],
        }


def coverage(covered: Coverage | None, code: str) -> tuple[bool, str]:
    """Whether a general policy covers the precedent, and the policy's name when known."""
    if covered is None:
        return False, ""
    if callable(covered):
        answer = covered(code)
        return bool(answer), answer if isinstance(answer, str) else ""
    return code in covered, ""


def make_hit(
    precedent: Features,
    reasons: list[Reason],
    scores: tuple[float, float, float],
    covered: tuple[bool, str],
) -> SimilarHit:
    """A hit from its precedent, its reasons, (raw, calibrated, text) scores and coverage."""
    raw, score, text_score = scores
    is_covered, policy = covered
    if is_covered:
        name = f"《{policy}》" if policy else "已出台的普惠政策"
        reasons.append(Reason("policy", note=f"该先例所涉情形已被{name}覆盖，可直接按政策办理"))
    verdict = "高度相似" if score >= CLOSE_THRESHOLD else "相似程度一般"
    limit = f"{CLOSE_THRESHOLD:.2f} 及以上为高度相似"
    note = f"综合 {raw * 100:.1f} 分，校准后相似度 {score:.2f}（{limit}）：{verdict}"
    reasons.append(Reason("summary", note=note))
    return SimilarHit(
        code=precedent.code,
        title=precedent.title,
        score=score,
        close=score >= CLOSE_THRESHOLD,
        raw=raw,
        text_score=text_score,
        decided=precedent.decided,
        date=precedent.date,
        covered_by_policy=is_covered,
        policy=policy,
        reasons=reasons,
    )
