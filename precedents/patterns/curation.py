"""Officers' curation of patterns, kept in the database and laid over every mining run.

Officers confirm, rename, merge and split patterns and take a precedent out of
one. Each action changes the stored rows at once (so the list they look at is
right) and is also what `refresh_patterns` honours on the next run:

* a new mined group keeps the id (and the name) of the stored pattern it
  overlaps most (Jaccard ≥ `MiningSettings.match_overlap`), else it gets the
  hash of its earliest codes;
* a group that lands on a merged pattern flows into the pattern it was merged
  into, so a merge stays merged;
* a group that lands on a split family is shared out: precedents keep the side
  they were on, new ones go to the side they resemble most, pinned ones never
  move, so a split stays split;
* excluded precedents are taken out again; confirmed patterns that the miner
  no longer finds are kept with the precedents they had.

Every function takes a `Session`; the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from precedents.errors import NotFoundError, PatternError
from precedents.models import AuditEventRow, utcnow
from precedents.patterns.assign import Assignment, assign_groups
from precedents.patterns.describe import Pattern, describe, pattern_id
from precedents.patterns.mining import MiningResult, mine, order_patterns, qualifies
from precedents.patterns.models import (
    CONFIRMED,
    FOUND,
    MERGED,
    PatternExclusionRow,
    PatternPinRow,
    PatternRow,
)
from precedents.patterns.settings import MiningSettings, load_settings
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary

Progress = Callable[[int, int], None]

#: Longest name an officer may give a pattern (the column holds 200).
NAME_LIMIT = 120


def refresh_patterns(
    session: Session,
    records: Sequence[PrecedentRecord],
    settings: MiningSettings | None = None,
    vocabulary: Vocabulary | None = None,
    progress: Progress | None = None,
) -> list[Pattern]:
    """Mine the records, lay the stored curation over the result, store it, return it."""
    settings = settings or load_settings(session)
    vocab = vocabulary or Vocabulary.builtin()
    result = mine(records, settings, vocab, progress)
    return apply_curation(session, result, settings, vocab)


def apply_curation(
    session: Session, result: MiningResult, settings: MiningSettings, vocabulary: Vocabulary
) -> list[Pattern]:
    """The curated patterns for one mining result; stored rows are brought up to date."""
    rows = {row.id: row for row in session.scalars(select(PatternRow))}
    pins = [(p.pattern_id, p.code) for p in session.scalars(select(PatternPinRow))]
    exclusions = [(e.pattern_id, e.code) for e in session.scalars(select(PatternExclusionRow))]
    assignment = assign_groups(result, rows, pins, exclusions, settings.match_overlap)
    patterns = _describe_all(result, assignment, rows, settings, vocabulary)
    _store(session, rows, patterns)
    return order_patterns(patterns)


def _describe_all(
    result: MiningResult,
    assignment: Assignment,
    rows: dict[str, PatternRow],
    settings: MiningSettings,
    vocabulary: Vocabulary,
) -> list[Pattern]:
    out = []
    for pid, members in sorted(assignment.members.items()):
        if not members:
            continue
        pattern = describe(result.corpus, sorted(members), vocabulary, pid)
        row = rows.get(pid)
        confirmed = row is not None and row.status == CONFIRMED
        if not confirmed and not qualifies(pattern, settings):
            continue
        out.append(replace(pattern, name=row.name if row else None, confirmed=confirmed))
    return out


def _store(session: Session, rows: dict[str, PatternRow], patterns: list[Pattern]) -> None:
    seen = {p.id for p in patterns}
    for pattern in patterns:
        row = rows.get(pattern.id)
        if row is None:
            row = PatternRow(id=pattern.id, status=FOUND)
            session.add(row)
            rows[pattern.id] = row
        row.label = pattern.label
        row.codes = list(pattern.codes)
        row.active = True
    for row in rows.values():
        if row.id not in seen and row.active:
            row.active = False
    session.flush()


# -- officers' actions ---------------------------------------------------------


def _row(session: Session, pid: str) -> PatternRow:
    row = session.get(PatternRow, pid)
    if row is None:
        raise NotFoundError("pattern.not_found", id=pid)
    if row.status == MERGED and row.merged_into:
        raise PatternError("pattern.merged", id=pid, target=row.merged_into)
    return row


def _audit(session: Session, actor: str, action: str, pid: str, **details: object) -> None:
    session.add(
        AuditEventRow(
            actor=actor, action=action, entity="pattern", entity_code=pid, details=dict(details)
        )
    )


def confirm_pattern(session: Session, pid: str, actor: str = "") -> None:
    """Mark a pattern confirmed: it keeps its id, name and precedents whatever mining finds."""
    row = _row(session, pid)
    _confirm(row, actor)
    _audit(session, actor, "pattern.confirm", pid)


def _confirm(row: PatternRow, actor: str) -> None:
    if row.status != CONFIRMED:
        row.status = CONFIRMED
        row.confirmed_at = utcnow()
        row.confirmed_by = actor


def rename_pattern(session: Session, pid: str, name: str, actor: str = "") -> None:
    """Give a pattern the officers' own name; an empty name goes back to the mined label."""
    row = _row(session, pid)
    cleaned = " ".join(name.split())
    if len(cleaned) > NAME_LIMIT:
        raise PatternError("pattern.bad_name", limit=NAME_LIMIT)
    old = row.name
    row.name = cleaned or None
    _audit(session, actor, "pattern.rename", pid, old=old, new=row.name)


def merge_patterns(session: Session, pids: Sequence[str], actor: str = "") -> str:
    """Merge patterns into the first one given; returns its id. The merge survives re-mining."""
    unique = list(dict.fromkeys(pids))
    if len(unique) < 2:
        raise PatternError("pattern.merge_too_few")
    target, *sources = [_row(session, pid) for pid in unique]
    codes = list(target.codes)
    for source in sources:
        codes.extend(c for c in source.codes if c not in codes)
        source.status = MERGED
        source.merged_into = target.id
        source.active = False
        _move_pins(session, source.id, target.id, actor)
    target.codes = codes
    _confirm(target, actor)
    _audit(session, actor, "pattern.merge", target.id, merged=[s.id for s in sources])
    session.flush()
    return target.id


def _move_pins(session: Session, source: str, target: str, actor: str) -> None:
    query = select(PatternPinRow.code).where(PatternPinRow.pattern_id == source)
    for code in list(session.scalars(query)):
        pin = session.get(PatternPinRow, (source, code))
        if pin is not None:
            session.delete(pin)
        if session.get(PatternPinRow, (target, code)) is None:
            session.add(PatternPinRow(pattern_id=target, code=code, added_by=actor))
    session.flush()


def split_pattern(session: Session, pid: str, codes: Sequence[str], actor: str = "") -> str:
    """Move some precedents of a pattern into a new pattern; returns the new id.

    The moved precedents are pinned to the new pattern and both are remembered
    as one family, so re-mining keeps them apart.
    """
    row = _row(session, pid)
    moved = [c for c in row.codes if c in set(codes)]
    unknown = [c for c in codes if c not in row.codes]
    if unknown:
        raise PatternError("pattern.not_member", case=unknown[0], id=pid)
    if not moved or len(moved) == len(row.codes):
        raise PatternError("pattern.split_selection", id=pid)
    new_id = pattern_id(moved[:3])
    if session.get(PatternRow, new_id) is not None:
        new_id = pattern_id(moved)
    part = PatternRow(
        id=new_id,
        status=CONFIRMED,
        split_from=row.id,
        codes=moved,
        active=True,
        confirmed_at=utcnow(),
        confirmed_by=actor,
    )
    session.add(part)
    session.flush()
    for code in moved:
        stale = session.get(PatternPinRow, (row.id, code))
        if stale is not None:
            session.delete(stale)
        session.add(PatternPinRow(pattern_id=new_id, code=code, added_by=actor))
    row.codes = [c for c in row.codes if c not in set(moved)]
    _audit(session, actor, "pattern.split", pid, new=new_id, codes=moved)
    session.flush()
    return new_id


def exclude_precedent(
    session: Session, pid: str, code: str, actor: str = "", reason: str = ""
) -> None:
    """Take a precedent out of a pattern; re-mining will not put it back."""
    row = _row(session, pid)
    if code not in row.codes:
        raise PatternError("pattern.not_member", case=code, id=pid)
    pin = session.get(PatternPinRow, (pid, code))
    if pin is not None:
        session.delete(pin)
    if session.get(PatternExclusionRow, (pid, code)) is None:
        session.add(PatternExclusionRow(pattern_id=pid, code=code, reason=reason, added_by=actor))
    row.codes = [c for c in row.codes if c != code]
    _audit(session, actor, "pattern.exclude", pid, code=code, reason=reason)
    session.flush()


def stored_pattern(session: Session, pid: str) -> PatternRow:
    """The stored row of a pattern (its status, name and last precedents)."""
    row = session.get(PatternRow, pid)
    if row is None:
        raise NotFoundError("pattern.not_found", id=pid)
    return row
