"""个案研判表: the one-page case review form (issue 6).

A form table of the matter (code, district and street, household, hardships,
barriers, situation), the precedents compared, each level's review opinion and
the decision, with room for the officers' signatures. It is meant to fit one
page; very long situations or opinions flow onto a second page rather than
being cut, since nothing an officer wrote may be lost.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from precedents.documents import styles
from precedents.documents.builder import DocumentBuilder
from precedents.documents.fonts import FontSet
from precedents.documents.layout import Grid
from precedents.documents.matter import MatterFacts, PrecedentRef, level_name
from precedents.documents.tables import FormCell, FormRow
from precedents.documents.text import (
    Mask,
    format_amount,
    format_date,
    format_measure,
    join_list,
)
from precedents.record import Measure

_WEIGHTS = (31, 47, 31, 47)


@dataclass(slots=True)
class ReviewEntry:
    """One level's review: its opinion, who gave it and when."""

    level: str
    opinion: str
    reviewed_on: dt.date | None = None
    #: Who signs the opinion: the chair or the reviewing department.
    reviewer: str = ""


@dataclass(slots=True)
class ReviewForm:
    matter: MatterFacts
    #: Who the household is: "3人：本人、母亲、儿子（在读）"; defaults to the head count.
    household: str = ""
    reviews: list[ReviewEntry] = field(default_factory=list)
    decision: str = ""
    measures: list[Measure] = field(default_factory=list)
    precedents: list[PrecedentRef] = field(default_factory=list)
    organisation: str = ""
    filled_on: dt.date | None = None
    #: 经办人 and 审核人; left blank to sign by hand.
    handled_by: str = ""
    approved_by: str = ""
    title: str = "个案研判表"


def render_review_form(
    form: ReviewForm,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    fonts: FontSet | None = None,
    mask: Mask | None = None,
    grid: Grid = Grid.NATIVE,
) -> Path:
    """Write the form as .docx; returns the path written."""
    builder = DocumentBuilder.open(template, fonts=fonts, mask=mask, grid=grid)
    write_review_form(builder, form)
    return builder.save(path)


def write_review_form(builder: DocumentBuilder, form: ReviewForm) -> None:
    builder.set_field("文种", "个案研判表")
    builder.set_field("发文机关", form.organisation)
    if form.filled_on is not None:
        builder.set_field("成文日期", format_date(form.filled_on))
    builder.title(form.title)
    header = [
        f"填报单位：{form.organisation}" if form.organisation else "",
        f"填报日期：{format_date(form.filled_on)}" if form.filled_on else "",
    ]
    builder.paragraph("　　".join(part for part in header if part), style=styles.TABLE_TEXT)
    builder.form(form_rows(form), _WEIGHTS)


def form_rows(form: ReviewForm) -> list[FormRow]:
    """The rows of the form, top to bottom."""
    facts = form.matter

    def pair(label_a: str, value_a: str, label_b: str, value_b: str, height: float = 0) -> FormRow:
        cells = [
            FormCell(label_a, True),
            FormCell(value_a),
            FormCell(label_b, True),
            FormCell(value_b),
        ]
        return FormRow(cells, height)

    def wide(label: str, value: str, height: float = 0, footer: str = "") -> FormRow:
        return FormRow([FormCell(label, True), FormCell(value, span=3, footer=footer)], height)

    income = format_amount(facts.monthly_income) if facts.monthly_income is not None else ""
    household = form.household or (f"{facts.household_size}人" if facts.household_size else "")
    rows = [
        pair("事项编号", facts.code, "所在区街", facts.location),
        pair("发现渠道", facts.discovery, "研判层级", level_name(facts.level)),
        pair("家庭人口", household, "家庭月收入", income),
        wide("事项名称", facts.title),
    ]
    rows += [
        wide("困难情形", join_list(facts.hardships)),
        wide("政策障碍", join_list(facts.barriers)),
        wide("基本情况", facts.situation, 20),
    ]
    if form.precedents:
        lines = [f"{ref.use.value}：{ref.code} {ref.title}" for ref in form.precedents]
        rows.append(wide("类案检索", "\n".join(lines)))
    for review in form.reviews:
        when = format_date(review.reviewed_on) if review.reviewed_on else ""
        signed = "　".join(part for part in (review.reviewer, when) if part)
        rows.append(wide(f"{_short_level(review.level)}研判意见", review.opinion, 12, signed))
    decision = "\n".join([form.decision, *map(format_measure, form.measures)]).strip()
    rows.append(wide("处理决定", decision, 15))
    rows.append(pair("经办人", form.handled_by, "审核人", form.approved_by, 8))
    return rows


def _short_level(level: str) -> str:
    """区 → 区级, but 镇街 and 村居 stay as they are, so the label fits its cell."""
    return level_name(level) if len(level) == 1 else level
