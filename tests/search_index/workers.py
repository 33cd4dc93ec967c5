"""Child processes for the index crash tests: ``python -m tests.search_index.workers``.

Each command opens the library as a desktop would and builds its indexes; it
stops for good in the middle of writing the search index (after the first
batch of records) and tells the test so on stdout, so that the test can kill
it at exactly that moment. Nothing here sleeps.
"""

from __future__ import annotations

import sys

from precedents.library import Library
from search_index.library import LibraryIndexes
from search_index.synonyms import builtin_groups


def say(*parts: object) -> None:
    print(*parts, flush=True)


def _hang_midway(done: int, total: int) -> None:
    """Progress of a build: after the first batch, report and wait for good."""
    if 0 < done < total:
        say("mid", done, total)
        sys.stdin.readline()


def _open(data_dir: str, db_url: str) -> Library:
    return Library.open(data_dir, db_url=db_url, actor="经办人", builtin_synonyms=builtin_groups)


def build_and_hang(data_dir: str, db_url: str) -> None:
    """The first start on this computer: stop in the middle of building the index."""
    indexes = LibraryIndexes(_open(data_dir, db_url))
    indexes.open(_hang_midway)
    say("finished")


def rebuild_and_hang(data_dir: str, db_url: str) -> None:
    """Open the existing index, then stop in the middle of rebuilding it."""
    indexes = LibraryIndexes(_open(data_dir, db_url))
    indexes.open()
    indexes.ensure_similar()
    say("opened")
    indexes.rebuild(_hang_midway)
    say("finished")


COMMANDS = {"build-and-hang": build_and_hang, "rebuild-and-hang": rebuild_and_hang}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
