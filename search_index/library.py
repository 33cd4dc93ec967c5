"""The indexes of an open precedent library, for the command line and the desktop.

`search_service(library)` builds the search service over the library's own
index folder, synonym groups and vocabulary. `LibraryIndexes` adds the
similarity index, which rides on the search service's one writer as an index
component and lives in its own folder beside the search index; both programs
open, query and close the two through it, so they keep them the same way.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from precedents.library import Library
from precedents.record import PrecedentRecord
from precedents.store.vocabulary import load_synonyms
from search_index.writer import IndexComponent

if TYPE_CHECKING:
    from search_index.service import SearchService
    from search_index.similar import SimilarHit, SimilarityIndex, SimilaritySettings

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

FOLDER_NAME = "search"
SIMILAR_FOLDER_NAME = "similar"


def search_service(library: Library, components: Iterable[IndexComponent] = ()) -> SearchService:
    """A search service over `library` (not opened yet: call `open`, off the UI thread)."""
    # Whoosh loads here, on the thread that opens the index, not when the window is built.
    from search_index.service import SearchService

    with library.session() as session:
        groups = load_synonyms(session)
    return SearchService(
        library.index_dir / FOLDER_NAME,
        library.record_source(),
        synonyms=groups,
        vocabulary=library.vocabulary(),
        components=components,
    )


def similarity_settings(library: Library) -> SimilaritySettings:
    """The similarity engine's settings from the shared settings file (defaults if unusable)."""
    from search_index.similar import SettingsInvalid, SimilaritySettings

    data = {
        "weights": dict(library.settings.similarity_weights),
        "poverty_line_by_year": dict(library.settings.dibao_lines),
    }
    try:
        return SimilaritySettings.from_dict(data)
    except SettingsInvalid as exc:
        log.warning("similarity settings unusable, using defaults: %s", exc.message)
        return SimilaritySettings()


def similarity_folder(library: Library) -> Path:
    """Where the library's similarity index is saved on this computer."""
    return library.index_dir / SIMILAR_FOLDER_NAME


def similarity_index(library: Library) -> SimilarityIndex:
    """The similarity index saved beside the search index (empty if none was saved).

    Raises `SimilarityIndexUnusable` when the folder holds one that cannot be
    trusted (damaged, or built under other rules); `precedents check` says so.
    """
    from search_index.similar import SimilarityIndex

    with library.session() as session:
        groups = load_synonyms(session)
    return SimilarityIndex.open(
        similarity_folder(library),
        vocabulary=library.vocabulary(),
        settings=similarity_settings(library),
        extra_synonym_groups=groups,
    )


def open_similarity_index(library: Library) -> SimilarityIndex:
    """The library's similarity index from its folder; an unusable one is discarded (empty)."""
    from search_index.similar import SimilarityIndexUnusable

    try:
        return similarity_index(library)
    except SimilarityIndexUnusable as exc:
        log.warning("similarity index discarded, to be refilled: %s", exc.message)
        shutil.rmtree(similarity_folder(library), ignore_errors=True)
        return similarity_index(library)


@dataclass(slots=True)
class Coverage:
    """What the policy registry says about a matter and about the precedents found for it."""

    #: Precedent code → title of the adopted policy that now covers it.
    covered: dict[str, str] = field(default_factory=dict)
    #: "此情形已有普惠政策：…" for each policy in force that covers the matter itself.
    notices: list[str] = field(default_factory=list)


def coverage(library: Library, record: PrecedentRecord) -> Coverage:
    # Imported here: the registry pulls in the drafting code, which start-up does not need.
    from precedents.patterns.models import PolicyCoverageRow, PolicyRow
    from precedents.patterns.registry import coverage_notice, covering_policies

    with library.session() as session:
        covered = {
            code: title
            for code, title in session.execute(
                select(PolicyCoverageRow.code, PolicyRow.title).join(
                    PolicyRow, PolicyRow.id == PolicyCoverageRow.policy_id
                )
            )
        }
        policies = covering_policies(session, record, vocabulary=library.vocabulary())
        return Coverage(covered, [coverage_notice(policy) for policy in policies])


class DeferredSimilarity:
    """The similarity index as a component of the search writer, read from its folder on first use.

    Reading it takes about half a second at 10,000 precedents (numpy arrays, the
    term table), and the list of search results does not need it: the search
    index opens without waiting for it. The first change the writer passes on,
    the first similar-precedents query or `LibraryIndexes.ensure_similar` reads it.
    """

    def __init__(self, library: Library) -> None:
        self._library = library
        self._index: SimilarityIndex | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> SimilarityIndex | None:
        """The index if it has been read, else None (never reads it)."""
        return self._index

    def index(self) -> SimilarityIndex:
        """The index, read from its folder now if that has not happened yet."""
        with self._lock:
            if self._index is None:
                self._index = open_similarity_index(self._library)
            return self._index

    def reset(self) -> None:
        self.index().reset()

    def upsert(self, records: Sequence[PrecedentRecord]) -> object:
        return self.index().upsert(records)

    def delete(self, codes: Sequence[str]) -> object:
        return self.index().delete(codes)

    def flush(self) -> None:
        self.index().flush()


class LibraryIndexes:
    """The search service and the similarity index of one library, opened together."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.service: SearchService | None = None
        self.similar_checked = False
        self._similar: DeferredSimilarity | None = None
        self._lock = threading.Lock()

    @property
    def has_similar(self) -> bool:
        """True once `open` has attached the similarity index (read from its folder or not yet)."""
        return self._similar is not None

    @property
    def similar_index(self) -> SimilarityIndex | None:
        """The similarity index once it has been read (`ensure_similar`), else None."""
        return self._similar.loaded if self._similar is not None else None

    def open(self, progress: Progress | None = None) -> SearchService:
        """Open the search index; rebuilds it if it is missing, damaged or outdated.

        Blocking: run it off the UI thread. The similarity index is read
        afterwards, and refilled if need be (`ensure_similar`).
        """
        similar = DeferredSimilarity(self.library)
        service = search_service(self.library, components=[similar])
        self._similar, self.service = similar, service
        service.open(progress)
        return service

    def ensure_similar(self, progress: Progress | None = None) -> None:
        """Read the similarity index; refill it unless it holds exactly the library's precedents.

        Its folder can be missing or older than the search index (deleted, or
        written by another version); a refill takes a few seconds at 10,000.
        """
        service, similar = self.service, self._similar
        if service is None or similar is None:
            return
        wanted = set(self.library.record_source().versions())
        if set(similar.index().codes()) != wanted:
            service.replay(similar, progress)
        self.similar_checked = True

    def sync(self) -> int:
        """Catch up with saves, deletions and imports (through the index writer)."""
        return self.service.sync() if self.service is not None else 0

    def catch_up(self, limit: int) -> tuple[int, bool]:
        """(records touched, more changes waiting) after applying at most `limit` changes."""
        if self.service is None:
            return 0, False
        step = self.service.catch_up(limit)
        return step.touched, step.more

    def rebuild(self, progress: Progress | None = None) -> None:
        """Rebuild from the database, with the synonyms and vocabulary as now stored."""
        with self._lock:
            old, similar = self.service, self._similar
            if old is None or similar is None:
                return
            self.library.vocabulary(reload=True)
            fresh = search_service(self.library, components=[similar])
            if fresh.fingerprint == old.fingerprint:
                fresh.close()
                old.rebuild(progress)
                return
            # Other synonyms or vocabulary: the old index cannot answer for them.
            old.close()
            self.service = fresh
            fresh.rebuild(progress)

    def apply_settings(self) -> None:
        """New similarity weights or 低保 lines take effect at the next query."""
        # An index not read yet reads the settings when it is.
        index = self.similar_index
        if index is not None:
            index.settings = similarity_settings(self.library)

    def similar(
        self,
        record: PrecedentRecord,
        limit: int = 10,
        exclude: Sequence[str] = (),
        covered: dict[str, str] | None = None,
    ) -> list[SimilarHit]:
        """The engine's most similar precedents to `record`, marked where a policy covers them."""
        if self._similar is None:
            return []
        lookup = covered.get if covered else None
        return self._similar.index().query(record, limit, exclude=exclude, covered=lookup)

    def close(self) -> None:
        if self.service is not None:
            self.service.close()
        self.service = None
