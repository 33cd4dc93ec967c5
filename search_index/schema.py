"""The Whoosh schema of the precedent index and the documents it holds.

Text is analysed by `search_index.analysis` before it reaches Whoosh: each text
field receives a ready map of term → character offsets, so Whoosh only stores
postings (`PostingsField`). Every section of a record is indexed twice: as
words (with the domain dictionary and inner dictionary words) for ranking and
synonyms, and as character bigrams for exact substring search.

Sections: ``title``; ``decision`` (the decision, the measures decided and their
notes); ``body`` (situation, deliberation, hardships, barriers, tags, district,
street, discovery channel); ``attachment`` (the text of the attached .docx
files, as the record source hands it over in ``record.meta.attachment_text``).
Keyword fields hold the controlled values used by filters,
facets and the "decided measure" boost. Columns hold numbers read per document
(filing date, version, attachments fingerprint, amounts). Stored fields are kept small: code, title,
district, status, year.

`SCHEMA_VERSION` is part of the index fingerprint: change it whenever the
fields or the documents change.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from whoosh import columns, fields, formats

from precedents.record import PrecedentRecord
from search_index.analysis import Segmenter, bigram_terms, normalize

_POSITION_SIZE = array("I").itemsize

SCHEMA_VERSION = 5

#: Word field of each section, and the bigram field beside it.
SECTIONS: tuple[str, ...] = ("title", "decision", "body", "attachment")
BIGRAM: dict[str, str] = {name: f"{name}_bg" for name in SECTIONS}

#: Keyword fields (exact values) and the record attribute each comes from.
KEYWORD_FIELDS: tuple[str, ...] = (
    "district",
    "street",
    "level",
    "discovery",
    "status",
    "year",
    "hardship",
    "barrier",
    "measure",
    "tag",
)

#: Per-document numeric columns.
COLUMNS: dict[str, str] = {
    "filed": "i",
    "version": "q",
    "attachments": "q",
    "amount": "d",
    "income": "d",
}

#: Stored fields returned with every hit.
STORED_FIELDS: tuple[str, ...] = ("code", "title", "district", "status", "year")


class OffsetPositions(formats.Positions):  # type: ignore[misc]
    """Whoosh's `Positions` format with positions packed as an integer array.

    Whoosh pickles each posting's position list; packing is several times
    cheaper to write and to read, which matters for bulk builds. A value is the
    packed offsets only (the frequency is its length). The positions are
    character offsets (see `search_index.analysis`); the index is a local cache,
    so native byte order is fine.
    """

    def encode(self, poslist: Any) -> bytes:
        return array("I", poslist).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return array("I", valuestring).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // _POSITION_SIZE

    def combine(self, vs: Any) -> bytes:
        merged: set[int] = set()
        for v in vs:
            merged.update(self.decode_positions(v))
        return self.encode(sorted(merged))


class PostingsField(fields.FieldType):  # type: ignore[misc]
    """A field whose value is already analysed: a dict of term → character offsets."""

    def __init__(self, stored: bool = False) -> None:
        super().__init__(OffsetPositions(), None, scorable=True, stored=stored)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        encode = self.format.encode
        for term, positions in value.items():
            count = len(positions)
            yield term.encode("utf-8"), count, float(count), encode(positions)


class KeywordsField(fields.FieldType):  # type: ignore[misc]
    """A field whose value is a list of exact values (no positions, not scored)."""

    def __init__(self, stored: bool = False) -> None:
        super().__init__(formats.Existence(), None, scorable=False, stored=stored)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for term in dict.fromkeys(value):
            if term:
                yield term.encode("utf-8"), 1, 1.0, b""


def build_schema() -> fields.Schema:
    spec: dict[str, Any] = {"code": fields.ID(stored=True, unique=True)}
    for section in SECTIONS:
        spec[section] = PostingsField(stored=section == "title")
        spec[BIGRAM[section]] = PostingsField()
    for name in KEYWORD_FIELDS:
        spec[name] = KeywordsField(stored=name in STORED_FIELDS)
    for name, typecode in COLUMNS.items():
        spec[name] = fields.COLUMN(columns.NumericColumn(typecode, default=0))
    return fields.Schema(**spec)


def section_texts(record: PrecedentRecord) -> dict[str, str]:
    """The original (not normalised) text of each section, as indexed."""
    measures = [m.type for m in record.measures]
    notes = [m.note for m in record.measures if m.note]
    body_parts = [
        record.situation,
        record.deliberation,
        " ".join(record.hardships),
        " ".join(record.barriers),
        " ".join(record.tags),
        record.district,
        record.street or "",
        record.discovery or "",
    ]
    return {
        "title": record.title,
        "decision": "\n".join(p for p in (record.decision, " ".join(measures), *notes) if p),
        "body": "\n".join(p for p in body_parts if p),
        "attachment": record.meta.attachment_text,
    }


def _amount(value: Decimal | None) -> float:
    return float(value) if value is not None else 0.0


def document(record: PrecedentRecord, segmenter: Segmenter) -> dict[str, Any]:
    """The Whoosh document for one record (keyword arguments of ``add_document``)."""
    doc: dict[str, Any] = {"code": record.code}
    for section, text in section_texts(record).items():
        norm = normalize(text)
        doc[section] = segmenter.index_terms(norm)
        doc[BIGRAM[section]] = bigram_terms(norm)
    year = str(record.filed_on.year)
    doc.update(
        district=[record.district],
        street=[record.street] if record.street else [],
        level=[record.level],
        discovery=[record.discovery] if record.discovery else [],
        status=[record.meta.status.value],
        year=[year],
        hardship=list(record.hardships),
        barrier=list(record.barriers),
        measure=[m.type for m in record.measures],
        tag=list(record.tags),
        filed=record.filed_on.toordinal(),
        version=int(record.meta.version),
        attachments=int(record.meta.attachments_digest),
        amount=sum(_amount(m.amount) for m in record.measures),
        income=_amount(record.monthly_income),
        _stored_title=record.title,
        _stored_district=record.district,
        _stored_status=record.meta.status.value,
        _stored_year=year,
    )
    return doc
