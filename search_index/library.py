"""The search service of an open precedent library (for the command line and the desktop).

The index lives in the library's per-database index folder (``search``
beside the similarity engine's data); the synonym groups and the vocabulary
are the library's own, as edited in the database.
"""

from __future__ import annotations

from collections.abc import Iterable

from precedents.library import Library
from precedents.store.vocabulary import load_synonyms
from search_index.service import SearchService
from search_index.writer import IndexComponent

FOLDER_NAME = "search"


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
