"""Typed models of mined patterns, officers' curation and the policy registry.

Curation is stored as data, not as a snapshot of one mining run: a pattern row
remembers its id, name, status and last members; pins say "this precedent
belongs to that pattern" (what a split leaves behind) and exclusions say "this
precedent is not part of that pattern". Every mining run is laid under these
rows again (`precedents.patterns.curation`). Policies carry their editable
draft, their coverage criteria and the precedents they now cover.

The tables come from Alembic revision 0002; the classes use the shared
`precedents.models.Base` so that one metadata describes the whole schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from precedents.models import Base, utcnow

#: Pattern statuses as officers read them.
FOUND = "已发现"
CONFIRMED = "已确认"
MERGED = "已合并"


class PatternRow(Base):
    """A pattern as last mined and curated; its id never changes once given."""

    __tablename__ = "patterns"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(10), default=FOUND, index=True)
    #: Found by the last mining run, or kept alive by curation.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    merged_into: Mapped[str | None] = mapped_column(ForeignKey("patterns.id", ondelete="SET NULL"))
    split_from: Mapped[str | None] = mapped_column(ForeignKey("patterns.id", ondelete="SET NULL"))
    #: Codes of its precedents after the last run, earliest first.
    codes: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    confirmed_by: Mapped[str] = mapped_column(String(60), default="")


class PatternPinRow(Base):
    """A precedent an officer put in a pattern (by splitting); mining cannot move it."""

    __tablename__ = "pattern_pins"

    pattern_id: Mapped[str] = mapped_column(
        ForeignKey("patterns.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(60), default="")


class PatternExclusionRow(Base):
    """A precedent an officer took out of a pattern; mining cannot put it back."""

    __tablename__ = "pattern_exclusions"

    pattern_id: Mapped[str] = mapped_column(
        ForeignKey("patterns.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(60), default="")


class PolicyRow(Base):
    """A general policy: drafted from a pattern, consulted on, adopted, repealed."""

    __tablename__ = "policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    pattern_id: Mapped[str | None] = mapped_column(
        ForeignKey("patterns.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(10), default="草稿", index=True)
    document_number: Mapped[str] = mapped_column(String(100), default="")
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    repealed_on: Mapped[dt.date | None] = mapped_column(Date)
    #: The editable draft (`PolicyDraftContent.to_data()`).
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: Coverage criteria (`Criteria.to_data()`), fixed at adoption.
    criteria: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(60), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it as is)


class PolicyCoverageRow(Base):
    """A precedent whose situation an adopted policy now settles without a meeting."""

    __tablename__ = "policy_coverage"

    policy_id: Mapped[int] = mapped_column(
        ForeignKey("policies.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    covered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
