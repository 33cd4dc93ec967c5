"""Search synonyms: groups of terms that a query for any one of them also searches.

The built-in groups ship in ``data/synonyms.json``; the database keeps an
editable copy (table ``synonym_groups``) and the search service is given the
groups as plain tuples. The controlled vocabulary's synonyms (``低边`` for
``低保边缘``) are groups too. Groups are applied at query time, one hop only: a
term that belongs to two groups expands to both groups, never to the groups of
those terms, so 透析 reaches 血透 and 腹透 but 血透 does not reach 腹透.

A query word that is not in any group but is a group term without its disease
suffix (尿毒 for 尿毒症, 自闭 for 自闭症) expands to that term's groups, because
officers type the short form of a diagnosis.

Narrower terms (``data/narrower.json``) go one way: 恶性肿瘤 also searches
白血病 and 神经母细胞瘤, 兄弟姐妹 also searches 哥哥 and 妹妹, but 白血病 does
not reach 淋巴瘤. They ship with the program like the domain dictionary.

Status words (``data/status_words.json``) are the words officers type after
``状态:`` for each workflow status (待研判, 未决定, 已办结).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources

from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize

#: Weight of a term the officer typed, and of the terms a synonym group adds.
TYPED_WEIGHT = 1.0
SYNONYM_WEIGHT = 0.85
NARROWER_WEIGHT = 0.7
#: Upper bound of terms one query word expands to.
MAX_EXPANSION = 48

#: Suffixes that name a disease or condition: 尿毒 stands for 尿毒症.
_CONDITION_SUFFIXES = frozenset("症病癌瘤")

#: Vocabulary kinds whose synonyms are search synonyms. Levels (区 = 区级) and
#: discovery channels (申请 = 主动申请) name workflow facts, not what a case is about.
_SEARCH_KINDS = ("hardship", "barrier", "measure")


@cache
def _builtin_data() -> tuple[tuple[str, ...], ...]:
    text = resources.files("search_index.data").joinpath("synonyms.json").read_text("utf-8")
    data = json.loads(text)
    return tuple(tuple(str(t) for t in group["terms"]) for group in data["groups"])


@cache
def builtin_narrower() -> dict[str, tuple[str, ...]]:
    """Broader term → narrower terms, as shipped."""
    text = resources.files("search_index.data").joinpath("narrower.json").read_text("utf-8")
    data = json.loads(text)
    return {str(k): tuple(str(t) for t in v) for k, v in data["narrower"].items()}


def builtin_groups() -> list[tuple[str, ...]]:
    """The synonym groups shipped with the program (the database's seed)."""
    return list(_builtin_data())


def vocabulary_groups(vocabulary: Vocabulary) -> list[tuple[str, ...]]:
    """Label-and-synonyms groups of the vocabulary kinds that describe a case."""
    out = []
    for kind in _SEARCH_KINDS:
        for term in vocabulary.terms.get(kind, {}).values():
            if term.synonyms:
                out.append(term.names())
    return out


class SynonymTable:
    """Normalised synonym groups with lookups by term."""

    def __init__(
        self,
        groups: Iterable[Sequence[str]],
        narrower: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        clean: list[tuple[str, ...]] = []
        seen: set[tuple[str, ...]] = set()
        for group in groups:
            terms = tuple(dict.fromkeys(t for t in (normalize(x).strip() for x in group) if t))
            if len(terms) >= 2 and terms not in seen:
                seen.add(terms)
                clean.append(terms)
        self.groups = clean
        self._by_term: dict[str, list[int]] = {}
        for index, terms in enumerate(clean):
            for term in terms:
                self._by_term.setdefault(term, []).append(index)
        self.narrower: dict[str, tuple[str, ...]] = {}
        for broad, narrow in (narrower or {}).items():
            key = normalize(broad).strip()
            names = tuple(t for t in (normalize(x).strip() for x in narrow) if t and t != key)
            if key and names:
                self.narrower[key] = tuple(dict.fromkeys((*self.narrower.get(key, ()), *names)))
        key = "\n".join("|".join(g) for g in sorted(clean))
        key += "\n" + "\n".join(f"{k}>{'|'.join(v)}" for k, v in sorted(self.narrower.items()))
        self.fingerprint = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def build(cls, groups: Iterable[Sequence[str]] | None, vocabulary: Vocabulary) -> SynonymTable:
        """The given groups (built-in ones when None) plus the vocabulary's synonyms."""
        chosen = builtin_groups() if groups is None else [tuple(g) for g in groups]
        return cls([*chosen, *vocabulary_groups(vocabulary)], builtin_narrower())

    def terms(self) -> set[str]:
        """Every term of every group and of the narrower table (kept whole by the segmenter)."""
        out = set(self._by_term)
        for broad, names in self.narrower.items():
            out.add(broad)
            out.update(names)
        return out

    def __contains__(self, term: str) -> bool:
        return term in self._by_term

    def synonyms(self, term: str) -> list[str]:
        """The other terms of `term`'s groups (`term` already normalised)."""
        indexes = self._by_term.get(term)
        if indexes is None:
            indexes = self._condition_groups(term)
        out: dict[str, None] = {}
        for index in indexes:
            for other in self.groups[index]:
                if other != term:
                    out[other] = None
        return list(out)

    def expand(self, term: str) -> list[tuple[str, float]]:
        """`term` (weight 1), its synonyms, then narrower terms and their synonyms."""
        out: dict[str, float] = {term: TYPED_WEIGHT}
        for other in self.synonyms(term):
            out.setdefault(other, SYNONYM_WEIGHT)
        for broad in list(out):
            for narrow in self.narrower.get(broad, ()):
                out.setdefault(narrow, NARROWER_WEIGHT)
                for other in self.synonyms(narrow):
                    out.setdefault(other, NARROWER_WEIGHT * SYNONYM_WEIGHT)
        return list(out.items())[:MAX_EXPANSION]

    def _condition_groups(self, term: str) -> list[int]:
        if len(term) < 2:
            return []
        out: list[int] = []
        for suffix in _CONDITION_SUFFIXES:
            out.extend(self._by_term.get(term + suffix, ()))
        return out


@cache
def status_words() -> dict[str, tuple[str, ...]]:
    """Typed word → the workflow statuses it names (``data/status_words.json``).

    Officers type 待研判 or 已办结 rather than the status names themselves.
    """
    text = resources.files("search_index.data").joinpath("status_words.json").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for status, words in json.loads(text)["statuses"].items():
        for word in words:
            out.setdefault(normalize(word), []).append(status)
    return {word: tuple(statuses) for word, statuses in out.items()}
