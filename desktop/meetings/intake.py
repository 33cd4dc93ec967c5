"""A new matter from a pasted paragraph: the narrative as given, the rest suggested.

The officer pastes what the village or the monitoring platform wrote. The text
becomes the matter's situation unchanged; the similarity engine's reading of
it (`search_index.similar.FeatureExtractor`: hardships, barriers, district,
household size, income, how it was found) and a title taken from its first
sentence are offered as suggestions, which the officer confirms or drops
before they enter the form. The suggested title names nobody (陈国平 → 陈某:
`masking.masked_title`), since titles show in lists and on the projector.
Qt-free.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.editor.form_state import Fields, blank_fields
from desktop.meetings.masking import masked_title, persons_to_mask
from precedents.interchange.jsonl import number
from precedents.record import LEVELS, PrecedentRecord
from precedents.vocabulary import Vocabulary

if TYPE_CHECKING:
    from search_index.similar import FeatureExtractor

#: The longest title suggested from the first sentence.
TITLE_LIMIT = 40
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the text seems to say; every item is (field, value) the officer may accept."""

    title: str = ""
    hardships: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    district: str = ""
    household_size: int | None = None
    monthly_income: Decimal | None = None
    discovery: str = ""

    def items(self) -> list[tuple[str, str]]:
        """(field, value) pairs in the order the form shows them."""
        out: list[tuple[str, str]] = []
        if self.title:
            out.append(("title", self.title))
        if self.district:
            out.append(("district", self.district))
        out += [("hardships", h) for h in self.hardships]
        out += [("barriers", b) for b in self.barriers]
        if self.household_size is not None:
            out.append(("household_size", str(self.household_size)))
        if self.monthly_income is not None:
            out.append(("monthly_income", str(number(self.monthly_income))))
        if self.discovery:
            out.append(("discovery", self.discovery))
        return out

    @property
    def is_empty(self) -> bool:
        return not self.items()


_extractors: list[tuple[Vocabulary, FeatureExtractor]] = []


def _extractor(vocabulary: Vocabulary) -> FeatureExtractor:
    """One extractor per vocabulary (compiling the cues takes a moment)."""
    for known, extractor in _extractors:
        if known is vocabulary:
            return extractor
    from search_index.similar import FeatureExtractor

    made = FeatureExtractor(vocabulary)
    _extractors[:] = [(vocabulary, made)]
    return made


def first_sentence(text: str, limit: int = TITLE_LIMIT) -> str:
    """The first sentence of `text`, cut at `limit` characters (a title to edit)."""
    stripped = text.strip()
    match = _SENTENCE_END.search(stripped)
    sentence = (stripped[: match.start()] if match else stripped).strip("，, ")
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def suggested_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """The first sentence of `text` with the names of persons in `text` masked."""
    sentence = first_sentence(text, limit=len(text))
    return first_sentence(masked_title(sentence, persons_to_mask((), text)), limit)


def suggest(text: str, vocabulary: Vocabulary, districts: Iterable[str] = ()) -> Suggestion:
    """Suggestions read from a pasted paragraph (empty when it says nothing usable)."""
    if not text.strip():
        return Suggestion()
    probe = PrecedentRecord(
        code="草稿", title="", district="", filed_on=dt.date.today(), level="", situation=text
    )
    features = _extractor(vocabulary).extract(probe, list(districts))
    income = features.monthly_income
    return Suggestion(
        title=suggested_title(text),
        hardships=features.hardships,
        barriers=features.barriers,
        district=features.district or "",
        household_size=features.household_size,
        monthly_income=_yuan(income),
        discovery=features.discovery or "",
    )


def _yuan(amount: float | None) -> Decimal | None:
    if amount is None:
        return None
    return Decimal(int(amount)) if amount == int(amount) else Decimal(str(amount))


def fields_from_text(text: str, today: dt.date | None = None) -> Fields:
    """A new matter's form holding the pasted text as its situation, at the lowest level."""
    fields = blank_fields(today)
    fields["situation"] = text.strip()
    fields["level"] = LEVELS[0]
    return fields


#: Form fields that hold lists of vocabulary labels.
_LIST_FIELDS = ("hardships", "barriers")


def apply_suggestions(fields: Fields, items: Iterable[tuple[str, str]]) -> Fields:
    """`fields` with the accepted (field, value) suggestions filled in (lists extended)."""
    out = dict(fields)
    for name, value in items:
        if name in _LIST_FIELDS:
            values = list(out.get(name) or [])
            if value not in values:
                values.append(value)
            out[name] = values
        else:
            out[name] = value
    return out
