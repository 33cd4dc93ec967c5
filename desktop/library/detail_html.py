"""A precedent as a readable page: every field, labelled, for the detail pane.

`render` turns a record into the HTML subset QTextBrowser shows: a title, the
key facts in two columns, the vocabulary terms as tags, the measures and
persons as tables, the narrative in sections, and who last changed it. A
banner says whether personal data is masked. Labels go through Qt's
translations; the record's own values are shown as they are.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication

from precedents.attachments import Attachment
from precedents.interchange.jsonl import number
from precedents.record import PrecedentRecord

STYLE = """
body { line-height: 140%; }
.title { font-size: 14pt; font-weight: 600; margin: 0 0 2px 0; }
h2 { font-size: 11pt; font-weight: 600; color: #1f3a5f; margin: 14px 0 4px 0; }
p { margin: 0 0 6px 0; }
.muted { color: #6b7280; }
.code { color: #4b5563; }
.status { background-color: #e8f0fe; color: #1a56b0; }
.banner-masked { background-color: #eef6ee; color: #256029; }
.banner-open { background-color: #fdecea; color: #a61b1b; }
.tag-hardship { background-color: #fff1e6; color: #8a3c00; }
.tag-barrier { background-color: #f3e8ff; color: #5b2a86; }
th { background-color: #f3f4f6; font-weight: 600; text-align: left; }
td.label { color: #6b7280; }
"""


translate = QCoreApplication.translate


def _yuan(amount: Decimal | None) -> str:
    if amount is None:
        return "—"
    return translate("DetailView", "%1 yuan").replace("%1", f"{number(amount):,}")


def _text(value: object) -> str:
    if value is None or value == "":
        return "—"
    return escape(str(value))


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in parts) or "<p class='muted'>—</p>"


def _tags(values: list[str], css: str) -> str:
    if not values:
        return "<span class='muted'>—</span>"
    return "&nbsp; ".join(f"<span class='{css}'>&nbsp;{escape(v)}&nbsp;</span>" for v in values)


def _facts(record: PrecedentRecord) -> str:
    place = record.district + (record.street or "")
    rows = [
        (
            translate("DetailView", "Place"),
            _text(place),
            translate("DetailView", "Review level"),
            _text(record.level),
        ),
        (
            translate("DetailView", "Filed on"),
            _text(record.filed_on),
            translate("DetailView", "Decided on"),
            _text(record.decided_on),
        ),
        (
            translate("DetailView", "Household size"),
            _text(record.household_size),
            translate("DetailView", "Monthly income"),
            _yuan(record.monthly_income),
        ),
        (
            translate("DetailView", "Found through"),
            _text(record.discovery),
            translate("DetailView", "Tags"),
            _text("、".join(record.tags)),
        ),
    ]
    cells = "".join(
        f"<tr><td class='label' width='15%'>{a}</td><td width='35%'>{b}</td>"
        f"<td class='label' width='15%'>{c}</td><td width='35%'>{d}</td></tr>"
        for a, b, c, d in rows
    )
    return f"<table width='100%' cellspacing='0' cellpadding='3'>{cells}</table>"


def _measures(record: PrecedentRecord) -> str:
    if not record.measures:
        return f"<p class='muted'>{translate('DetailView', 'No measures recorded.')}</p>"
    headers = (
        translate("DetailView", "Measure"),
        translate("DetailView", "Amount"),
        translate("DetailView", "Note"),
        translate("DetailView", "Department"),
        translate("DetailView", "Deadline"),
    )
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>"
    rows = "".join(
        f"<tr><td>{escape(m.type)}</td><td align='right'>{_yuan(m.amount)}</td>"
        f"<td>{_text(m.note)}</td><td>{_text(m.department)}</td><td>{_text(m.deadline)}</td></tr>"
        for m in record.measures
    )
    total = sum((m.amount for m in record.measures if m.amount is not None), Decimal(0))
    foot = ""
    if total:
        label = translate("DetailView", "Total")
        foot = (
            f"<tr><td><b>{label}</b></td><td align='right'><b>{_yuan(total)}</b></td>"
            "<td></td><td></td><td></td></tr>"
        )
    return f"<table width='100%' cellspacing='0' cellpadding='4'>{head}{rows}{foot}</table>"


def _persons(record: PrecedentRecord, masked: bool) -> str:
    if masked:
        text = translate("DetailView", "Personal data is masked.")
        banner = f"<p class='banner-masked'>&nbsp;{text}&nbsp;</p>"
    else:
        text = translate(
            "DetailView",
            "Personal data is shown unmasked; this view was recorded in the audit trail.",
        )
        banner = f"<p class='banner-open'>&nbsp;{text}&nbsp;</p>"
    if not record.persons:
        return banner + f"<p class='muted'>{translate('DetailView', 'No persons recorded.')}</p>"
    headers = (
        translate("DetailView", "Name"),
        translate("DetailView", "Relation"),
        translate("DetailView", "ID number"),
        translate("DetailView", "Phone"),
    )
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>"
    rows = "".join(
        f"<tr><td>{_text(p.name)}</td><td>{_text(p.relation)}</td>"
        f"<td>{_text(p.id_number)}</td><td>{_text(p.phone)}</td></tr>"
        for p in record.persons
    )
    return banner + f"<table width='100%' cellspacing='0' cellpadding='4'>{head}{rows}</table>"


def _attachments(attachments: list[Attachment]) -> str:
    if not attachments:
        return ""
    items = "、".join(escape(a.filename) for a in attachments)
    return f"<h2>{translate('DetailView', 'Attachments')}</h2><p>{items}</p>"


def _footer(record: PrecedentRecord) -> str:
    meta = record.meta
    parts = []
    if meta.created_at is not None:
        parts.append(
            translate("DetailView", "Created by %1 on %2")
            .replace("%1", meta.created_by or "—")
            .replace("%2", meta.created_at.strftime("%Y-%m-%d %H:%M"))
        )
    if meta.updated_at is not None:
        parts.append(
            translate("DetailView", "last changed by %1 on %2")
            .replace("%1", meta.updated_by or "—")
            .replace("%2", meta.updated_at.strftime("%Y-%m-%d %H:%M"))
        )
    parts.append(translate("DetailView", "version %1").replace("%1", str(meta.version)))
    return f"<p class='muted'>{escape('，'.join(parts))}</p>"


def _section(title: str, body: str) -> str:
    return f"<h2>{title}</h2>{body}"


def render(
    record: PrecedentRecord, *, masked: bool, attachments: list[Attachment] | None = None
) -> str:
    """The whole page for one precedent."""
    status = escape(record.status.value)
    sections = [
        f"<p class='title'>{escape(record.title)}</p>",
        f"<p><span class='code'>{escape(record.code)}</span>&nbsp;&nbsp;"
        f"<span class='status'>&nbsp;{status}&nbsp;</span></p>",
        _facts(record),
        _section(
            translate("DetailView", "Hardships"),
            f"<p>{_tags(record.hardships, 'tag-hardship')}</p>",
        ),
        _section(
            translate("DetailView", "Why policy did not fit"),
            f"<p>{_tags(record.barriers, 'tag-barrier')}</p>",
        ),
        _section(translate("DetailView", "Situation"), _paragraphs(record.situation)),
        _section(translate("DetailView", "Deliberation"), _paragraphs(record.deliberation)),
        _section(translate("DetailView", "Decision"), _paragraphs(record.decision)),
        _section(translate("DetailView", "Measures"), _measures(record)),
        _section(translate("DetailView", "Persons"), _persons(record, masked)),
        _attachments(attachments or []),
        "<hr/>",
        _footer(record),
    ]
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(sections)}</body></html>"
