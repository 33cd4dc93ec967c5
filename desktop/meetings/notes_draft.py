"""Meeting notes kept as a draft in the data folder, so a crash loses nothing. Qt-free.

While the officer types the record (participants, opinions, outcome, decision)
the screen writes it a moment after each change to ``drafts/meetings/`` of the
data folder, one file per matter (`precedents.drafts.DraftStore`, written
atomically). Opening the matter again, also after a crash, offers the notes
back; saving the meeting or discarding the changes removes the draft. Notes of
a matter deleted since are removed at the next start-up (`settle`): until then
the deletion can still be undone, and the notes come back with the matter. The
editor's drafts sit one folder up, so neither list shows the other's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.meetings.review_state import MeetingFields
from precedents.drafts import Draft, DraftStore
from precedents.library import Library
from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    Reference,
    ReferenceMode,
    Role,
    Stance,
)
from precedents.models import PrecedentRow

#: The sub-folder of the data folder's drafts that holds meeting notes.
FOLDER = "meetings"


def meeting_drafts(drafts_folder: Path) -> DraftStore:
    """The store of meeting notes under the data folder's `drafts_folder`."""
    return DraftStore(drafts_folder / FOLDER)


def to_data(fields: MeetingFields, sequence: int | None) -> dict[str, Any]:
    """`fields` as plain JSON data, with the sequence of the review they belong to."""
    data = asdict(fields)
    data["outcome"] = fields.outcome.value
    data["sequence"] = sequence
    return data


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise ValueError(f"{name} is not text")
    return value


def _rows(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    rows = data.get(name) or []
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ValueError(f"{name} is not a list of rows")
    return rows


def from_data(data: dict[str, Any]) -> MeetingFields:
    """The fields a draft holds; `ValueError` when it is not a meeting draft."""
    participants = [
        Participant(
            name=_text(row, "name"),
            department=_text(row, "department"),
            role=Role(row.get("role", Role.PRESENT.value)),
            title=_text(row, "title"),
        )
        for row in _rows(data, "participants")
    ]
    opinions = [
        Opinion(
            speaker=_text(row, "speaker"),
            text=_text(row, "text"),
            department=_text(row, "department"),
            stance=Stance(row.get("stance", Stance.AGREE.value)),
        )
        for row in _rows(data, "opinions")
    ]
    references = [
        Reference(
            code=_text(row, "code"),
            mode=ReferenceMode(row.get("mode", ReferenceMode.CONSULTED.value)),
            score=float(row["score"]) if row.get("score") is not None else None,
            note=_text(row, "note"),
        )
        for row in _rows(data, "references")
    ]
    measures = [
        {str(key): str(value) for key, value in row.items()} for row in _rows(data, "measure_rows")
    ]
    return MeetingFields(
        level=_text(data, "level"),
        held_on=_text(data, "held_on"),
        place=_text(data, "place"),
        chair=_text(data, "chair"),
        recorder=_text(data, "recorder"),
        presented_facts=_text(data, "presented_facts"),
        participants=participants,
        opinions=opinions,
        references=references,
        outcome=Outcome(data.get("outcome", Outcome.PENDING.value)),
        outcome_reason=_text(data, "outcome_reason"),
        decision_text=_text(data, "decision_text"),
        measure_rows=measures,
        consistency_reason=_text(data, "consistency_reason"),
    )


def keep(store: DraftStore, code: str, fields: MeetingFields, sequence: int | None) -> dt.datetime:
    """Write the notes of `code`; returns when they were kept."""
    draft = store.save(Draft(code, sequence, to_data(fields, sequence)))
    return draft.saved_at or dt.datetime.now()


def kept(store: DraftStore, code: str) -> tuple[MeetingFields, dt.datetime | None] | None:
    """The notes kept for `code` and when, or None (also when the file is not readable)."""
    draft = store.load(code)
    if draft is None:
        return None
    try:
        return from_data(draft.fields), draft.saved_at
    except (ValueError, KeyError, TypeError):
        return None


def newest_code(store: DraftStore) -> str | None:
    """The matter whose notes were kept last (the one to offer back after a crash)."""
    drafts = store.all()
    return drafts[0].key if drafts else None


def settle(store: DraftStore, existing: Callable[[list[str]], Collection[str]]) -> list[str]:
    """Codes of the kept notes whose matter still exists, newest first.

    `existing(codes)` says which of `codes` are on file; the notes of every other
    code belong to a deleted matter: nobody can continue them, so they are removed.
    """
    codes = [draft.key for draft in store.all()]
    if not codes:
        return []
    alive = existing(codes)
    for code in codes:
        if code not in alive:
            store.discard(code)
    return [code for code in codes if code in alive]


def existing_codes(library: Library, codes: list[str]) -> set[str]:
    """Which of `codes` are precedents on file (the others were deleted)."""
    with library.session() as session:
        rows = session.scalars(select(PrecedentRow.code).where(PrecedentRow.code.in_(codes)))
        return set(rows)
