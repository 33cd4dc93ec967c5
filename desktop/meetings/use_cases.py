"""What the meeting screen does to the library, one short Qt-free function per action.

Each function takes the open `Library`, runs one transaction through the
domain (`precedents.meetings`, `precedents.word_exports`) and returns plain
data, so it runs on the task helper's threads and is tested without a window.
Records shown in a meeting are masked: the screen may be on a projector.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.meetings.masking import mask, masked_record, masked_title
from precedents.library import Library
from precedents.meetings.consistency import departures
from precedents.meetings.model import (
    Outcome,
    Participant,
    Reference,
    Review,
    Role,
    next_level,
)
from precedents.meetings.models import ReviewParticipantRow, ReviewRow
from precedents.meetings.service import archive, list_reviews, reopen, save_review
from precedents.models import PersonRow
from precedents.record import LEVELS, Measure, Person, PrecedentRecord, Status
from precedents.store.audit import list_events
from precedents.store.precedents import find_record, get_record, list_summaries

if TYPE_CHECKING:
    from precedents.word_exports import WordOptions
    from search_index.library import LibraryIndexes

#: Statuses of matters a meeting can take up.
OPEN_STATUSES = (Status.DRAFT.value, Status.UNDER_REVIEW.value)
#: How many recent participants the quick entry offers.
RECENT_PARTICIPANTS = 60
#: How many precedents' persons one query reads for the picker.
PERSONS_BATCH = 500


@dataclass(frozen=True, slots=True)
class MatterChoice:
    """A matter in the screen's picker (the title masked)."""

    code: str
    title: str
    status: str
    level: str


@dataclass(frozen=True, slots=True)
class StatusMove:
    """One recorded move of the matter's status, in local time."""

    at: dt.datetime
    actor: str
    old: str
    new: str
    note: str = ""


@dataclass(slots=True)
class MeetingMatter:
    """A matter as the meeting sees it: masked facts, its reviews and status moves so far."""

    record: PrecedentRecord
    reviews: list[Review] = field(default_factory=list)
    moves: list[StatusMove] = field(default_factory=list)
    #: Whose names the screen masks (unmasked, never shown): in the reviews' texts too.
    persons: list[Person] = field(default_factory=list, repr=False)

    @property
    def code(self) -> str:
        return self.record.code

    def masked(self, text: str) -> str:
        """A text of the matter's reviews (reason, decision) fit for the projector."""
        return mask(text, self.persons)

    @property
    def decided(self) -> bool:
        return self.record.status in (Status.DECIDED, Status.ARCHIVED)

    def next_review(self, today: dt.date | None = None) -> Review:
        """The review a new meeting on this matter starts from.

        After an escalation the next level; after a return the same level; the
        first meeting at the matter's own level (村居 when it has none). The
        precedents the last meeting followed or consulted stay marked: the next
        meeting is shown the same comparison.
        """
        held_on = today or dt.date.today()
        if not self.reviews:
            level = self.record.level if self.record.level in LEVELS else LEVELS[0]
            return Review(level=level, held_on=held_on)
        last = self.reviews[-1]
        level = last.level
        if last.outcome is Outcome.ESCALATED:
            level = next_level(last.level) or last.level
        place = last.place if level == last.level else ""
        return Review(level=level, held_on=held_on, place=place, references=list(last.references))

    def current_review(self, today: dt.date | None = None) -> Review:
        """The review to show: one still in progress or the deciding one, else a new one."""
        if self.reviews and (self.reviews[-1].outcome is Outcome.PENDING or self.decided):
            return self.reviews[-1]
        return self.next_review(today)


@dataclass(frozen=True, slots=True)
class Decided:
    """What a similar precedent decided, as the meeting compares it (masked)."""

    code: str
    decision: str
    measures: tuple[Measure, ...]
    decided_on: dt.date | None
    #: The title with the names of its persons masked ("" to keep the engine's).
    title: str = ""


def open_matters(
    library: Library, also: str | None = None, *, every: bool = False
) -> list[MatterChoice]:
    """Matters still to be decided (草稿, 研判中), newest first; plus `also` if given.

    With `every`, decided and archived precedents too (a meeting may take one up again).
    Titles are masked: the picker may be on the projector.
    """
    with library.session() as session:
        summaries = [
            s
            for s in list_summaries(session)
            if every or s.status in OPEN_STATUSES or s.code == also
        ]
        persons = _persons_of(session, [s.id for s in summaries])
    return [
        MatterChoice(s.code, masked_title(s.title, persons.get(s.id, ())), s.status, s.level)
        for s in summaries
    ]


def _persons_of(session: Session, ids: list[int]) -> dict[int, list[Person]]:
    """The persons of each precedent in `ids`, a query per `PERSONS_BATCH` precedents
    (database drivers limit the values one statement may hold)."""
    out: dict[int, list[Person]] = {}
    columns = (PersonRow.precedent_id, PersonRow.name, PersonRow.id_number, PersonRow.phone)
    for start in range(0, len(ids), PERSONS_BATCH):
        batch = ids[start : start + PERSONS_BATCH]
        stmt = (
            select(*columns)
            .where(PersonRow.precedent_id.in_(batch))
            .order_by(PersonRow.precedent_id, PersonRow.position)
        )
        for precedent_id, name, id_number, phone in session.execute(stmt):
            out.setdefault(precedent_id, []).append(Person(name, id_number, phone))
    return out


def known_districts(library: Library) -> list[str]:
    with library.session() as session:
        return sorted({s.district for s in list_summaries(session) if s.district})


def load_matter(library: Library, code: str) -> MeetingMatter:
    with library.session() as session:
        record = get_record(session, code)
        moves = [
            StatusMove(
                event.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None),
                event.actor,
                str(event.details.get("from", "")),
                str(event.details.get("to", "")),
                event.reason,
            )
            for event in reversed(list_events(session, action="status", code=code))
        ]
        masked, persons = masked_record(record)
        return MeetingMatter(masked, list_reviews(session, code), moves, persons)


def reopen_matter(library: Library, code: str, reason: str) -> MeetingMatter:
    """Take a decided or archived matter back under review, with the reason recorded."""
    with library.sessions.begin() as session:
        reopen(session, code, actor=library.actor, reason=reason)
    return load_matter(library, code)


def archive_matter(library: Library, code: str) -> MeetingMatter:
    """Close a decided matter (已归档)."""
    with library.sessions.begin() as session:
        archive(session, code, actor=library.actor)
    return load_matter(library, code)


def matter_record(library: Library, code: str) -> PrecedentRecord:
    """The stored record, unmasked, for the similarity engine (never shown)."""
    with library.session() as session:
        return get_record(session, code)


def decisions_of(library: Library, codes: list[str]) -> dict[str, Decided]:
    """The masked title, decision and measures of each precedent in `codes` that still exists."""
    out: dict[str, Decided] = {}
    with library.session() as session:
        for code in codes:
            record = find_record(session, code)
            if record is None:
                continue
            text = mask(record.decision, record.persons)
            title = masked_title(record.title, record.persons)
            out[code] = Decided(code, text, tuple(record.measures), record.decided_on, title)
    return out


def recent_participants(library: Library, limit: int = RECENT_PARTICIPANTS) -> list[Participant]:
    """People who took part in recent meetings, most recent first, one entry per name."""
    stmt = (
        select(ReviewParticipantRow.name, ReviewParticipantRow.department)
        .join(ReviewRow, ReviewRow.id == ReviewParticipantRow.review_id)
        .order_by(ReviewRow.updated_at.desc(), ReviewParticipantRow.position)
        .limit(limit * 4)
    )
    seen: dict[str, Participant] = {}
    with library.session() as session:
        for name, department in session.execute(stmt):
            if name not in seen:
                seen[name] = Participant(name=name, department=department, role=Role.PRESENT)
    return list(seen.values())[:limit]


def closest_records(library: Library, codes: list[str]) -> list[PrecedentRecord]:
    with library.session() as session:
        found = (find_record(session, code) for code in codes)
        return [record for record in found if record is not None]


def departures_from(library: Library, measures: list[Measure], codes: list[str]) -> list[str]:
    """How `measures` depart from the precedents `codes`, as sentences (none: consistent)."""
    return [d.text for d in departures(measures, closest_records(library, codes))]


@dataclass(slots=True)
class SavedMeeting:
    review: Review
    matter: MeetingMatter


def save_meeting(library: Library, code: str, review: Review, closest: list[str]) -> SavedMeeting:
    """Save the meeting's review and apply its outcome to the matter, in one transaction.

    `closest` are the codes of the close precedents compared in the meeting; a
    decision departing from them needs ``review.consistency_reason``
    (`ValidationFailed` with field ``consistency_reason`` otherwise).
    """
    records = closest_records(library, closest)
    with library.sessions.begin() as session:
        saved = save_review(session, code, review, actor=library.actor, closest=records)
    return SavedMeeting(saved, load_matter(library, code))


def word_options(
    library: Library, masked: bool, reason: str, template: Path | None = None
) -> WordOptions:
    """Masking and fonts as chosen; the office template given, else the one in the settings."""
    # The Word writers (python-docx) load on the first export, not at start-up.
    from precedents.word_exports import WordOptions

    return WordOptions.from_settings(
        library.settings, masked=masked, reason=reason, template=template
    )


def export_minutes(
    library: Library,
    code: str,
    sequence: int,
    out: Path,
    *,
    masked: bool,
    reason: str,
    template: Path | None = None,
) -> Path:
    """会议纪要 of review `sequence` of `code`."""
    from precedents.word_exports import export_minutes as write_minutes

    options = word_options(library, masked, reason, template)
    with library.sessions.begin() as session:
        return write_minutes(
            session,
            code,
            out,
            settings=library.settings,
            actor=library.actor,
            options=options,
            sequence=sequence,
        )


def export_review_form(
    library: Library,
    code: str,
    out: Path,
    *,
    masked: bool,
    reason: str,
    template: Path | None = None,
) -> Path:
    """个案研判表 of `code` across all its reviews."""
    from precedents.word_exports import export_review_form as write_review_form

    options = word_options(library, masked, reason, template)
    with library.sessions.begin() as session:
        return write_review_form(
            session, code, out, settings=library.settings, actor=library.actor, options=options
        )


def export_retrieval_report(
    indexes: LibraryIndexes,
    code: str,
    references: list[Reference],
    out: Path,
    *,
    masked: bool,
    reason: str,
    template: Path | None = None,
) -> Path:
    """类案检索报告 of `code` with the meeting's 参照/参考 marks."""
    from search_index.report import Mark, write_report

    library = indexes.library
    options = word_options(library, masked, reason, template)
    marks = {ref.code: Mark(ref.mode, ref.note) for ref in references}
    return write_report(indexes, matter_record(library, code), out, options=options, marks=marks)


def suggested_name(kind: str, code: str, sequence: int | None = None) -> str:
    """A file name for an export: 案例编号-会议纪要-第2次.docx."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in code)
    part = f"-第{sequence}次" if sequence else ""
    return f"{safe}-{kind}{part}.docx"
