"""Tables for reviews (meetings) of a matter."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from precedents.models import Base, Money, utcnow


class ReviewRow(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    precedent_id: Mapped[int] = mapped_column(
        ForeignKey("precedents.id", ondelete="CASCADE"), index=True
    )
    sequence: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(10))
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    chair: Mapped[str] = mapped_column(String(60), default="")
    recorder: Mapped[str] = mapped_column(String(60), default="")
    presented_facts: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20), default="进行中")
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    decision_text: Mapped[str] = mapped_column(Text, default="")
    consistency_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(60), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    participants: Mapped[list[ReviewParticipantRow]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewParticipantRow.position", lazy="selectin"
    )
    opinions: Mapped[list[ReviewOpinionRow]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewOpinionRow.position", lazy="selectin"
    )
    measures: Mapped[list[ReviewMeasureRow]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewMeasureRow.position", lazy="selectin"
    )
    references: Mapped[list[ReviewReferenceRow]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewReferenceRow.position", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ReviewParticipantRow(Base):
    __tablename__ = "review_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    department: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(String(60), default="")
    role: Mapped[str] = mapped_column(String(10), default="出席")


class ReviewOpinionRow(Base):
    __tablename__ = "review_opinions"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(60))
    department: Mapped[str] = mapped_column(String(120), default="")
    stance: Mapped[str] = mapped_column(String(10), default="同意")
    text: Mapped[str] = mapped_column(Text, default="")


class ReviewMeasureRow(Base):
    __tablename__ = "review_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(60))
    amount: Mapped[Decimal | None] = mapped_column(Money)
    note: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(String(120), default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)


class ReviewReferenceRow(Base):
    __tablename__ = "review_references"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(10), default="参考")
    score: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
