"""The controlled vocabularies as stored data: seeding, loading and editing.

Built-in terms are copied in when a library is created or upgraded; terms an
administrator added or edited are never overwritten by a later seed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from precedents.models import SynonymGroupRow, VocabularyTermRow
from precedents.store.audit import record_event
from precedents.vocabulary import Term, Vocabulary, builtin_data, terms_from_data


def seed_vocabulary(session: Session) -> int:
    """Add built-in terms that are missing; returns how many were added."""
    existing = {
        (kind, label)
        for kind, label in session.execute(select(VocabularyTermRow.kind, VocabularyTermRow.label))
    }
    added = 0
    for term in terms_from_data(builtin_data()):
        if (term.kind, term.label) in existing:
            continue
        session.add(
            VocabularyTermRow(
                kind=term.kind,
                label=term.label,
                synonyms=list(term.synonyms),
                parent_label=term.parent,
                related=list(term.related),
                selectable=term.selectable,
                sort_order=term.sort_order,
                builtin=True,
            )
        )
        added += 1
    return added


def load_vocabulary(session: Session) -> Vocabulary:
    rows = session.scalars(select(VocabularyTermRow))
    terms = [
        Term(
            kind=row.kind,
            label=row.label,
            synonyms=tuple(row.synonyms or ()),
            parent=row.parent_label,
            related=tuple(row.related or ()),
            selectable=row.selectable,
            sort_order=row.sort_order,
        )
        for row in rows
    ]
    if not terms:
        return Vocabulary.builtin()
    return Vocabulary.from_terms(terms)


def save_term(session: Session, term: Term, *, actor: str) -> None:
    """Add a term or change an existing one's synonyms, parent, related terms, order."""
    row = session.scalar(
        select(VocabularyTermRow).where(
            VocabularyTermRow.kind == term.kind, VocabularyTermRow.label == term.label
        )
    )
    action = "vocabulary.update"
    if row is None:
        row = VocabularyTermRow(kind=term.kind, label=term.label, builtin=False)
        session.add(row)
        action = "vocabulary.create"
    before = {"synonyms": list(row.synonyms or []), "parent": row.parent_label}
    row.synonyms = list(term.synonyms)
    row.parent_label = term.parent
    row.related = list(term.related)
    row.selectable = term.selectable
    row.sort_order = term.sort_order
    record_event(
        session,
        actor,
        action,
        f"{term.kind}:{term.label}",
        {"before": before, "after": {"synonyms": list(term.synonyms), "parent": term.parent}},
        entity="vocabulary",
    )


def seed_synonyms(session: Session, groups: list[tuple[str, ...]]) -> int:
    """Store the built-in synonym groups once; later edits belong to the office."""
    if session.scalar(select(SynonymGroupRow.id).where(SynonymGroupRow.builtin.is_(True)).limit(1)):
        return 0
    for group in groups:
        session.add(SynonymGroupRow(terms=list(group), builtin=True))
    return len(groups)


def load_synonyms(session: Session) -> list[tuple[str, ...]]:
    return [
        tuple(row.terms)
        for row in session.scalars(select(SynonymGroupRow).order_by(SynonymGroupRow.id))
    ]
