"""What a search returns, and the small interface every search engine offers.

`SearchResult` carries the ranked hits (code, title, score, snippet with match
spans), the total number of matching records, facet counts, the synonyms that
were added ("also searched: …"), the query as understood and notes about parts
of it that were read differently from how they were typed. `to_json` is the
command line's ``--json`` shape.

`SearchEngine` is the project's own interface: the desktop and the command
line talk to it, never to Whoosh, so the engine behind it can be replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from precedents.errors import PrecedentError
from search_index.query import ParsedQuery

Progress = Callable[[int, int], None]
Filters = Mapping[str, str | Sequence[str]]


class EngineState(StrEnum):
    """Where the search engine is in its life."""

    CLOSED = "closed"
    OPENING = "opening"
    REBUILDING = "rebuilding"
    READY = "ready"
    #: No usable index (for example the last rebuild was cancelled).
    UNAVAILABLE = "unavailable"


class SearchUnavailable(PrecedentError):
    """The index cannot answer now (closed, rebuilding without an old index, damaged)."""


@dataclass(frozen=True, slots=True)
class CatchUp:
    """One bounded step of catching up with the change feed (`SearchService.catch_up`)."""

    #: Records this step indexed or removed.
    touched: int = 0
    #: More changes were waiting beyond this step's limit.
    more: bool = False


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening the index found and did (for ``precedents check`` and the desktop)."""

    #: Built from every record: there was no usable index, or one of another configuration.
    rebuilt: bool = False
    #: Why it was rebuilt, in Chinese ("" when it was not).
    reason: str = ""
    #: Records whose indexed version or attachments differed from the database (re-indexed).
    repaired: tuple[str, ...] = ()
    #: Records the index held that the database no longer has (removed).
    removed: tuple[str, ...] = ()
    #: Records applied from the change feed after the check.
    caught_up: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    code: str
    title: str
    score: float
    #: A passage of the record; `highlights` are ``[start, end)`` spans into it.
    snippet: str = ""
    highlights: tuple[tuple[int, int], ...] = ()
    #: Spans of the matched words in `title`.
    title_highlights: tuple[tuple[int, int], ...] = ()
    district: str = ""
    year: str = ""
    status: str = ""
    #: True when the snippet comes from an attached file's text (it starts with 「附件：」).
    snippet_from_attachment: bool = False


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]
    #: Facet name (district, hardship, barrier, measure, level, year, status) →
    #: (value, number of matching records), largest first.
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: Typed word → synonyms also searched.
    expanded_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    parsed: ParsedQuery | None = None
    #: Filters applied, as "field: value, value" (including districts typed as words).
    filters: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    #: True while results come from an index built with another configuration.
    stale: bool = False

    def to_json(self) -> dict[str, Any]:
        """The command line's ``--json`` shape: query, total, hits, facets.

        Facets map each facet name to {value: count}, largest count first.
        """
        return {
            "query": self.query,
            "total": self.total,
            "hits": [
                {"code": h.code, "title": h.title, "score": round(h.score, 4), "snippet": h.snippet}
                for h in self.hits
            ],
            "facets": {name: dict(values) for name, values in self.facets.items()},
        }


class SearchEngine(Protocol):
    """The search interface the programs use."""

    @property
    def state(self) -> EngineState: ...

    def open(self, progress: Progress | None = None) -> OpenReport | None: ...

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        offset: int = 0,
        filters: Filters | None = None,
        snippets: bool = True,
    ) -> SearchResult: ...

    def sync(self) -> int: ...

    def rebuild(self, progress: Progress | None = None) -> None: ...

    def close(self) -> None: ...
