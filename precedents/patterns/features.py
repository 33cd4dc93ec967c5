"""What the miner sees of a precedent: structured features, narrative terms, similarities.

Two signals describe a precedent. The structured fields (hardships, barriers,
measures) say what kind of case it was, generalised through the vocabulary
taxonomy so that 单人户低保 also counts as 低保 and 临时救助 sits near 救急难.
The narrative says what the structured fields cannot: 白血病 against 尿毒症,
渔船 against 茶园. Each signal becomes a weighted vector; their cosine
similarities, each measured against how close a precedent typically is to its
nearest others (`on_neighbour_scale`), are mixed into one matrix that the
clustering reads.

Text goes through `search_index.analysis` (`normalize`, `segment`) so that the
miner and the search agree on what a word is; vocabulary synonyms are folded
to their label (临救 → 临时救助, 低边 → 低保边缘). Which of those words may be
shown as a pattern's key terms is decided by `search_index.content_words`, the
filter the similarity engine's key terms use: generic words of case writing
(合计, 本市, 两名), function words, place and person names never are.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from precedents.record import PrecedentRecord, Status, default_status
from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize, segment
from search_index.content_words import content_words
from search_index.names import listed_names, written_names

Matrix = npt.NDArray[np.float64]
Progress = Callable[[int, int], None]

#: Structured feature weights. Barriers vary most within one kind of case (the same
#: hardship is refused for different reasons), so they count for less; parents and
#: related terms generalise without outweighing the term itself.
TERM_WEIGHT = 1.0
PARENT_WEIGHT = 0.5
RELATED_WEIGHT = 0.25
BARRIER_WEIGHT = 0.5
#: The combination of measures decided matters as much as each measure.
MEASURE_PAIR_WEIGHT = 0.5
#: Narrative terms must occur in at least this many precedents to count: a word
#: shared by two cases cannot carry a pattern of three, it only adds noise.
MIN_TERM_DF = 3
#: Nor may they occur in more than this share of them: the formulas every case
#: record repeats (按照困难群众利益最大化原则……) tell no case from another.
MAX_TERM_SHARE = 0.5

DECIDED = (Status.DECIDED, Status.ARCHIVED)


def is_precedent(record: PrecedentRecord) -> bool:
    """A decided or archived matter; an imported record without status if it has a decision."""
    if record.meta.id is None and record.meta.status is Status.DRAFT:
        return default_status(record) in DECIDED
    return record.meta.status in DECIDED


def record_date(record: PrecedentRecord) -> dt.date:
    """The date a precedent was set: its decision date, else its filing date."""
    return record.decided_on or record.filed_on


@dataclass(slots=True)
class Corpus:
    """The decided precedents in code order, with their features and similarities."""

    records: list[PrecedentRecord]
    #: Distinct narrative terms of each precedent (vocabulary synonyms folded).
    terms: list[frozenset[str]]
    #: How often each term occurs in each precedent.
    term_counts: list[Counter[str]]
    #: In how many precedents each term occurs.
    term_df: Counter[str]
    structured: Matrix
    text: Matrix
    combined: Matrix
    #: Vocabulary names (labels and synonyms of hardships, barriers, measures and
    #: discovery channels): never key terms, the structured fields already name them.
    vocabulary_names: frozenset[str] = frozenset()
    #: Every part of a vocabulary name (慈善 of 慈善救助): never anchors, since the
    #: structured fields already tell cases apart by them.
    vocabulary_parts: frozenset[str] = frozenset()
    #: What kind of case each precedent is, by its structured fields: hardships (with
    #: their parents) and barriers, as ``hardship:重病`` and ``barrier:收入超标``.
    case_keys: list[frozenset[str]] = field(default_factory=list)
    #: Each precedent's words that pass the shared key-term filter
    #: (`search_index.content_words`): only these are shown as key terms.
    content_terms: list[frozenset[str]] = field(default_factory=list)
    #: In how many precedents each word passes that filter.
    content_df: Counter[str] = field(default_factory=Counter)

    def __len__(self) -> int:
        return len(self.records)

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.records]

    def index(self) -> dict[str, int]:
        return {r.code: i for i, r in enumerate(self.records)}


class TermFolder:
    """Folds words to vocabulary labels and drops what is not a content word."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._labels: dict[str, str] = {}
        for kind in ("hardship", "barrier", "measure"):
            for term in vocabulary.terms.get(kind, {}).values():
                for name in term.names():
                    self._labels.setdefault(normalize(name), normalize(term.label))
        # How a matter came to light is a structured field too (动态监测预警).
        channels = {
            normalize(name)
            for term in vocabulary.terms.get("discovery", {}).values()
            for name in term.names()
        }
        self.vocabulary_names = frozenset(self._labels) | channels
        self.vocabulary_parts = frozenset(
            name[i:j]
            for name in self._labels
            for i in range(len(name))
            for j in range(i + 2, len(name) + 1)
        )

    def words(self, text: str, excluded: frozenset[str] = frozenset()) -> list[str]:
        out = []
        for word in segment(normalize(text)):
            # Single characters and numbers (ages, amounts, years) say nothing about
            # the kind of case; personal names must never become key terms.
            if len(word) < 2 or any(ch.isdigit() for ch in word) or word in excluded:
                continue
            out.append(normalize(self._labels.get(word, word)))
        return out

    def content(self, text: str, names: Sequence[str] = ()) -> list[str]:
        """The words of `text` that may be key terms, folded like `words`."""
        return content_words(text, names, self._labels)


def record_words(record: PrecedentRecord, folder: TermFolder) -> list[str]:
    """Narrative words of one precedent (title, situation, deliberation, decision)."""
    names = frozenset(normalize(p.name) for p in record.persons if len(p.name) >= 2)
    return folder.words(f"{record.title}\n{record.narrative}", names)


def record_content(record: PrecedentRecord, folder: TermFolder) -> tuple[set[str], set[str]]:
    """The precedent's words that pass the shared key-term filter, and the names it holds.

    The caller removes every precedent's names from every precedent's words: a
    later case file refers to an earlier one by its person (参照老叶先例) without
    introducing them.
    """
    text = f"{record.title}\n{record.narrative}"
    listed = listed_names(record.persons)
    names = {*listed, *written_names(normalize(text))}
    return set(folder.content(text, listed)), names


def structured_features(record: PrecedentRecord, vocabulary: Vocabulary) -> dict[str, float]:
    """Weighted structured features, generalised through parents and related terms."""
    features: dict[str, float] = {}

    def put(key: str, weight: float) -> None:
        features[key] = max(features.get(key, 0.0), weight)

    for kind, labels, weight in (
        ("hardship", record.hardships, TERM_WEIGHT),
        ("barrier", record.barriers, BARRIER_WEIGHT),
        ("measure", record.measure_types, TERM_WEIGHT),
    ):
        for label in labels:
            put(f"{kind}:{label}", weight)
            for parent in vocabulary.ancestors(kind, label):
                put(f"{kind}:{parent}", weight * PARENT_WEIGHT)
            for near in vocabulary.related(kind, label):
                put(f"{kind}:{near}", weight * RELATED_WEIGHT)
    measures = sorted(set(record.measure_types))
    for i, first in enumerate(measures):
        for second in measures[i + 1 :]:
            put(f"measures:{first}+{second}", MEASURE_PAIR_WEIGHT)
    return features


def case_keys(record: PrecedentRecord, vocabulary: Vocabulary) -> frozenset[str]:
    """The hardships (with their parents) and barriers of a precedent, as feature keys.

    What was decided is left out: it says how a case was settled, not what kind it is.
    """
    keys = {f"hardship:{h}" for h in record.hardships}
    keys.update(
        f"hardship:{p}" for h in record.hardships for p in vocabulary.ancestors("hardship", h)
    )
    keys.update(f"barrier:{b}" for b in record.barriers)
    return frozenset(keys)


def _idf(df: int, n: int) -> float:
    return math.log((1 + n) / (1 + df)) + 1.0


def _cosine(rows: Matrix) -> Matrix:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit = rows / np.where(norms > 0, norms, 1.0)
    sim: Matrix = np.clip(unit @ unit.T, 0.0, 1.0)
    return sim


def structured_similarity(features: Sequence[dict[str, float]]) -> Matrix:
    """Cosine similarity of idf-weighted structured features."""
    df: Counter[str] = Counter()
    for item in features:
        df.update(item.keys())
    keys = {key: i for i, key in enumerate(sorted(df))}
    rows = np.zeros((len(features), max(len(keys), 1)))
    for i, item in enumerate(features):
        for key, weight in item.items():
            rows[i, keys[key]] = weight * _idf(df[key], len(features))
    return _cosine(rows)


def text_similarity(words: Sequence[list[str]], df: Counter[str]) -> Matrix:
    """Cosine similarity of sublinear tf-idf vectors over terms shared by enough precedents."""
    most = MAX_TERM_SHARE * len(words)
    usable = sorted(t for t, c in df.items() if MIN_TERM_DF <= c <= most)
    kept = {t: i for i, t in enumerate(usable)}
    rows = np.zeros((len(words), max(len(kept), 1)))
    for i, bag in enumerate(words):
        for term, count in Counter(bag).items():
            j = kept.get(term)
            if j is not None:
                rows[i, j] = (1.0 + math.log(count)) * _idf(df[term], len(words))
    return _cosine(rows)


#: The neighbour scale: a precedent's similarity to its this-many nearest others.
NEIGHBOURS = 2


def on_neighbour_scale(sim: Matrix) -> Matrix:
    """Similarities over the typical similarity of a precedent to its nearest neighbours.

    Narratives run longer or shorter from one library to the next, and cosine
    similarities with them; measured against how close a precedent usually is
    to its nearest others, one threshold holds for both, and the structured and
    text parts weigh what their weights say.
    """
    n = len(sim)
    if n <= NEIGHBOURS:
        return sim
    others = sim.copy()
    np.fill_diagonal(others, -np.inf)
    nearest = np.sort(others, axis=1)[:, -NEIGHBOURS]
    scale = float(np.median(nearest))
    scaled: Matrix = sim / scale if scale > 0 else sim
    return scaled


def build_corpus(
    records: Sequence[PrecedentRecord],
    structured_weight: float,
    vocabulary: Vocabulary | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Select the decided precedents, in code order, and compute their similarities.

    The order of `records` does not matter: everything downstream is computed
    on the code-sorted list, so the same data always gives the same result.
    """
    vocab = vocabulary or Vocabulary.builtin()
    chosen = sorted((r for r in records if is_precedent(r)), key=lambda r: r.code)
    folder = TermFolder(vocab)
    words: list[list[str]] = []
    shown: list[set[str]] = []
    names: set[str] = set()
    for done, record in enumerate(chosen):
        words.append(record_words(record, folder))
        found, named = record_content(record, folder)
        shown.append(found)
        names |= named
        if progress is not None and done % 16 == 0:
            progress(done, len(chosen))
    content = [frozenset(found - names) for found in shown]
    terms = [frozenset(bag) for bag in words]
    df: Counter[str] = Counter()
    for bag_terms in terms:
        df.update(bag_terms)
    structured = on_neighbour_scale(
        structured_similarity([structured_features(r, vocab) for r in chosen])
    )
    text = on_neighbour_scale(text_similarity(words, df))
    combined = structured_weight * structured + (1.0 - structured_weight) * text
    if progress is not None:
        progress(len(chosen), len(chosen))
    keys = [case_keys(r, vocab) for r in chosen]
    content_df: Counter[str] = Counter()
    for words_of in content:
        content_df.update(words_of)
    return Corpus(
        chosen,
        terms,
        [Counter(bag) for bag in words],
        df,
        structured,
        text,
        combined,
        folder.vocabulary_names,
        folder.vocabulary_parts,
        keys,
        content,
        content_df,
    )
