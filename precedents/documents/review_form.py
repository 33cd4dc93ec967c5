"""个案研判表: the one-page case review form (issue 6).

A form table of the matter (code, district and street, household, hardships,
barriers, situation), the precedents compared, each level's review opinion and
the decision, with room for the officers' signatures. It is meant to fit one
page; very long situations or opinions flow onto a second page rather than
being cut, since nothing an officer wrote may be lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from precedents.documents import styles
from precedents.documents.builder import DocumentBuilder
from precedents.documents.matter import MatterFacts, level_name
from precedents.documents.render import Renderer
from precedents.documents.tables import FormCell, FormRow
from precedents.documents.text import (
    end_sentence,
    format_amount,
    format_date,
    format_measure,
    join_list,
)
from precedents.meetings.model import Outcome, Reference, Review, next_level

_WEIGHTS = (31, 47, 31, 47)


@dataclass(slots=True)
class ReviewForm:
    """The form of one matter across its reviews (`precedents.meetings.model.Review`)."""

    matter: MatterFacts
    reviews: list[Review] = field(default_factory=list)
    #: Titles of the precedents the reviews refer to, by code.
    titles: dict[str, str] = field(default_factory=dict)
    #: Who the household is: "3人：本人、母亲、儿子（在读）"; defaults to the head count.
    household: str = ""
    organisation: str = ""
    filled_on: dt.date | None = None
    #: 经办人 and 审核人; left blank to sign by hand.
    handled_by: str = ""
    approved_by: str = ""
    title: str = "个案研判表"

    @property
    def decision(self) -> Review | None:
        """The review that decided the matter, if one did."""
        decided = [review for review in self.reviews if review.outcome is Outcome.DECIDED]
        return decided[-1] if decided else None

    def references(self) -> list[Reference]:
        """Every precedent referred to, once, as the latest review marked it."""
        latest: dict[str, Reference] = {}
        for review in self.reviews:
            for reference in review.references:
                latest[reference.code] = reference
        return list(latest.values())


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


#: Write the form as .docx (see `Renderer`); returns the path written.
render_review_form = Renderer(write_review_form)


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
    references = form.references()
    if references:
        lines = [
            f"{ref.mode.value}：{ref.code} {form.titles.get(ref.code, '')}".rstrip()
            for ref in references
        ]
        rows.append(wide("类案检索", "\n".join(lines)))
    for review in form.reviews:
        signed = "　".join(part for part in (review.chair, format_date(review.held_on)) if part)
        rows.append(
            wide(f"{_short_level(review.level)}研判意见", review_opinion(review), 12, signed)
        )
    decided = form.decision
    lines = [decided.decision_text, *map(format_measure, decided.measures)] if decided else []
    decision = "\n".join(lines).strip()
    rows.append(wide("处理决定", decision, 15))
    rows.append(pair("经办人", form.handled_by, "审核人", form.approved_by, 8))
    return rows


def review_opinion(review: Review) -> str:
    """One level's opinion in the form: its outcome, and any dissent on record."""
    reason = end_sentence(review.outcome_reason)
    if review.outcome is Outcome.DECIDED:
        # The decision itself fills the 处理决定 row; saying it twice would crowd the page.
        text = "作出处理决定，见处理决定栏。"
    elif review.outcome is Outcome.ESCALATED:
        target = level_name(next_level(review.level) or "") or "上一级"
        text = f"本级未能决定，提交{target}研判。{reason}"
    elif review.outcome is Outcome.RETURNED:
        text = f"退回补充材料。{reason}"
    else:
        text = f"研判中。{reason}"
    dissent = [o.department + o.speaker for o in review.dissents]
    if dissent:
        text += f"{join_list(dissent)}持不同或保留意见。"
    return text


def _short_level(level: str) -> str:
    """区 → 区级, but 镇街 and 村居 stay as they are, so the label fits its cell."""
    return level_name(level) if len(level) == 1 else level
