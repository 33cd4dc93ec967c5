"""Coverage criteria of a general policy: which matters it settles without a meeting.

A matter is covered when it has every hardship the policy is for (a more
specific term counts: 罕见病 is a 重病), at least one of the barriers the
policy removes, and, where the structured fields alone cannot recognise the
case, at least one of its anchor terms in the narrative (透析, 尿毒症). Measures
describe what the policy gives; a new matter has none yet, so they do not
decide coverage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from precedents.patterns.describe import Pattern
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize


@dataclass(frozen=True, slots=True)
class Criteria:
    """What a matter must show to be covered by a policy."""

    hardships: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    key_terms: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.hardships or self.barriers or self.key_terms)

    def to_data(self) -> dict[str, Any]:
        return {
            "hardships": list(self.hardships),
            "barriers": list(self.barriers),
            "measures": list(self.measures),
            "key_terms": list(self.key_terms),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Criteria:
        return cls(
            tuple(data.get("hardships", ())),
            tuple(data.get("barriers", ())),
            tuple(data.get("measures", ())),
            tuple(data.get("key_terms", ())),
        )

    def matches(self, record: PrecedentRecord, vocabulary: Vocabulary) -> bool:
        """Whether the matter falls under these criteria."""
        if self.is_empty():
            return False
        have = set(record.hardships)
        have.update(p for h in record.hardships for p in vocabulary.ancestors("hardship", h))
        if not set(self.hardships) <= have:
            return False
        if self.barriers and not set(self.barriers) & set(record.barriers):
            return False
        if self.key_terms:
            text = normalize(f"{record.title}\n{record.narrative}")
            if not any(normalize(term) in text for term in self.key_terms):
                return False
        return True


def criteria_for(pattern: Pattern, barriers_removed: Sequence[str]) -> Criteria:
    """The criteria proposed for a policy drafted from `pattern`."""
    return Criteria(
        hardships=pattern.hardships,
        barriers=tuple(barriers_removed),
        measures=pattern.measures,
        key_terms=pattern.coverage_terms,
    )
