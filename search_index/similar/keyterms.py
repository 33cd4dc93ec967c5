"""Key terms of a narrative: the words that say what a matter is about.

The words are `search_index.content_words` (normalised, segmented, with stop
words, function words, place and person names dropped: the same filter the
pattern miner uses), with vocabulary synonyms folded onto their label (大病 →
重病, 临救 → 临时救助) so that two officers' wording meets. Counts are weighted
by field: the title and the situation describe the facts, while the
deliberation and the decision mostly repeat procedure, so they count half.

The TF-IDF weighting itself needs corpus statistics and lives in the index;
this module only turns one record into weighted term counts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize
from search_index.content_words import content_words
from search_index.names import listed_names

#: Bumped whenever the reduction to key terms changes (part-of-speech filter,
#: person names, names known in the library); part of the index fingerprint, so
#: stored terms are rebuilt.
TERMS_VERSION = 4

#: Weight of each narrative field in the term counts.
FIELD_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("title", 1.0),
    ("situation", 1.0),
    ("deliberation", 0.5),
    ("decision", 0.5),
)

#: Vocabulary kinds whose synonyms are folded onto the label. Level and discovery
#: synonyms (社区, 申请, 走访) are ordinary words in a narrative, so they stay as written.
FOLDED_KINDS: tuple[str, ...] = ("hardship", "barrier", "measure")


@dataclass(frozen=True, slots=True)
class TermExtractor:
    """Turns a record into field-weighted, synonym-folded term counts."""

    canonical: Mapping[str, str]

    @classmethod
    def from_vocabulary(
        cls, vocabulary: Vocabulary, extra_groups: Iterable[Sequence[str]] = ()
    ) -> TermExtractor:
        """Fold every synonym of the folded kinds onto its label.

        `extra_groups` are further synonym groups whose first member is the
        canonical form (for example the search index's synonym groups).
        """
        canonical: dict[str, str] = {}
        for kind in FOLDED_KINDS:
            for term in vocabulary.terms.get(kind, {}).values():
                label = normalize(term.label)
                for name in term.synonyms:
                    canonical.setdefault(normalize(name), label)
        for group in extra_groups:
            members = [normalize(name) for name in group if name]
            for name in members[1:]:
                canonical.setdefault(name, members[0])
        return cls(canonical=canonical)

    def words(self, text: str, names: Iterable[str] = ()) -> list[str]:
        """Content words of raw text, normalised and folded, in text order.

        `names` (normalised) are blanked out first; words the segmenter takes
        for a person's name and function words are left out as well.
        """
        return content_words(text, names, self.canonical)

    def counts(self, record: PrecedentRecord) -> dict[str, float]:
        """Field-weighted term counts of the record's title and narrative."""
        names = listed_names(record.persons)
        counts: dict[str, float] = {}
        for name, weight in FIELD_WEIGHTS:
            text = getattr(record, name) or ""
            for word in self.words(text, names):
                counts[word] = counts.get(word, 0.0) + weight
        return counts


def sublinear(count: float) -> float:
    """Term-frequency damping: a word said five times is not five times as telling."""
    return count if count <= 1.0 else 1.0 + math.log(count)


def idf(df: float, n_docs: float) -> float:
    """Smoothed inverse document frequency, never below 1."""
    return math.log((n_docs + 1.0) / (df + 1.0)) + 1.0
