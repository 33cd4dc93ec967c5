"""The content of a policy draft: structured, editable, storable.

`PolicyDraftContent` is what `precedents.patterns.drafting` writes from a
pattern and what officers then edit: the title, the five sections of the body
(适用对象, 认定条件, 救助措施, 办理程序, 附则), the appendix of supporting
precedents (already masked) and the 起草说明 with its evidence. It is plain
data: `to_data`/`from_data` store it as JSON in the policy registry.

Each paragraph keeps its citations apart from its text (`DraftParagraph`), and
a subsection its number and run-in heading, so that a renderer can set them as
it likes; `DraftParagraph.rendered` gives the plain-text form:
"（二）医疗救助。……具体金额根据实际支出确定（参见 XM-HL-2021-501、XM-HC-2022-504）。"
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from precedents.documents.text import cite
from precedents.errors import PolicyError

#: Keys and headings of the body sections, in document order.
SECTION_HEADINGS: tuple[tuple[str, str], ...] = (
    ("scope", "一、适用对象"),
    ("criteria", "二、认定条件"),
    ("measures", "三、救助措施"),
    ("procedure", "四、办理程序"),
    ("supplementary", "五、附则"),
)

#: How precedents are cited in plain text: （参见 XM-JM-2023-001、XM-HC-2022-504）.
CITATION = re.compile(r"（参见 ([^）]+)）")
#: Punctuation a citation goes before.
_STOPS = "。；：，"
CHINESE_ORDINALS = "一二三四五六七八九十"


def yuan(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    value = amount.quantize(Decimal("1")) if amount == amount.to_integral_value() else amount
    return f"{value}元"


def ordinal(n: int) -> str:
    return f"（{CHINESE_ORDINALS[n - 1]}）" if n <= len(CHINESE_ORDINALS) else f"（{n}）"


@dataclass(slots=True)
class DraftParagraph:
    """One paragraph: its text, the precedents it rests on, and, for a subsection,
    its number （一） and run-in heading."""

    text: str
    cites: list[str] = field(default_factory=list)
    number: str = ""
    heading: str = ""

    def rendered(self) -> str:
        """Plain text: number, heading, text, the citation before the final stop."""
        body = self.text
        stop = body[-1] if body and body[-1] in _STOPS else ""
        cited = f"{body.removesuffix(stop)}{cite(self.cites)}{stop}" if self.cites else body
        head = f"{self.heading}。" if self.heading else ""
        return f"{self.number}{head}{cited}"


@dataclass(slots=True)
class DraftSection:
    """One heading and its paragraphs."""

    key: str
    heading: str
    paragraphs: list[DraftParagraph] = field(default_factory=list)

    def rendered(self) -> list[str]:
        return [paragraph.rendered() for paragraph in self.paragraphs]


@dataclass(frozen=True, slots=True)
class AppendixEntry:
    """One supporting precedent in the appendix; the title is masked."""

    code: str
    district: str
    year: int
    title: str


@dataclass(frozen=True, slots=True)
class AmountEvidence:
    """The amounts one measure received across the supporting precedents."""

    measure: str
    count: int
    with_amount: int
    minimum: str | None = None
    median: str | None = None
    maximum: str | None = None


@dataclass(frozen=True, slots=True)
class DraftEvidence:
    """The figures the drafting note rests on."""

    support: int
    districts: tuple[str, ...]
    first_on: dt.date
    last_on: dt.date
    amounts: tuple[AmountEvidence, ...]
    barriers_removed: tuple[str, ...]


@dataclass(slots=True)
class PolicyDraftContent:
    """A policy draft written from a pattern, as officers edit and export it."""

    pattern_id: str
    title: str
    issuer: str
    sections: list[DraftSection]
    appendix_title: str
    appendix: list[AppendixEntry]
    note_title: str
    note: list[DraftSection]
    evidence: DraftEvidence

    def section(self, key: str) -> DraftSection:
        """A body section by key (``scope``, ``criteria``, ``measures``, ...)."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def text(self) -> str:
        """Every paragraph of body and note as plain text, for search and checks."""
        parts = [self.title]
        for section in [*self.sections, *self.note]:
            parts.append(section.heading)
            parts.extend(section.rendered())
        parts.extend(entry.title for entry in self.appendix)
        return "\n".join(parts)

    def cited_codes(self) -> set[str]:
        """Codes of the precedents cited anywhere in the body or the note."""
        return {
            code
            for section in [*self.sections, *self.note]
            for paragraph in section.paragraphs
            for code in paragraph.cites
        }

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"]["first_on"] = self.evidence.first_on.isoformat()
        data["evidence"]["last_on"] = self.evidence.last_on.isoformat()
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PolicyDraftContent:
        try:
            evidence = dict(data["evidence"])
            evidence["first_on"] = dt.date.fromisoformat(evidence["first_on"])
            evidence["last_on"] = dt.date.fromisoformat(evidence["last_on"])
            evidence["districts"] = tuple(evidence["districts"])
            evidence["barriers_removed"] = tuple(evidence["barriers_removed"])
            evidence["amounts"] = tuple(AmountEvidence(**a) for a in evidence["amounts"])
            return cls(
                pattern_id=data["pattern_id"],
                title=data["title"],
                issuer=data["issuer"],
                sections=[_section(s) for s in data["sections"]],
                appendix_title=data["appendix_title"],
                appendix=[AppendixEntry(**a) for a in data["appendix"]],
                note_title=data["note_title"],
                note=[_section(s) for s in data["note"]],
                evidence=DraftEvidence(**evidence),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PolicyError("policy.bad_content", reason=str(exc)) from exc


def _section(data: dict[str, Any]) -> DraftSection:
    paragraphs = [DraftParagraph(**p) for p in data["paragraphs"]]
    return DraftSection(data["key"], data["heading"], paragraphs)
