"""Figures of the policy registry for the statistics: policies adopted, thresholds lowered.

A policy counts in the period it took effect (its effective date), repealed or
not; the registry's standing (in force, in consultation, drafts) is as it is
now. Policies are the city's, so no district applies to them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class AdoptedPolicy:
    title: str
    document_number: str
    effective_on: dt.date
    thresholds_lowered: int
    covered: int
    from_pattern: bool
    repealed: bool


@dataclass(frozen=True, slots=True)
class RegistryFigures:
    """Policies adopted in the period (effective date), and the registry as it stands now."""

    adopted: tuple[AdoptedPolicy, ...] = ()
    #: Respects in which the policies adopted in the period lowered a threshold.
    thresholds_lowered: int = 0
    #: Precedents those policies now settle without a meeting.
    covered: int = 0
    in_force: int = 0
    in_consultation: int = 0
    drafts: int = 0

    @property
    def from_patterns(self) -> int:
        return sum(1 for p in self.adopted if p.from_pattern)


def registry_figures(
    session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> RegistryFigures:
    """Policies adopted from `start` to `end` (effective date, inclusive) and the registry now."""
    # Imported here: the registry pulls in the pattern machinery, which plain counting
    # of precedents does not need.
    from precedents.patterns.registry import PolicyStatus, list_policies

    policies = list_policies(session)
    adopted = [
        p
        for p in policies
        if p.status in (PolicyStatus.IN_FORCE, PolicyStatus.REPEALED)
        and p.effective_on is not None
        and (start is None or p.effective_on >= start)
        and (end is None or p.effective_on <= end)
    ]
    adopted.sort(key=lambda p: (p.effective_on or dt.date.min, p.id))
    lines = tuple(
        AdoptedPolicy(
            title=p.title,
            document_number=p.document_number,
            effective_on=p.effective_on or dt.date.min,
            thresholds_lowered=p.thresholds_lowered,
            covered=len(p.covered_codes),
            from_pattern=p.pattern_id is not None,
            repealed=p.status is PolicyStatus.REPEALED,
        )
        for p in adopted
    )
    statuses = Counter(p.status for p in policies)
    return RegistryFigures(
        adopted=lines,
        thresholds_lowered=sum(p.thresholds_lowered for p in adopted),
        covered=len({code for p in adopted for code in p.covered_codes}),
        in_force=statuses[PolicyStatus.IN_FORCE],
        in_consultation=statuses[PolicyStatus.CONSULTATION],
        drafts=statuses[PolicyStatus.DRAFT],
    )
