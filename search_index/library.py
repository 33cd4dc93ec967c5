"""The search and similarity indexes of an open precedent library (command line and desktop).

The indexes live in the library's per-database index folder: ``search`` for the
search engine and ``similar`` for the similarity engine beside it; the synonym
groups and the vocabulary are the library's own, as edited in the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from precedents.library import Library
from precedents.store.vocabulary import load_synonyms
from search_index.service import SearchService
from search_index.writer import IndexComponent

if TYPE_CHECKING:
    from search_index.similar import SimilarityIndex, SimilaritySettings

FOLDER_NAME = "search"
SIMILAR_FOLDER_NAME = "similar"


def search_service(library: Library, components: Iterable[IndexComponent] = ()) -> SearchService:
    """A search service over `library` (not opened yet: call `open`, off the UI thread)."""
    with library.session() as session:
        groups = load_synonyms(session)
    return SearchService(
        library.index_dir / FOLDER_NAME,
        library.record_source(),
        synonyms=groups,
        vocabulary=library.vocabulary(),
        components=components,
    )


def similarity_folder(library: Library) -> Path:
    return library.index_dir / SIMILAR_FOLDER_NAME


def similarity_index(
    library: Library, settings: SimilaritySettings | None = None
) -> SimilarityIndex:
    """The similarity index saved beside the search index (empty if none was saved).

    Raises `SimilarityIndexUnusable` when the folder holds one that cannot be
    trusted (damaged, or built under other rules); the caller starts afresh.
    """
    from search_index.similar import SimilarityIndex

    with library.session() as session:
        groups = load_synonyms(session)
    return SimilarityIndex.open(
        similarity_folder(library),
        vocabulary=library.vocabulary(),
        settings=settings,
        extra_synonym_groups=groups,
    )
