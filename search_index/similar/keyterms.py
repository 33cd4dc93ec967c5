"""Key terms of a narrative: the words that say what a matter is about.

Text is normalised and segmented with `search_index.analysis` (the same
analysis as the search index), then reduced to content words: stop words of
case writing and generic administrative words (研判, 同意, 情况, 申请 …; a data
file, `STOP_WORDS_FILE`), function words by part of speech (numerals, pronouns,
particles), single characters, numbers, anonymised names (王某) and person
names (`names`: the record's persons, names introduced before an age, words
tagged as names) are dropped, and vocabulary synonyms are folded onto their label
(大病 → 重病, 临救 → 临时救助) so that two officers' wording meets. Counts are
weighted by field: the title and the situation describe the facts, while the
deliberation and the decision mostly repeat procedure, so they count half.

The TF-IDF weighting itself needs corpus statistics and lives in the index;
this module only turns one record into weighted term counts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize, segmenter
from search_index.similar.names import (
    NAME_TAGS,
    blank_names,
    listed_names,
    looks_like_name,
    written_names,
)

#: Bumped whenever the reduction to key terms changes (part-of-speech filter,
#: person names); part of the index fingerprint, so stored terms are rebuilt.
TERMS_VERSION = 3

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

#: Parts of speech that never carry what a matter is about: numerals and quantities
#: (两个, 七八千), pronouns (他们, 某村), prepositions, conjunctions, particles,
#: interjections and measure words.
FUNCTION_TAGS: frozenset[str] = frozenset(
    {
        "m",
        "mq",
        "r",
        "rr",
        "rz",
        "p",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "ug",
        "uv",
        "ud",
        "y",
        "e",
        "o",
        "q",
        "d",
    }
)


def _load_stop_words() -> frozenset[str]:
    text = resources.files("search_index.data").joinpath(STOP_WORDS_FILE).read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        words.update(normalize(line.split("#", 1)[0]).split())
    return frozenset(words)


#: Data file of stop words (procedure, filler and generic administrative words).
STOP_WORDS_FILE = "keyterm_stopwords.txt"
#: Words of case writing that say nothing about the matter itself (`STOP_WORDS_FILE`).
STOP_WORDS: frozenset[str] = _load_stop_words()


#: Entries kept in a term extractor's memo of tagged words before it starts afresh.
MEMO_LIMIT = 300_000
#: Memo entry of a tagged word that is never a key term.
_DROPPED = ""


@dataclass(frozen=True, slots=True)
class TermExtractor:
    """Turns a record into field-weighted, synonym-folded term counts."""

    canonical: Mapping[str, str]
    #: (word, part of speech) → the key term it counts as, `_DROPPED` if none. Whether a
    #: tagged word is a content word depends on the pair alone, and a library repeats
    #: the same few tens of thousands of pairs, so each is judged once (build time).
    _memo: dict[tuple[str, str], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

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
        seg = segmenter()
        plain = normalize(text)
        plain = blank_names(plain, [*names, *written_names(plain)])
        memo = self._memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        out: list[str] = []
        previous = ""
        for tagged in seg.tag(plain, everything=True):
            term = memo.get(tagged)
            if term is None:
                term = memo[tagged] = self._term(*tagged)
            # Only a name-tagged word depends on the word before it (刘 + 海燕).
            if term and (tagged[1] not in NAME_TAGS or not looks_like_name(*tagged, seg, previous)):
                out.append(term)
            previous = tagged[0]
        return out

    def _term(self, word: str, pos: str) -> str:
        """The key term a tagged word counts as, or `_DROPPED`."""
        if len(word) < 2 or pos in FUNCTION_TAGS or not _is_content(word):
            return _DROPPED
        return self.canonical.get(word, word)

    def counts(self, record: PrecedentRecord) -> dict[str, float]:
        """Field-weighted term counts of the record's title and narrative."""
        names = listed_names(record.persons)
        counts: dict[str, float] = {}
        for name, weight in FIELD_WEIGHTS:
            text = getattr(record, name) or ""
            for word in self.words(text, names):
                counts[word] = counts.get(word, 0.0) + weight
        return counts


def _is_content(word: str) -> bool:
    if len(word) < 2 or word in STOP_WORDS or "某" in word or _is_place(word):
        return False
    return _CONTENT.fullmatch(word) is not None


def _is_place(word: str) -> bool:
    """A place name with an administrative suffix: 江西省, 泉州市, 汀溪镇, 新民街道."""
    if len(word) >= 3 and word[-1] in PLACE_SUFFIXES:
        return True
    return len(word) >= 4 and word.endswith(("街道", "社区"))


#: Last characters of place names (province, city, county, town, township); see `_is_place`.
#: 区 and 村 are left out: 城中村, 老城区 and 工业区 say what kind of place it is.
PLACE_SUFFIXES = frozenset("省市县镇乡")


#: Letters only (CJK ideographs count as letters): no digits, no punctuation or spaces.
_CONTENT = re.compile(r"[^\W\d_]+")


def sublinear(count: float) -> float:
    """Term-frequency damping: a word said five times is not five times as telling."""
    return count if count <= 1.0 else 1.0 + math.log(count)


def idf(df: float, n_docs: float) -> float:
    """Smoothed inverse document frequency, never below 1."""
    return math.log((n_docs + 1.0) / (df + 1.0)) + 1.0
