"""Controlled vocabularies: hardships, barriers, measures, levels, discovery channels.

The vocabularies are data. The built-in set ships in ``builtin.json`` and is
copied into the database when a library is created; an administrator can then
add terms, synonyms and parent terms there. `Vocabulary` is the read-only view
that validation, pickers, search and similarity use. It never touches the
database itself: `precedents.store.vocabulary.load_vocabulary` builds one from
the stored terms, `Vocabulary.builtin()` from the shipped file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

Kind = Literal["hardship", "barrier", "measure", "level", "discovery"]
KINDS: tuple[Kind, ...] = ("hardship", "barrier", "measure", "level", "discovery")

#: Chinese name of each kind, as officers call it (used in messages and headers).
KIND_LABELS: dict[str, str] = {
    "hardship": "困难情形",
    "barrier": "政策障碍",
    "measure": "救助措施",
    "level": "研判层级",
    "discovery": "发现渠道",
}


@dataclass(frozen=True, slots=True)
class Term:
    """One vocabulary term."""

    kind: str
    label: str
    synonyms: tuple[str, ...] = ()
    parent: str | None = None
    related: tuple[str, ...] = ()
    #: False for grouping terms (such as 残疾) that exist only for the taxonomy.
    selectable: bool = True
    sort_order: int = 0

    def names(self) -> tuple[str, ...]:
        """The label followed by its synonyms."""
        return (self.label, *self.synonyms)


@dataclass(slots=True)
class Vocabulary:
    """All terms of all kinds, with lookups by label and by synonym."""

    version: int
    terms: dict[str, dict[str, Term]] = field(default_factory=dict)
    _by_name: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_terms(cls, terms: Iterable[Term], version: int = 1) -> Vocabulary:
        vocab = cls(version=version, terms={kind: {} for kind in KINDS})
        for term in sorted(terms, key=lambda t: (t.kind, t.sort_order)):
            vocab.terms.setdefault(term.kind, {})[term.label] = term
        vocab._index_names()
        return vocab

    @classmethod
    def builtin(cls) -> Vocabulary:
        """The vocabulary shipped with the program."""
        return _builtin()

    def _index_names(self) -> None:
        self._by_name = {}
        for kind, terms in self.terms.items():
            names: dict[str, str] = {}
            # Labels first so that a synonym never shadows another term's label.
            for term in terms.values():
                names[term.label] = term.label
            for term in terms.values():
                for synonym in term.synonyms:
                    names.setdefault(synonym, term.label)
            self._by_name[kind] = names

    # -- lookups -------------------------------------------------------------

    def labels(self, kind: str, *, selectable_only: bool = True) -> list[str]:
        """Labels of one kind in their configured order."""
        return [
            t.label
            for t in self.terms.get(kind, {}).values()
            if t.selectable or not selectable_only
        ]

    def term(self, kind: str, label: str) -> Term | None:
        return self.terms.get(kind, {}).get(label)

    def __contains__(self, item: tuple[str, str]) -> bool:
        kind, label = item
        term = self.term(kind, label)
        return term is not None and term.selectable

    def resolve(self, kind: str, text: str) -> str | None:
        """The selectable label that `text` names (a label or a synonym), or None."""
        label = self._by_name.get(kind, {}).get(text.strip())
        if label is None:
            return None
        term = self.terms[kind][label]
        return label if term.selectable else None

    def ancestors(self, kind: str, label: str) -> list[str]:
        """Parent, grandparent, ... of a term (nearest first); cycles are cut."""
        out: list[str] = []
        term = self.term(kind, label)
        while term is not None and term.parent and term.parent not in out and term.parent != label:
            out.append(term.parent)
            term = self.term(kind, term.parent)
        return out

    def related(self, kind: str, label: str) -> set[str]:
        """Terms declared near to `label`, in either direction."""
        out: set[str] = set()
        term = self.term(kind, label)
        if term is not None:
            out.update(term.related)
        for other in self.terms.get(kind, {}).values():
            if label in other.related:
                out.add(other.label)
        out.discard(label)
        return out

    def synonym_groups(self) -> Iterator[tuple[str, ...]]:
        """Every term that has synonyms, as (label, *synonyms)."""
        for terms in self.terms.values():
            for term in terms.values():
                if term.synonyms:
                    yield term.names()

    def all_names(self) -> Iterator[str]:
        """Every label and synonym of every kind (for the segmenter's dictionary)."""
        for terms in self.terms.values():
            for term in terms.values():
                yield from term.names()


def terms_from_data(data: dict[str, Any]) -> list[Term]:
    """Parse the ``builtin.json`` layout into terms."""
    out: list[Term] = []
    for kind, items in data["kinds"].items():
        for order, item in enumerate(items):
            out.append(
                Term(
                    kind=kind,
                    label=item["label"],
                    synonyms=tuple(item.get("synonyms", ())),
                    parent=item.get("parent"),
                    related=tuple(item.get("related", ())),
                    selectable=bool(item.get("selectable", True)),
                    sort_order=order,
                )
            )
    return out


def builtin_data() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("builtin.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _builtin() -> Vocabulary:
    data = builtin_data()
    return Vocabulary.from_terms(terms_from_data(data), version=int(data["version"]))
