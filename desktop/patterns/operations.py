"""What the patterns screen does to the library, one short function per officer's action.

Each function takes the open `Library`, runs its transaction through
`precedents.patterns` and returns plain data; none touches Qt, so they run on
the task helper's threads and are tested without a window. After a curation
action the precedents are mined again at once, so the list the officer looks at
is what every later mining run will give (the domain lays the curation over it).

Titles of precedents shown on this screen are masked: the screen is about kinds
of case, never about the people in them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from precedents.anonymize import mask_record
from precedents.library import Library
from precedents.patterns.curation import (
    confirm_pattern,
    exclude_precedent,
    merge_patterns,
    rename_pattern,
    split_pattern,
)
from precedents.patterns.describe import Pattern
from precedents.patterns.draft import PolicyDraftContent
from precedents.patterns.features import is_precedent, record_date
from precedents.patterns.registry import (
    EDITABLE,
    Policy,
    RegistrySummary,
    adopt_policy,
    get_policy,
    list_policies,
    open_consultation,
    registry_summary,
    repeal_policy,
    update_draft,
)
from precedents.patterns.settings import MiningSettings, load_settings, save_settings
from precedents.patterns.usecases import current_patterns, draft_for_pattern
from precedents.record import PrecedentRecord
from precedents.store.changes import last_seq
from precedents.store.precedents import find_record, get_record, iter_records

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class CaseLine:
    """One precedent as the screen lists it: its title masked."""

    code: str
    title: str
    district: str
    decided_on: dt.date


@dataclass(frozen=True, slots=True)
class Registry:
    """The policies, newest first, and the registry's counts."""

    policies: tuple[Policy, ...]
    summary: RegistrySummary

    def for_pattern(self, pattern_id: str) -> list[Policy]:
        return [p for p in self.policies if p.pattern_id == pattern_id]

    def open_draft(self, pattern_id: str) -> Policy | None:
        """The pattern's draft still being edited, which drafting reuses."""
        found = [p for p in self.for_pattern(pattern_id) if p.status in EDITABLE]
        return found[0] if found else None


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the screen shows: the curated patterns, their precedents, the registry."""

    patterns: tuple[Pattern, ...]
    cases: Mapping[str, CaseLine]
    settings: MiningSettings
    registry: Registry
    #: Decided precedents the miner looked at.
    precedents: int
    #: The library's change-feed position when mined: a later one means stale patterns.
    seq: int = 0

    def pattern(self, pattern_id: str) -> Pattern | None:
        return next((p for p in self.patterns if p.id == pattern_id), None)

    def dates(self, pattern: Pattern) -> list[dt.date]:
        return [self.cases[c].decided_on for c in pattern.codes if c in self.cases]


@dataclass(frozen=True, slots=True)
class Curated:
    """The screen after a curation action, and the pattern to select in it."""

    overview: Overview
    selected: str


def case_lines(records: Sequence[PrecedentRecord]) -> dict[str, CaseLine]:
    lines = {}
    for record in records:
        if is_precedent(record):
            masked = mask_record(record)
            lines[record.code] = CaseLine(
                record.code, masked.title, record.district, record_date(record)
            )
    return lines


def _registry(session: Session) -> Registry:
    return Registry(tuple(list_policies(session)), registry_summary(session))


def load_overview(
    library: Library, settings: MiningSettings | None = None, progress: Progress | None = None
) -> Overview:
    """Mine every stored precedent with the curation applied; new `settings` are saved first."""
    with library.sessions.begin() as session:
        if settings is not None:
            save_settings(session, settings)
        chosen = load_settings(session)
        seq = last_seq(session)
        patterns, records = current_patterns(session, library.vocabulary(), chosen, progress)
        lines = case_lines(records)
        return Overview(tuple(patterns), lines, chosen, _registry(session), len(lines), seq)


def library_seq(library: Library) -> int:
    """Where the change feed stands: precedents saved since a mining run move it on."""
    with library.session() as session:
        return last_seq(session)


def load_registry(library: Library) -> Registry:
    with library.session() as session:
        return _registry(session)


# -- curation: each action, then a fresh mining run -------------------------------------


def _curate(
    library: Library, action: Callable[[Session], str], progress: Progress | None
) -> Curated:
    with library.sessions.begin() as session:
        selected = action(session)
    return Curated(load_overview(library, progress=progress), selected)


def confirm(library: Library, pattern_id: str, progress: Progress | None = None) -> Curated:
    def act(session: Session) -> str:
        confirm_pattern(session, pattern_id, library.actor)
        return pattern_id

    return _curate(library, act, progress)


def rename(
    library: Library, pattern_id: str, name: str, progress: Progress | None = None
) -> Curated:
    def act(session: Session) -> str:
        rename_pattern(session, pattern_id, name, library.actor)
        return pattern_id

    return _curate(library, act, progress)


def merge(
    library: Library, pattern_ids: Sequence[str], progress: Progress | None = None
) -> Curated:
    """Merge into the first pattern given."""
    return _curate(library, lambda s: merge_patterns(s, pattern_ids, library.actor), progress)


def split(
    library: Library, pattern_id: str, codes: Sequence[str], progress: Progress | None = None
) -> Curated:
    """Move `codes` into a new pattern, which is then selected."""
    return _curate(library, lambda s: split_pattern(s, pattern_id, codes, library.actor), progress)


def exclude(
    library: Library,
    pattern_id: str,
    code: str,
    reason: str,
    progress: Progress | None = None,
) -> Curated:
    def act(session: Session) -> str:
        exclude_precedent(session, pattern_id, code, library.actor, reason)
        return pattern_id

    return _curate(library, act, progress)


# -- drafts ------------------------------------------------------------------------------


def open_draft(library: Library, pattern: Pattern) -> Policy:
    """The pattern's open draft, or a new one written from it (and registered)."""
    with library.sessions.begin() as session:
        records = [get_record(session, code) for code in pattern.codes]
        return draft_for_pattern(
            session, pattern, records, actor=library.actor, vocabulary=library.vocabulary()
        )


def save_draft(library: Library, policy_id: int, content: PolicyDraftContent) -> Policy:
    with library.sessions.begin() as session:
        return update_draft(session, policy_id, content, actor=library.actor)


def draft_file_name(policy: Policy) -> str:
    """A file name an officer recognises: the title, marked as a draft for comments."""
    title = "".join(ch for ch in policy.title if ch not in '\\/:*?"<>|').strip() or "政策草案"
    return f"{title[:60]}（征求意见稿）.docx"


def export_draft(
    library: Library,
    policy_id: int,
    out: Path,
    template: Path | None,
    progress: Progress | None = None,
) -> Path:
    """Write the policy's draft to `out`; `template` None means the built-in layout.

    The appendix lists the precedents the draft names, masked whatever the
    settings say: a policy draft goes round for comments.
    """
    # The Word writers (python-docx) load on the first export, not at start-up.
    from precedents.patterns.export import export_policy_draft
    from precedents.word_exports import WordOptions

    settings = library.settings
    options = replace(WordOptions.from_settings(settings), template=template, masked=True)
    with library.sessions.begin() as session:
        policy = get_policy(session, policy_id)
        codes = [entry.code for entry in policy.content.appendix] if policy.content else []
        records = [r for r in (find_record(session, c) for c in codes) if r is not None]
        if progress is not None:
            progress(1, 2)
        return export_policy_draft(
            session,
            policy,
            records,
            out,
            drafter=settings.organisation or settings.department,
            actor=library.actor,
            options=options,
        )


# -- the registry ------------------------------------------------------------------------


def consult(library: Library, policy_id: int) -> Registry:
    """草稿 → 征求意见."""
    with library.sessions.begin() as session:
        open_consultation(session, policy_id, library.actor)
        return _registry(session)


def adopt(
    library: Library,
    policy_id: int,
    document_number: str,
    effective_on: dt.date,
    progress: Progress | None = None,
) -> Registry:
    """征求意见 → 已施行: the criteria are fixed and the precedents they cover marked."""
    with library.sessions.begin() as session:
        records = list(iter_records(session))
        if progress is not None:
            progress(1, 2)
        adopt_policy(
            session,
            policy_id,
            document_number,
            effective_on,
            records,
            actor=library.actor,
            vocabulary=library.vocabulary(),
        )
        return _registry(session)


def repeal(library: Library, policy_id: int, repealed_on: dt.date) -> Registry:
    with library.sessions.begin() as session:
        repeal_policy(session, policy_id, repealed_on, library.actor)
        return _registry(session)
