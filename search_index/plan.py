"""From a parsed query to what the index must look up.

Each required word becomes a `Clause`: a set of weighted alternatives, any of
which satisfies it.

* A dictionary word (低保, 戈谢病, 被征地农民养老金) is looked up in the word
  fields, which also hold every dictionary word found inside a longer word.
* Any other string of two or more characters (戈谢, 征地养老) is looked up as an
  exact substring through the bigram fields, and, when it cuts into two or more
  words, as those words in order with at most `NEAR_GAP` characters between
  them (征地 … 养老 finds 被征地农民养老金).
* Synonym groups add alternatives (weight `SYNONYM_WEIGHT`); the report lists
  them so the screen can show "also searched: …".
* A word that names a controlled-vocabulary term (临救 → measure 临时救助) also
  matches records that carry that term, and records that *decided* that measure
  rank first.
* A bare word that is a district (集美, 集美区) filters by district.

Quoted phrases are exact: no synonyms, no word parts. Filter values are resolved
against the vocabulary and the values present in the index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from precedents.record import STATUSES
from precedents.vocabulary import Vocabulary
from search_index.analysis import STOP_CHARS, Segmenter, normalize, word_runs
from search_index.query import FIELD_NAMES, RANGE_FIELDS, ParsedQuery, QueryFilter, QueryTerm
from search_index.synonyms import SynonymTable

#: Most characters allowed between two parts of a word matched part by part.
NEAR_GAP = 4
#: Weight of the part-by-part alternative relative to the exact string.
PARTS_WEIGHT = 0.8
#: Vocabulary kinds whose terms, when typed, also match the record's own field.
VOCABULARY_FIELDS: dict[str, str] = {"measure": "measure", "hardship": "hardship", "barrier": "barrier"}
_VOCAB_KINDS = {"hardship", "barrier", "measure", "level", "discovery"}
_DISTRICT_SUFFIXES = ("区", "县", "市")

AltKind = Literal["word", "substr", "near"]


@dataclass(frozen=True, slots=True)
class Alt:
    """One way to satisfy a clause."""

    kind: AltKind
    text: str
    weight: float
    #: For "near": the alternatives of each part, in order.
    parts: tuple[tuple[str, ...], ...] = ()


@dataclass(slots=True)
class Clause:
    """One query word or phrase with everything that satisfies it."""

    term: QueryTerm
    alts: list[Alt]
    #: (keyword field, value) pairs that satisfy the clause and boost the record.
    keywords: list[tuple[str, str]] = field(default_factory=list)

    def highlight_terms(self) -> set[str]:
        out: set[str] = set()
        for alt in self.alts:
            if alt.kind == "near":
                for part in alt.parts:
                    out.update(part)
            else:
                out.add(alt.text)
        return out


@dataclass(frozen=True, slots=True)
class ResolvedFilter:
    """A filter with its values resolved to what the index holds."""

    field: str
    values: frozenset[str] = frozenset()
    negated: bool = False
    low: float | None = None
    high: float | None = None
    typed: str = ""


@dataclass(slots=True)
class Plan:
    parsed: ParsedQuery
    clauses: list[Clause]
    exclusions: list[Clause]
    filters: list[ResolvedFilter]
    expanded: dict[str, tuple[str, ...]]
    notes: list[str]

    def highlight_terms(self) -> list[str]:
        terms: set[str] = set()
        for clause in self.clauses:
            terms.update(clause.highlight_terms())
        return sorted((t for t in terms if t), key=len, reverse=True)


@dataclass(slots=True)
class Planner:
    """Builds plans with one segmenter, synonym table and vocabulary."""

    segmenter: Segmenter
    synonyms: SynonymTable
    vocabulary: Vocabulary

    def plan(
        self,
        parsed: ParsedQuery,
        known: Mapping[str, Sequence[str]],
        extra_filters: Sequence[QueryFilter] = (),
    ) -> Plan:
        """`known` maps keyword fields (district, street, tag, year) to the index's values."""
        notes = list(parsed.notes)
        filters = [self._resolve(f, known, notes) for f in (*parsed.filters, *extra_filters)]
        clauses: list[Clause] = []
        exclusions: list[Clause] = []
        expanded: dict[str, tuple[str, ...]] = {}
        for term in parsed.terms:
            district = None if term.phrase else _district(term.text, known.get("district", ()))
            if district is not None:
                filters.append(
                    ResolvedFilter("district", frozenset({district}), term.negated, typed=term.text)
                )
                notes.append(f"“{term.text}”按区县筛选：{district}")
                continue
            for clause in self._clauses(term, expanded):
                (exclusions if term.negated else clauses).append(clause)
        return Plan(parsed, clauses, exclusions, filters, expanded, notes)

    # -- clauses ---------------------------------------------------------------

    def _clauses(self, term: QueryTerm, expanded: dict[str, tuple[str, ...]]) -> list[Clause]:
        if term.phrase:
            joined = "".join(term.text.split())
            return [self._phrase_clause(term, run) for run, _ in word_runs(joined)]
        out = []
        for run, _ in word_runs(term.text):
            clause = self._word_clause(QueryTerm(run, negated=term.negated))
            added = tuple(a.text for a in clause.alts if a.kind != "near" and a.text != run)
            if added:
                expanded[run] = tuple(dict.fromkeys(added))
            out.append(clause)
        return out

    def _phrase_clause(self, term: QueryTerm, run: str) -> Clause:
        kind: AltKind = "word" if self.segmenter.is_single_word(run) or len(run) == 1 else "substr"
        clause = Clause(QueryTerm(run, phrase=True, negated=term.negated), [Alt(kind, run, 1.0)])
        clause.keywords = self._vocabulary_values([run])
        return clause

    def _word_clause(self, term: QueryTerm) -> Clause:
        alts: list[Alt] = []
        expansions = self.synonyms.expand(term.text)
        for text, weight in expansions:
            alts.extend(self._alternatives(text, weight, with_parts=text == term.text))
        clause = Clause(term, _dedupe(alts))
        clause.keywords = self._vocabulary_values([t for t, _ in expansions])
        return clause

    def _alternatives(self, text: str, weight: float, *, with_parts: bool) -> list[Alt]:
        if len(text) == 1 or self.segmenter.is_single_word(text):
            return [Alt("word", text, weight)]
        alts = [Alt("substr", text, weight)]
        if with_parts:
            parts = self._parts(text)
            if len(parts) >= 2:
                alts.append(Alt("near", text, weight * PARTS_WEIGHT, parts))
        return alts

    def _parts(self, text: str) -> tuple[tuple[str, ...], ...]:
        parts: list[tuple[str, ...]] = []
        for word in self.segmenter.cut(text):
            if len(word) == 1 and (word in STOP_CHARS or len(text) > 2):
                # Single characters carry little meaning on their own here, except in
                # a two-character query, where they are all there is.
                continue
            names = [w for w, _ in self.synonyms.expand(word) if self.segmenter.is_word(w)]
            parts.append(tuple(dict.fromkeys([word, *names])))
        return tuple(parts)

    def _vocabulary_values(self, texts: Sequence[str]) -> list[tuple[str, str]]:
        out: dict[tuple[str, str], None] = {}
        for kind, field_name in VOCABULARY_FIELDS.items():
            for text in texts:
                label = self.vocabulary.resolve(kind, text)
                if label is None:
                    label = self._grouping_label(kind, text)
                if label is None:
                    continue
                for value in (label, *self._descendants(kind, label)):
                    out[(field_name, value)] = None
        return list(out)

    def _grouping_label(self, kind: str, text: str) -> str | None:
        term = self.vocabulary.term(kind, text)
        return term.label if term is not None else None

    def _descendants(self, kind: str, label: str) -> list[str]:
        return [
            t.label
            for t in self.vocabulary.terms.get(kind, {}).values()
            if label in self.vocabulary.ancestors(kind, t.label)
        ]

    # -- filters ---------------------------------------------------------------

    def _resolve(
        self, qf: QueryFilter, known: Mapping[str, Sequence[str]], notes: list[str]
    ) -> ResolvedFilter:
        if qf.field in RANGE_FIELDS:
            return ResolvedFilter(qf.field, frozenset(), qf.negated, qf.low, qf.high, qf.typed)
        values: set[str] = set()
        for value in qf.values:
            found = self._resolve_value(qf.field, value, known.get(qf.field, ()))
            if not found:
                notes.append(f"“{qf.typed or value}”没有匹配的{_field_label(qf.field)}")
            values.update(found)
        if not values and not qf.values:
            return ResolvedFilter("", frozenset(), typed=qf.typed)
        return ResolvedFilter(qf.field, frozenset(values), qf.negated, typed=qf.typed)

    def _resolve_value(self, field_name: str, value: str, known: Sequence[str]) -> set[str]:
        if field_name in _VOCAB_KINDS:
            label = self.vocabulary.resolve(field_name, value) or self._grouping_label(
                field_name, value
            )
            if label is not None:
                return {label, *self._descendants(field_name, label)}
            names = [
                (name, t.label)
                for t in self.vocabulary.terms.get(field_name, {}).values()
                for name in t.names()
            ]
            return {label for name, label in names if value in normalize(name)}
        if field_name == "status":
            return {s for s in STATUSES if value in s}
        return _match_known(value, known)


def _dedupe(alts: list[Alt]) -> list[Alt]:
    best: dict[tuple[str, str], Alt] = {}
    for alt in alts:
        key = (alt.kind, alt.text)
        if key not in best or best[key].weight < alt.weight:
            best[key] = alt
    return list(best.values())


def _district(text: str, districts: Sequence[str]) -> str | None:
    for district in districts:
        norm = normalize(district)
        if text == norm:
            return district
        if any(norm == text + suffix for suffix in _DISTRICT_SUFFIXES) and len(text) >= 2:
            return district
    return None


def _match_known(value: str, known: Sequence[str]) -> set[str]:
    exact = {k for k in known if normalize(k) == value}
    if exact:
        return exact
    prefix = {k for k in known if normalize(k).startswith(value)}
    if prefix:
        return prefix
    return {k for k in known if value in normalize(k)}


def _field_label(field_name: str) -> str:
    for name, target in FIELD_NAMES.items():
        if target == field_name:
            return name
    return field_name
