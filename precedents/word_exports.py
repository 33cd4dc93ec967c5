"""Word exports as use cases: fill a document kind from the store and write it.

Every export leaves the program masked unless the officer explicitly asks for
an unmasked copy and gives a reason; each one is recorded in the audit trail.
Fonts and the office template come from the settings.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from precedents.anonymize import mask_text
from precedents.documents import (
    FontSet,
    Grid,
    Mask,
    MatterFacts,
    Minutes,
    Renderer,
    RetrievalHit,
    RetrievalReport,
    ReviewForm,
    render_minutes,
    render_retrieval_report,
    render_review_form,
    resolve_fonts,
)
from precedents.errors import PrecedentError
from precedents.meetings.model import Review
from precedents.meetings.service import list_reviews
from precedents.record import Person, PrecedentRecord
from precedents.settings import Settings
from precedents.store.audit import record_event
from precedents.store.precedents import find_record, get_record

Content = TypeVar("Content")


@dataclass(frozen=True, slots=True)
class WordOptions:
    """How a document is written: masking, fonts, template."""

    masked: bool = True
    reason: str = ""
    template: Path | None = None
    fonts: FontSet | None = None
    grid: Grid = Grid.COMPATIBLE

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        masked: bool = True,
        reason: str = "",
        template: Path | None = None,
    ) -> WordOptions:
        chosen = template or (Path(settings.template_path) if settings.template_path else None)
        fonts = resolve_fonts(FontSet.from_mapping(settings.fonts)) if settings.fonts else None
        grid = Grid.NATIVE if settings.word_grid == Grid.NATIVE.value else Grid.COMPATIBLE
        return cls(masked=masked, reason=reason, template=chosen, fonts=fonts, grid=grid)

    def check(self) -> None:
        if not self.masked and not self.reason.strip():
            raise PrecedentError("export.failed", reason="导出未脱敏的个人信息必须填写理由")
        if self.template is not None and not self.template.is_file():
            raise PrecedentError("file.not_found", path=str(self.template))

    def mask_for(self, persons: Sequence[Person]) -> Callable[[str], str]:
        if not self.masked:
            return lambda text: text
        people = list(persons)
        return lambda text: mask_text(text, people)

    def render(
        self,
        render: Renderer[Content],
        content: Content,
        out: str | os.PathLike[str],
        *,
        mask: Mask | None = None,
    ) -> Path:
        """Write `content` with these options' template, fonts and grid; `mask` as given."""
        return render(
            content, out, template=self.template, fonts=self.fonts, grid=self.grid, mask=mask
        )


def _audit(
    session: Session, actor: str, kind: str, code: str, out: Path, options: WordOptions
) -> None:
    record_event(
        session,
        actor,
        "export" if options.masked else "export.unmasked",
        code,
        {"kind": kind, "file": out.name, "masked": options.masked},
        reason=options.reason,
    )


def _titles(session: Session, reviews: Sequence[Review]) -> dict[str, str]:
    titles: dict[str, str] = {}
    for review in reviews:
        for reference in review.references:
            found = find_record(session, reference.code)
            if found is not None:
                titles[reference.code] = found.title
    return titles


def export_minutes(
    session: Session,
    code: str,
    out: Path,
    *,
    settings: Settings,
    actor: str,
    options: WordOptions,
    sequence: int | None = None,
) -> Path:
    """会议纪要 of one review of `code` (the latest one unless `sequence` is given)."""
    options.check()
    record = get_record(session, code)
    reviews = list_reviews(session, code)
    chosen = [r for r in reviews if sequence is None or r.sequence == sequence]
    if not chosen:
        raise PrecedentError("export.failed", reason=f"{code} 还没有研判记录，无法生成会议纪要")
    review = chosen[-1]
    minutes = Minutes(
        organisation=settings.organisation or settings.department,
        matter=MatterFacts.from_record(record),
        review=review,
        titles=_titles(session, [review]),
    )
    options.render(render_minutes, minutes, out, mask=options.mask_for(record.persons))
    _audit(session, actor, "minutes", code, out, options)
    return out


def export_review_form(
    session: Session, code: str, out: Path, *, settings: Settings, actor: str, options: WordOptions
) -> Path:
    """个案研判表 of `code` across all its reviews."""
    options.check()
    record = get_record(session, code)
    reviews = list_reviews(session, code)
    form = ReviewForm(
        matter=MatterFacts.from_record(record),
        reviews=reviews,
        titles=_titles(session, reviews),
        organisation=settings.organisation or settings.department,
        filled_on=dt.date.today(),
        handled_by=settings.officer_name,
    )
    options.render(render_review_form, form, out, mask=options.mask_for(record.persons))
    _audit(session, actor, "review_form", code, out, options)
    return out


def export_retrieval_report(
    session: Session,
    matter: PrecedentRecord,
    hits: Sequence[RetrievalHit],
    out: Path,
    *,
    settings: Settings,
    actor: str,
    options: WordOptions,
    method: str,
    query: str,
    threshold: float,
    conclusion: str = "",
    scope: str = "",
) -> Path:
    """类案检索报告 for a matter (stored or not) and the similar precedents found for it."""
    options.check()
    report = RetrievalReport(
        matter=MatterFacts.from_record(matter),
        officer=settings.officer_name or actor,
        department=settings.department,
        searched_at=dt.datetime.now().replace(microsecond=0),
        method=method,
        query=query,
        threshold=threshold,
        hits=list(hits),
        scope=scope,
        conclusion=conclusion,
        organisation=settings.organisation or settings.department,
    )
    options.render(render_retrieval_report, report, out, mask=options.mask_for(matter.persons))
    _audit(session, actor, "retrieval_report", matter.code, out, options)
    return out
