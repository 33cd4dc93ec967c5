"""What a pattern is: its precedents, evidence figures, defining features and label.

`describe` turns a group of precedents into a `Pattern`: support, districts,
time span, amounts per measure (min, median, max), the typical household, the
hardships, barriers and measures that define it, the key terms of its
narratives and a readable Chinese label such as
"重度残疾 + 家庭成员合并计算收入超标 → 单人户低保".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from precedents.patterns.clustering import cohesion
from precedents.patterns.features import Corpus, record_date
from precedents.patterns.terms import (
    DEFINING_SHARE,
    anchor_terms,
    key_terms,
    shown_term,
    structurally_distinctive,
)
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary

#: Coverage terms: at most this many anchors, each nearly exclusive to the pattern
#: and used by at least half of it.
COVERAGE_TERMS = 3
COVERAGE_PRECISION = 0.8
COVERAGE_SHARE = 0.5
#: The first precedents (by decision date, then code) whose codes make a new pattern's id.
CORE_SIZE = 3


@dataclass(frozen=True, slots=True)
class AmountStats:
    """Amounts decided for one measure type across a pattern's precedents."""

    measure: str
    #: Precedents that decided this measure.
    count: int
    #: Codes of the precedents that gave an amount, smallest amount first.
    codes_with_amount: tuple[str, ...] = ()
    minimum: Decimal | None = None
    median: Decimal | None = None
    maximum: Decimal | None = None

    @property
    def with_amount(self) -> int:
        return len(self.codes_with_amount)


@dataclass(frozen=True, slots=True)
class HouseholdFacts:
    """The typical household of a pattern."""

    median_size: float | None
    median_income: Decimal | None
    median_income_per_person: Decimal | None
    #: (term, how many precedents) most frequent first.
    hardships: tuple[tuple[str, int], ...] = ()
    barriers: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Pattern:
    """One recurring kind of hard case, as mined and, if curated, as officers left it."""

    id: str
    label: str
    codes: tuple[str, ...]
    districts: tuple[str, ...]
    first_on: dt.date
    last_on: dt.date
    hardships: tuple[str, ...]
    barriers: tuple[str, ...]
    measures: tuple[str, ...]
    key_terms: tuple[str, ...]
    #: Key terms needed, beside the structured fields, to recognise a case of this
    #: kind (透析, 尿毒症); empty when hardships and barriers alone pick it out.
    anchor_terms: tuple[str, ...]
    #: The strongest anchors (nearly all theirs, used by most of them): what a new
    #: matter's narrative must mention to fall under a policy drafted from it.
    coverage_terms: tuple[str, ...]
    amounts: tuple[AmountStats, ...]
    household: HouseholdFacts
    #: Mean similarity inside the pattern (0–1), a measure of how alike its cases are.
    cohesion: float = 0.0
    #: The officer's name for the pattern, if renamed.
    name: str | None = None
    confirmed: bool = False
    #: Codes per key term, for citing the precedents that speak of it.
    term_codes: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    @property
    def support(self) -> int:
        return len(self.codes)

    @property
    def title(self) -> str:
        """The name officers gave it, else the mined label."""
        return self.name or self.label


def pattern_id(codes: Iterable[str]) -> str:
    """A short stable id from the codes of a pattern's core precedents."""
    digest = hashlib.sha1("|".join(sorted(codes)).encode("utf-8")).hexdigest()
    return f"P-{digest[:8]}"


def core_codes(records: Sequence[PrecedentRecord]) -> list[str]:
    """The earliest precedents of a group: later cases join it, earlier ones stay."""
    ordered = sorted(records, key=lambda r: (record_date(r), r.code))
    return [r.code for r in ordered[:CORE_SIZE]]


def _median_decimal(values: Sequence[Decimal]) -> Decimal:
    return Decimal(str(statistics.median(values)))


def amount_stats(records: Sequence[PrecedentRecord]) -> tuple[AmountStats, ...]:
    """Per measure type: how often decided, and min, median, max of the amounts given.

    Two payments of one type in one precedent (a first and a second 临时救助)
    count as one amount, their sum: the statistics compare precedents.
    """
    counts: Counter[str] = Counter()
    amounts: dict[str, list[tuple[Decimal, str]]] = {}
    for record in records:
        totals: dict[str, Decimal] = {}
        for item in record.measures:
            if item.amount is not None:
                totals[item.type] = totals.get(item.type, Decimal(0)) + item.amount
        counts.update(set(record.measure_types))
        for kind, total in totals.items():
            amounts.setdefault(kind, []).append((total, record.code))
    out = []
    for kind, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        given = sorted(amounts.get(kind, []))
        if not given:
            out.append(AmountStats(kind, count))
            continue
        values = [amount for amount, _ in given]
        median = _median_decimal(values)
        codes = tuple(code for _, code in given)
        out.append(AmountStats(kind, count, codes, values[0], median, values[-1]))
    return tuple(out)


def household_facts(records: Sequence[PrecedentRecord]) -> HouseholdFacts:
    sizes = [r.household_size for r in records if r.household_size]
    incomes = [r.monthly_income for r in records if r.monthly_income is not None]
    per_person = [
        (r.monthly_income / r.household_size).quantize(Decimal("0.01"))
        for r in records
        if r.monthly_income is not None and r.household_size
    ]
    hardships = Counter(h for r in records for h in set(r.hardships))
    barriers = Counter(b for r in records for b in set(r.barriers))
    return HouseholdFacts(
        float(statistics.median(sizes)) if sizes else None,
        _median_decimal(incomes) if incomes else None,
        _median_decimal(per_person).quantize(Decimal("0.01")) if per_person else None,
        tuple(sorted(hardships.items(), key=lambda kv: (-kv[1], kv[0]))),
        tuple(sorted(barriers.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def defining(
    records: Sequence[PrecedentRecord], kind: str, vocabulary: Vocabulary
) -> tuple[str, ...]:
    """Terms of one kind most of the precedents share; the most specific, in vocabulary order."""
    counts: Counter[str] = Counter()
    for record in records:
        labels = {"hardship": record.hardships, "barrier": record.barriers}.get(
            kind, record.measure_types
        )
        counts.update(set(labels))
    chosen = {t for t, c in counts.items() if c >= DEFINING_SHARE * len(records)}
    # 单人户低保 says more than 低保: drop a parent when a child defines the pattern too.
    parents = {p for t in chosen for p in vocabulary.ancestors(kind, t)}
    order = {label: i for i, label in enumerate(vocabulary.labels(kind, selectable_only=False))}
    return tuple(sorted(chosen - parents, key=lambda t: (order.get(t, len(order)), t)))


def _time_span(records: Sequence[PrecedentRecord]) -> tuple[dt.date, dt.date]:
    dates = sorted(record_date(r) for r in records)
    return dates[0], dates[-1]


@dataclass(frozen=True, slots=True)
class LabelParts:
    subject: str
    barrier: str
    measures: str


def label_parts(
    hardships: Sequence[str],
    barriers: Sequence[str],
    measures: Sequence[str],
    anchors: Sequence[str],
    vocabulary: Vocabulary,
) -> LabelParts:
    """The subject, barrier and measures that make the label.

    The subject is the defining hardships; where they do not pick the pattern
    out (重病 is everywhere), the leading anchor term names it, the hardships
    following in brackets: 透析（重病、支出型贫困）.
    """
    subject = "、".join(hardships[:2])
    if anchors:
        subject = f"{anchors[0]}（{subject}）" if subject else anchors[0]
    return LabelParts(subject, barrier_phrase(barriers, vocabulary), " + ".join(measures))


def barrier_phrase(barriers: Sequence[str], vocabulary: Vocabulary) -> str:
    """家庭成员合并计算 + 收入超标 → 家庭成员合并计算收入超标: a cause reads before its effect."""
    remaining = list(barriers)
    parts = []
    for barrier in barriers:
        # Only the term that declares the relation is the cause (家庭成员合并计算 → 收入超标).
        term = vocabulary.term("barrier", barrier)
        effects = [b for b in (term.related if term else ()) if b in remaining]
        if effects and barrier in remaining:
            effect = sorted(effects)[0]
            parts.append(barrier + effect)
            remaining.remove(barrier)
            remaining.remove(effect)
    parts.extend(b for b in barriers if b in remaining)
    return "、".join(parts)


def ordered_anchors(corpus: Corpus, members: Sequence[int]) -> tuple[str, ...]:
    """The group's anchor terms, the most exclusive and widest used first.

    None where the hardships and barriers already pick the group out.
    """
    if structurally_distinctive(corpus, members):
        return ()
    stats = term_stats(corpus, members)
    shown = [t for t in anchor_terms(corpus, members) if shown_term(t, corpus)]
    return tuple(sorted(shown, key=lambda t: stats[t]))


def term_stats(corpus: Corpus, members: Sequence[int]) -> dict[str, tuple[float, float, int, str]]:
    """A sort key per term: (−precision, −share of the group, −occurrences, term)."""
    inside: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for index in members:
        inside.update(corpus.terms[index])
        occurrences.update(corpus.term_counts[index])
    return {
        term: (-count / corpus.term_df[term], -count / len(members), -occurrences[term], term)
        for term, count in inside.items()
    }


def coverage_terms(
    corpus: Corpus, members: Sequence[int], anchors: Sequence[str]
) -> tuple[str, ...]:
    """The few anchors exclusive enough to recognise a new case of the kind by."""
    stats = term_stats(corpus, members)
    strong = [
        t for t in anchors if -stats[t][0] >= COVERAGE_PRECISION and -stats[t][1] >= COVERAGE_SHARE
    ]
    return tuple(strong[:COVERAGE_TERMS])


def make_label(parts: LabelParts) -> str:
    left = " + ".join(p for p in (parts.subject, parts.barrier) if p)
    if parts.measures:
        return f"{left} → {parts.measures}" if left else parts.measures
    return left or "未命名规律"


def describe(
    corpus: Corpus,
    members: Sequence[int],
    vocabulary: Vocabulary,
    pid: str | None = None,
) -> Pattern:
    """A `Pattern` for the given corpus indices; the id defaults to the core-codes hash."""
    ordered = sorted(
        members, key=lambda i: (record_date(corpus.records[i]), corpus.records[i].code)
    )
    records = [corpus.records[i] for i in ordered]
    hardships = defining(records, "hardship", vocabulary)
    barriers = defining(records, "barrier", vocabulary)
    measures = defining(records, "measure", vocabulary)
    terms = key_terms(corpus, ordered)
    anchors = ordered_anchors(corpus, ordered)
    parts = label_parts(hardships, barriers, measures, anchors, vocabulary)
    first, last = _time_span(records)
    return Pattern(
        id=pid or pattern_id(core_codes(records)),
        label=make_label(parts),
        codes=tuple(r.code for r in records),
        districts=tuple(sorted({r.district for r in records})),
        first_on=first,
        last_on=last,
        hardships=hardships,
        barriers=barriers,
        measures=measures,
        key_terms=tuple(t for t, _ in terms),
        anchor_terms=anchors,
        coverage_terms=coverage_terms(corpus, ordered, anchors),
        amounts=amount_stats(records),
        household=household_facts(records),
        cohesion=round(cohesion(corpus.combined, ordered), 4),
        term_codes={
            t: tuple(corpus.records[i].code for i in ordered if t in corpus.terms[i])
            for t, _ in terms
        },
    )
