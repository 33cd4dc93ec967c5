"""Use cases over patterns and policies that both programs call.

They tie the miner, the officers' curation and the policy registry to the
store: which records are mined, which draft a pattern's export uses, and the
one mask applied to text drawn from precedents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from precedents.anonymize import mask_text
from precedents.errors import PatternError
from precedents.patterns.curation import refresh_patterns
from precedents.patterns.describe import Pattern
from precedents.patterns.registry import EDITABLE, Policy, draft_from_pattern, list_policies
from precedents.patterns.settings import MiningSettings
from precedents.record import Person, PrecedentRecord
from precedents.store.precedents import iter_records
from precedents.vocabulary import Vocabulary

Progress = Callable[[int, int], None]


def current_patterns(
    session: Session,
    vocabulary: Vocabulary | None = None,
    settings: MiningSettings | None = None,
    progress: Progress | None = None,
) -> tuple[list[Pattern], list[PrecedentRecord]]:
    """Mine every stored precedent with the officers' curation applied; also the records."""
    records = list(iter_records(session))
    return refresh_patterns(session, records, settings, vocabulary, progress), records


def find_pattern(patterns: Sequence[Pattern], pattern_id: str) -> Pattern:
    wanted = pattern_id.strip().lower()
    matches = [p for p in patterns if p.id.lower() == wanted] or [
        p for p in patterns if p.id.lower().startswith(wanted)
    ]
    if len(matches) != 1:
        known = "、".join(p.id for p in patterns) or "（当前没有规律）"
        raise PatternError("pattern.unknown", id=pattern_id, known=known)
    return matches[0]


def records_mask(records: Sequence[PrecedentRecord]) -> Callable[[str], str]:
    """One mask for text drawn from several precedents: every listed person of any of them."""
    persons: list[Person] = [p for r in records for p in r.persons]
    return lambda text: mask_text(text, persons)


def draft_for_pattern(
    session: Session,
    pattern: Pattern,
    records: Sequence[PrecedentRecord],
    *,
    actor: str,
    vocabulary: Vocabulary | None = None,
) -> Policy:
    """The pattern's draft still being edited, or a new one written from the pattern.

    Reusing the open draft keeps the officers' edits; a new draft is written only
    when none is open for this pattern.
    """
    for policy in list_policies(session):
        if policy.pattern_id == pattern.id and policy.status in EDITABLE:
            return policy
    chosen = [r for r in records if r.code in set(pattern.codes)]
    return draft_from_pattern(
        session, pattern, chosen, records_mask(chosen), actor=actor, vocabulary=vocabulary
    )
