"""The list columns of every precedent, held in memory for the result list.

Search hits carry a code, a title, a score and a snippet; the list also shows
district, dates, level and status and sorts by them. The catalogue keeps those
columns for every precedent (10,000 of them take a few megabytes), loaded once
off the UI thread and then updated record by record after each save, so the
list never waits for the database. Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable

from precedents.library import Library
from precedents.record import PrecedentRecord
from precedents.store.precedents import Summary, list_summaries


def summary_of(record: PrecedentRecord) -> Summary:
    """The list columns of a record just saved (which carries its metadata)."""
    meta = record.meta
    assert meta.id is not None and meta.updated_at is not None
    return Summary(
        id=meta.id,
        code=record.code,
        title=record.title,
        district=record.district,
        street=record.street,
        filed_on=record.filed_on,
        decided_on=record.decided_on,
        level=record.level,
        status=meta.status.value,
        version=meta.version,
        updated_at=meta.updated_at,
    )


class Catalogue:
    """code → `Summary`, newest filing first when listed."""

    def __init__(self, summaries: Iterable[Summary] = ()) -> None:
        self._by_code: dict[str, Summary] = {s.code: s for s in summaries}
        self._ordered: list[str] | None = None

    @classmethod
    def load(cls, library: Library) -> Catalogue:
        with library.session() as session:
            return cls(list_summaries(session))

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Summary | None:
        return self._by_code.get(code)

    def codes(self) -> list[str]:
        """Every code, newest filing first (the order of an empty search)."""
        if self._ordered is None:
            ordered = sorted(self._by_code.values(), key=lambda s: s.code)
            ordered.sort(key=lambda s: s.filed_on, reverse=True)
            self._ordered = [s.code for s in ordered]
        return list(self._ordered)

    def districts(self) -> list[str]:
        return sorted({s.district for s in self._by_code.values()})

    def put(self, summary: Summary, old_code: str | None = None) -> None:
        if old_code and old_code != summary.code:
            self._by_code.pop(old_code, None)
        self._by_code[summary.code] = summary
        self._ordered = None

    def remove(self, code: str) -> None:
        if self._by_code.pop(code, None) is not None:
            self._ordered = None
