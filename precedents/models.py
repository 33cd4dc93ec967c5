"""Typed SQLAlchemy 2.0 models: the schema of the precedent store.

The schema itself changes only through Alembic migrations
(``precedents/migrations``); these classes must agree with the newest one, which
``tests/precedents/test_migrations.py`` checks.

Personal data (`PersonRow`) is stored apart from the narrative so that it can be
masked and audited on its own. Every change to a precedent also appends a row to
`ChangeRow`, the change feed that search indexes and other desktops follow.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Amounts in yuan, two decimals; large enough for a year of rare-disease drugs.
Money = Numeric(14, 2, asdecimal=True)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class VocabularyTermRow(Base):
    """A controlled-vocabulary term; administrators may add and edit them."""

    __tablename__ = "vocabulary_terms"
    __table_args__ = (UniqueConstraint("kind", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(60))
    synonyms: Mapped[list[str]] = mapped_column(default=list)
    parent_label: Mapped[str | None] = mapped_column(String(60))
    related: Mapped[list[str]] = mapped_column(default=list)
    selectable: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class SynonymGroupRow(Base):
    """Search synonyms beyond the vocabulary (自闭症 = 孤独症, ...), editable data."""

    __tablename__ = "synonym_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    terms: Mapped[list[str]] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class PrecedentRow(Base):
    """One matter and, once decided, one precedent."""

    __tablename__ = "precedents"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    district: Mapped[str] = mapped_column(String(40), index=True)
    street: Mapped[str | None] = mapped_column(String(60))
    filed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    level: Mapped[str] = mapped_column(String(10))
    discovery: Mapped[str | None] = mapped_column(String(20))
    household_size: Mapped[int | None] = mapped_column(Integer)
    monthly_income: Mapped[Decimal | None] = mapped_column(Money)
    situation: Mapped[str] = mapped_column(Text, default="")
    deliberation: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(10), default="草稿", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(60), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    hardships: Mapped[list[PrecedentHardshipRow]] = relationship(
        cascade="all, delete-orphan", order_by="PrecedentHardshipRow.position", lazy="selectin"
    )
    barriers: Mapped[list[PrecedentBarrierRow]] = relationship(
        cascade="all, delete-orphan", order_by="PrecedentBarrierRow.position", lazy="selectin"
    )
    measures: Mapped[list[MeasureRow]] = relationship(
        cascade="all, delete-orphan", order_by="MeasureRow.position", lazy="selectin"
    )
    persons: Mapped[list[PersonRow]] = relationship(
        cascade="all, delete-orphan", order_by="PersonRow.position", lazy="selectin"
    )
    tags: Mapped[list[PrecedentTagRow]] = relationship(
        cascade="all, delete-orphan", order_by="PrecedentTagRow.position", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class PrecedentHardshipRow(Base):
    __tablename__ = "precedent_hardships"

    precedent_id: Mapped[int] = mapped_column(
        ForeignKey("precedents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(String(60), index=True)


class PrecedentBarrierRow(Base):
    __tablename__ = "precedent_barriers"

    precedent_id: Mapped[int] = mapped_column(
        ForeignKey("precedents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(String(60), index=True)


class PrecedentTagRow(Base):
    __tablename__ = "precedent_tags"

    precedent_id: Mapped[int] = mapped_column(
        ForeignKey("precedents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    tag: Mapped[str] = mapped_column(String(60), index=True)


class MeasureRow(Base):
    """A decided measure; department and deadline are filled in at the meeting."""

    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    precedent_id: Mapped[int] = mapped_column(
        ForeignKey("precedents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(60), index=True)
    amount: Mapped[Decimal | None] = mapped_column(Money)
    note: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(String(120), default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)


class PersonRow(Base):
    """Personal data: never shown unmasked outside the record itself."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    precedent_id: Mapped[int] = mapped_column(
        ForeignKey("precedents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    id_number: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    relation: Mapped[str] = mapped_column(String(30), default="")


class AttachmentRow(Base):
    """A file attached to a precedent, stored under the data folder."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    precedent_id: Mapped[int] = mapped_column(
        ForeignKey("precedents.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(120), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(60), default="")


class ChangeRow(Base):
    """The change feed: one row per committed change to a precedent, in order."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    precedent_id: Mapped[int] = mapped_column(Integer, index=True)
    code: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(10))  # "upsert" or "delete"
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditEventRow(Base):
    """An audit-trail entry. The program only ever appends to this table."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(30), index=True)
    entity: Mapped[str] = mapped_column(String(30), default="precedent")
    entity_code: Mapped[str] = mapped_column(String(64), default="", index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reason: Mapped[str] = mapped_column(Text, default="")


class MetaRow(Base):
    """Small key/value facts about the library itself (created at, demo loaded, ...)."""

    __tablename__ = "library_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
