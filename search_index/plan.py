"""From a parsed query to what the index must look up.

Each required word becomes a `Clause`: a set of weighted alternatives, any of
which satisfies it.

* A dictionary word (低保, 戈谢病, 被征地农民养老金) is looked up in the word
  fields, which also hold every dictionary word found inside a longer word.
* Any other string of two or more characters (戈谢, 征地养老) is looked up as an
  exact substring through the bigram fields.
* A query word made of two or more words (征地养老, 独居老人, 孤独症儿童) may also
  be satisfied by its parts, each with its own synonyms, anywhere in the record
  (征地 … 养老 finds 被征地农民养老金; 老人 … 独居 finds 九旬老人独居); a long
  phrase typed as one word needs most of its parts (`parts_required`). Such
  matches score `PARTS_WEIGHT` of an exact one.
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

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from precedents.record import STATUSES
from precedents.vocabulary import Vocabulary
from search_index.analysis import Segmenter, normalize, word_runs
from search_index.query import FIELD_NAMES, RANGE_FIELDS, ParsedQuery, QueryFilter, QueryTerm
from search_index.synonyms import SynonymTable, status_words

#: Weight of a part-by-part match relative to an exact one.
PARTS_WEIGHT = 0.6
#: Shortest query word that may be matched part by part.
PARTS_MIN_LENGTH = 3


#: Words of a query that are searched (a pasted paragraph is cut here) ...
MAX_CLAUSES = 24
#: ... and parts of one long word that are matched part by part.
MAX_PARTS = 12
#: Filters whose value, when it names no vocabulary term, is searched as a word instead.
WORD_FALLBACK_FIELDS = frozenset({"hardship", "barrier", "measure"})
#: Up to this many words, every word is required; beyond, most of them.
ALL_WORDS_UP_TO = 6


def clauses_required(count: int) -> int:
    """Query words a record must match: all of a typed query, most of a pasted passage."""
    return count if count <= ALL_WORDS_UP_TO else math.ceil(count * 0.6)


def parts_required(count: int) -> int:
    """Parts that must match: all of two or three, most of a longer phrase."""
    return count if count <= 3 else math.ceil(count * 0.7)


#: Vocabulary kinds whose terms, when typed, also match the record's own field.
VOCABULARY_FIELDS: dict[str, str] = {
    "measure": "measure",
    "hardship": "hardship",
    "barrier": "barrier",
}
_VOCAB_KINDS = {"hardship", "barrier", "measure", "level", "discovery"}
_DISTRICT_SUFFIXES = ("区", "县", "市")

AltKind = Literal["word", "substr"]


@dataclass(frozen=True, slots=True)
class Alt:
    """One way to satisfy a clause: a dictionary word or an exact substring."""

    kind: AltKind
    text: str
    weight: float


@dataclass(slots=True)
class Clause:
    """One query word or phrase with everything that satisfies it."""

    term: QueryTerm
    alts: list[Alt]
    #: (keyword field, value) pairs that satisfy the clause and boost the record.
    keywords: list[tuple[str, str]] = field(default_factory=list)
    #: Sub-clauses that together also satisfy the clause ...
    parts: list[Clause] = field(default_factory=list)
    #: ... when at least this many of them match.
    parts_required: int = 0
    #: Typed as alternatives (戈谢病 或 法布雷病): the parts are the alternatives, any one
    #: satisfies the clause and scores in full; the clause has no words of its own.
    either: bool = False

    def highlight_terms(self) -> set[str]:
        out = {alt.text for alt in self.alts}
        out.update(value for _, value in self.keywords)
        for part in self.parts:
            out.update(part.highlight_terms())
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
    #: Clauses a record must satisfy (all of them unless the query is long).
    required: int = 0

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
        filters: list[ResolvedFilter] = []
        words: list[QueryTerm] = []
        for qf in (*parsed.filters, *extra_filters):
            before = len(notes)
            resolved = self._resolve(qf, known, notes)
            if qf.field in WORD_FALLBACK_FIELDS and len(qf.values) == 1 and not resolved.values:
                # 困难:中风 — a disease is no hardship of the vocabulary, but the officer
                # plainly wants the cases that mention it.
                del notes[before:]
                notes.append(f"“{qf.typed}”不是{_field_label(qf.field)}类别，已按词语检索")
                words.append(QueryTerm(qf.values[0], negated=qf.negated))
                continue
            filters.append(resolved)
        clauses: list[Clause] = []
        exclusions: list[Clause] = []
        expanded: dict[str, tuple[str, ...]] = {}
        joinable = False
        for term in (*parsed.terms, *words):
            district = None if term.phrase else _district(term.text, known.get("district", ()))
            if district is not None:
                filters.append(
                    ResolvedFilter("district", frozenset({district}), term.negated, typed=term.text)
                )
                notes.append(f"“{term.text}”按区县筛选：{district}")
                joinable = False
                continue
            new = self._clauses(term, expanded)
            if term.either and not term.negated and len(new) == 1 and joinable:
                clauses[-1] = _either(clauses[-1], new[0])
                continue
            for clause in new:
                (exclusions if term.negated else clauses).append(clause)
            # Only a word that became one required clause can take an alternative.
            joinable = len(new) == 1 and not term.negated
        if len(clauses) + len(exclusions) > MAX_CLAUSES:
            notes.append(f"检索词过多，只使用前 {MAX_CLAUSES} 个")
            clauses = clauses[:MAX_CLAUSES]
            exclusions = exclusions[: max(0, MAX_CLAUSES - len(clauses))]
        plan = Plan(parsed, clauses, exclusions, filters, expanded, notes)
        plan.required = clauses_required(len(clauses))
        if plan.required < len(clauses):
            notes.append(f"检索词较多，匹配其中至少 {plan.required} 个即列出")
        return plan

    # -- clauses ---------------------------------------------------------------

    def _clauses(self, term: QueryTerm, expanded: dict[str, tuple[str, ...]]) -> list[Clause]:
        if term.phrase:
            joined = "".join(term.text.split())
            return [self._phrase_clause(term, run) for run, _ in word_runs(joined)]
        # A dictionary word with punctuation inside (car-t) is one word, not its pieces.
        whole = self.segmenter.is_single_word(term.text)
        runs = [term.text] if whole else [run for run, _ in word_runs(term.text)]
        out = []
        for run in runs:
            if term.negated:
                # An exclusion removes what was typed, not its synonyms: -急淋 must not
                # remove every leukaemia record.
                alts = self._alternatives(run, 1.0)
                out.append(Clause(QueryTerm(run, negated=True), alts))
                continue
            clause = self._word_clause(QueryTerm(run), with_parts=True)
            added = tuple(a.text for a in clause.alts if a.text != run)
            if added:
                expanded[run] = tuple(dict.fromkeys(added))
            out.append(clause)
        return out

    def _phrase_clause(self, term: QueryTerm, run: str) -> Clause:
        alts = self._alternatives(run, 1.0)
        clause = Clause(QueryTerm(run, phrase=True, negated=term.negated), alts)
        clause.keywords = self._vocabulary_values([run])
        return clause

    def _word_clause(self, term: QueryTerm, *, with_parts: bool) -> Clause:
        expansions = self.synonyms.expand(term.text)
        alts = [alt for text, weight in expansions for alt in self._alternatives(text, weight)]
        clause = Clause(term, _dedupe(alts))
        clause.keywords = self._vocabulary_values([t for t, _ in expansions])
        if with_parts and not clause.keywords and len(term.text) >= PARTS_MIN_LENGTH:
            # A vocabulary term is matched whole (and through the record's own field);
            # splitting 收入超标 into 收入 and 超标 would only add noise.
            words = self._parts(term.text)
            if len(words) >= 2:
                clause.parts = [self._word_clause(QueryTerm(w), with_parts=False) for w in words]
                clause.parts_required = parts_required(len(words))
        return clause

    def _alternatives(self, text: str, weight: float) -> list[Alt]:
        if len(text) == 1:
            # A lone character: as a word, and as a one-character run (the bigram
            # fields record those), so the t of CAR-T is found.
            return [Alt("word", text, weight), Alt("substr", text, weight)]
        if self.segmenter.is_single_word(text):
            return [Alt("word", text, weight)]
        return [Alt("substr", text, weight)]

    def _parts(self, text: str) -> list[str]:
        """The words `text` is made of (a dictionary word is split into inner words)."""
        if self.segmenter.is_single_word(text):
            words = self._cover(text)
        else:
            words = self.segmenter.cut(text)
        # Single characters carry too little meaning to stand for a part.
        return [w for w in words if len(w) >= 2 and w != text][:MAX_PARTS]

    def _cover(self, word: str) -> list[str]:
        """Longest inner dictionary words from left to right, without overlap."""
        starts: dict[int, str] = {}
        for sub, offset in self.segmenter.subwords(word):
            if len(sub) > len(starts.get(offset, "")):
                starts[offset] = sub
        out: list[str] = []
        i = 0
        while i < len(word):
            found = starts.get(i)
            if found is None:
                i += 1
                continue
            out.append(found)
            i += len(found)
        return out

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
            found = {label for name, label in names if value in normalize(name)}
            return found or self._synonym_labels(field_name, value)
        if field_name == "status":
            return {s for s in STATUSES if value in s} | set(status_words().get(value, ()))
        return _match_known(value, known)

    def _synonym_labels(self, kind: str, value: str) -> set[str]:
        """Vocabulary terms an everyday word stands for through a synonym group.

        障碍:外地户口 means 户籍不符 although the vocabulary only lists 非本市户籍.
        """
        out: set[str] = set()
        for text, _ in self.synonyms.expand(value):
            label = self.vocabulary.resolve(kind, text)
            if label is not None:
                out.update((label, *self._descendants(kind, label)))
        return out


def _either(first: Clause, second: Clause) -> Clause:
    """One clause satisfied by either: 戈谢病 或 法布雷病 (chains: a 或 b 或 c)."""
    options = [*first.parts, second] if first.either else [first, second]
    text = " 或 ".join(option.term.text for option in options)
    return Clause(QueryTerm(text), [], parts=options, parts_required=1, either=True)


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
