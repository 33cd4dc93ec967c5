"""What the similarity engine knows about one record: key terms and structured attributes.

`FeatureExtractor.extract` works on any subset of fields, from a full record to
a record whose only content is a pasted paragraph in ``situation``. Structured
fields are taken as given; an empty one is read from the text where that can be
done reliably (hardships, barriers, discovery channel, district, household size,
income, age), and its name goes into `Features.inferred` so the explanation can
say "由文字推断".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from precedents.record import PrecedentRecord, Status
from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize, segmenter
from search_index.names import listed_names, mask_names, written_names
from search_index.similar import inference
from search_index.similar.keyterms import FIELD_WEIGHTS, TermExtractor
from search_index.similar.settings import SimilaritySettings


@dataclass(frozen=True, slots=True)
class Features:
    """Key-term counts and attributes of one record, ready for scoring."""

    code: str
    title: str
    terms: dict[str, float]
    hardships: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    household_size: int | None = None
    monthly_income: float | None = None
    year: int | None = None
    age: int | None = None
    age_band: int | None = None
    discovery: str | None = None
    district: str | None = None
    decided: bool = False
    date: dt.date | None = None
    #: Names of the attributes that were read from the text, not from a field.
    inferred: frozenset[str] = frozenset()
    #: For hardships and barriers read from the text: (label, the words that showed it).
    #: Kept for the matter being searched (the explanation quotes it), not stored.
    evidence: tuple[tuple[str, str], ...] = ()
    #: Person names the record holds (its persons, names its text introduces). The
    #: index treats them as names in every record: a later case cites an earlier one
    #: by its person (参照老叶先例), and that name must not become a key term there.
    names: tuple[str, ...] = ()

    def income_ratio(self, settings: SimilaritySettings) -> float | None:
        """Income per person divided by the 低保 line of the filing year."""
        if self.monthly_income is None or not self.household_size:
            return None
        line = settings.poverty_line_for(self.year)
        return self.monthly_income / self.household_size / line


#: Term count a hardship described in the facts adds under its label (`_with_cue_terms`).
CUE_TERM_WEIGHT = 1.0


class FeatureExtractor:
    """Extracts `Features` with one vocabulary, one term extractor and compiled cues."""

    def __init__(
        self, vocabulary: Vocabulary, extra_synonym_groups: Iterable[Sequence[str]] = ()
    ) -> None:
        self.vocabulary = vocabulary
        self.terms = TermExtractor.from_vocabulary(vocabulary, extra_synonym_groups)
        self._hardship_cues = inference.cue_set("hardship", vocabulary)
        self._barrier_cues = inference.cue_set("barrier", vocabulary)
        self._discovery_cues = inference.cue_set("discovery")

    def extract(self, record: PrecedentRecord, districts: Iterable[str] = ()) -> Features:
        """Features of a record; `districts` are the names a pasted text may mention."""
        facts = normalize(f"{record.title}\n{record.situation}")
        inferred: set[str] = set()
        age, band = self._age(record, facts, inferred)
        cued = self._hardship_cues.evidence(facts)
        evidence: list[tuple[str, str]] = []
        hardships = self._labels("hardship", record.hardships)
        if not hardships:
            hardships = self._infer_hardships(cued, age, evidence)
            _mark(inferred, "hardships", hardships)
        barriers = self._labels("barrier", record.barriers)
        if not barriers:
            found = self._barrier_cues.evidence(facts)
            barriers = tuple(label for label, _ in found)
            evidence.extend(found)
            _mark(inferred, "barriers", barriers)
        household = record.household_size
        if household is None:
            household = inference.parse_household(facts)
            _mark(inferred, "household", household)
        income = float(record.monthly_income) if record.monthly_income is not None else None
        if income is None:
            parsed = inference.parse_income(facts)
            income = float(parsed) if parsed is not None else None
            _mark(inferred, "income", income)
        return Features(
            code=record.code,
            title=record.title,
            terms=_with_cue_terms(self.terms.counts(record), [label for label, _ in cued]),
            hardships=hardships,
            barriers=barriers,
            household_size=household,
            monthly_income=income,
            year=record.filed_on.year if record.filed_on else None,
            age=age,
            age_band=band,
            discovery=self._discovery(record, inferred),
            district=self._district(record, facts, districts, inferred),
            decided=is_decided(record),
            date=record.decided_on or record.filed_on,
            inferred=frozenset(inferred),
            evidence=self._quoted(record, facts, evidence),
            names=record_names(record),
        )

    def _quoted(
        self, record: PrecedentRecord, facts: str, evidence: list[tuple[str, str]]
    ) -> tuple[tuple[str, str], ...]:
        """The evidence with names masked: the explanation quotes it to the officer."""
        if not evidence:
            return ()
        names = [*listed_names(record.persons), *written_names(facts)]
        seg = segmenter()
        return tuple((label, mask_names(words, names, seg)) for label, words in evidence)

    def _labels(self, kind: str, values: Sequence[str]) -> tuple[str, ...]:
        """Given values resolved to vocabulary labels; unknown values are left out."""
        out: list[str] = []
        for value in values:
            label = self.vocabulary.resolve(kind, value)
            if label is not None and label not in out:
                out.append(label)
        return tuple(out)

    def _infer_hardships(
        self, cued: list[tuple[str, str]], age: int | None, evidence: list[tuple[str, str]]
    ) -> tuple[str, ...]:
        evidence.extend(cued)
        found = [label for label, _ in cued]
        for label, applies in (
            ("高龄", age is not None and age >= 80),
            ("未成年人", age is not None and age < 18),
        ):
            if applies and label not in found:
                found.append(label)
                evidence.append((label, f"{age}岁"))
        return tuple(found)

    def _age(
        self, record: PrecedentRecord, facts: str, inferred: set[str]
    ) -> tuple[int | None, int | None]:
        # The situation names the main person first; the title is a fallback.
        age = inference.parse_age(normalize(record.situation))
        if age is None:
            age = inference.parse_age(normalize(record.title))
        if age is not None:
            return age, inference.age_band(age)
        band = inference.hinted_age_band(facts)
        _mark(inferred, "age", band)
        return None, band

    def _discovery(self, record: PrecedentRecord, inferred: set[str]) -> str | None:
        if record.discovery:
            return self.vocabulary.resolve("discovery", record.discovery) or record.discovery
        found = self._discovery_cues.find(normalize(record.narrative))
        _mark(inferred, "discovery", found[0] if found else None)
        return found[0] if found else None

    def _district(
        self, record: PrecedentRecord, facts: str, districts: Iterable[str], inferred: set[str]
    ) -> str | None:
        if record.district:
            return record.district
        found = inference.infer_district(facts, districts)
        _mark(inferred, "district", found)
        return found


def is_decided(record: PrecedentRecord) -> bool:
    """A precedent whose decision is on file (status, date or written decision)."""
    if record.meta.status in (Status.DECIDED, Status.ARCHIVED):
        return True
    return record.decided_on is not None or bool(record.decision.strip())


def record_names(record: PrecedentRecord) -> tuple[str, ...]:
    """The record's person names (and given names) and the names its fields introduce."""
    found = dict.fromkeys(listed_names(record.persons))
    for name, _ in FIELD_WEIGHTS:
        found.update(dict.fromkeys(written_names(normalize(getattr(record, name) or ""))))
    return tuple(found)


def _with_cue_terms(counts: dict[str, float], cued: Sequence[str]) -> dict[str, float]:
    """Term counts plus one count of each hardship the wording describes.

    Two narratives that say 生活难以自理 and 卧床不起 share no word, but both
    describe 失能; counting the label as a term of both lets the text similarity
    see it, the way synonym folding does for single words.
    """
    for label in cued:
        counts[label] = counts.get(label, 0.0) + CUE_TERM_WEIGHT
    return counts


def _mark(inferred: set[str], name: str, value: object) -> None:
    if value is not None and value != ():
        inferred.add(name)
