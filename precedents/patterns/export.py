"""A stored policy draft as an official Word document (征求意见稿).

`policy_document` lays the editable draft (`PolicyDraftContent`) out as the
document kind `precedents.documents.PolicyDraft`: the five sections, the list of
supporting precedents (masked) and the 起草说明 with its evidence.
`export_policy_draft` writes it and records the export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy.orm import Session

from precedents.anonymize import mask_record
from precedents.documents import (
    AmountStat,
    DraftingNote,
    Evidence,
    PolicyDraft,
    Statement,
    SupportingPrecedent,
    render_policy_draft,
)
from precedents.patterns.draft import DraftParagraph, DraftSection, PolicyDraftContent
from precedents.patterns.registry import Policy
from precedents.record import PrecedentRecord
from precedents.store.audit import record_event
from precedents.word_exports import WordOptions

#: Which document part each section of the editable draft fills.
_BODY = {
    "scope": "applicable",
    "criteria": "conditions",
    "measures": "measures",
    "procedure": "procedure",
    "supplementary": "supplementary",
}


def _statements(section: DraftSection | None) -> list[Statement]:
    if section is None:
        return []
    return [_statement(p) for p in section.paragraphs]


def _statement(paragraph: DraftParagraph) -> Statement:
    return Statement(text=paragraph.text, cites=list(paragraph.cites), heading=paragraph.heading)


def _decimal(text: str | None) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text.removesuffix("元").replace(",", ""))
    except InvalidOperation:
        return None


def _evidence(content: PolicyDraftContent, records: Sequence[PrecedentRecord]) -> Evidence:
    found = content.evidence
    amounts = []
    for item in found.amounts:
        low, mid, high = (_decimal(v) for v in (item.minimum, item.median, item.maximum))
        if low is not None and mid is not None and high is not None:
            amounts.append(AmountStat(item.measure, item.with_amount, low, mid, high))
    hardships = list(dict.fromkeys(h for r in records for h in r.hardships))
    return Evidence(
        precedent_count=found.support,
        districts=list(found.districts),
        period_start=found.first_on,
        period_end=found.last_on,
        hardships=hardships[:6],
        barriers=list(found.barriers_removed),
        amounts=amounts,
        codes=[entry.code for entry in content.appendix],
    )


def policy_document(
    content: PolicyDraftContent,
    records: Sequence[PrecedentRecord],
    *,
    drafter: str,
    drafted_on: dt.date,
) -> PolicyDraft:
    """The Word layout of a draft; `records` are its supporting precedents."""
    by_code = {r.code: mask_record(r) for r in records}
    chosen = [by_code[e.code] for e in content.appendix if e.code in by_code]
    sections = {s.key: s for s in content.sections}
    notes = {s.key: s for s in content.note}
    draft = PolicyDraft(
        title=content.title,
        drafter=drafter or content.issuer,
        drafted_on=drafted_on,
        note=DraftingNote(
            evidence=_evidence(content, chosen),
            background=_statements(notes.get("background")),
            main_points=_statements(notes.get("content")),
            open_questions=_statements(notes.get("questions")),
        ),
        precedents=[
            SupportingPrecedent(
                code=r.code,
                title=r.title,
                district=r.district,
                street=r.street or "",
                decided_on=r.decided_on,
                measures=list(r.measures),
            )
            for r in chosen
        ],
    )
    for key, attribute in _BODY.items():
        setattr(draft, attribute, _statements(sections.get(key)))
    return draft


def export_policy_draft(
    session: Session,
    policy: Policy,
    records: Sequence[PrecedentRecord],
    out: Path,
    *,
    drafter: str,
    actor: str,
    options: WordOptions,
) -> Path:
    """Write the policy's draft to `out`; the appendix is always masked."""
    options.check()
    if policy.content is None:
        raise ValueError(f"policy {policy.id} has no draft text")
    document = policy_document(policy.content, records, drafter=drafter, drafted_on=dt.date.today())
    options.render(render_policy_draft, document, out)
    record_event(
        session,
        actor,
        "export",
        policy.pattern_id or "",
        {"kind": "policy_draft", "policy": policy.id, "file": out.name, "masked": True},
        entity="policy",
    )
    return out
