"""Loading the built-in demo precedents into an empty library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from precedents.demo import demo_path
from precedents.interchange.importer import import_file

if TYPE_CHECKING:
    from precedents.library import Library

DEMO_ACTOR = "演示数据"


def load_demo(library: Library) -> int:
    """Import the demo set if the library holds no precedents; returns how many were loaded.

    It is loaded only once per library: after an officer deletes the demo
    records they do not come back.
    """
    from precedents.store.precedents import count_records

    if library.meta("demo_loaded"):
        return 0
    with library.sessions.begin() as session:
        if count_records(session):
            return 0
        report = import_file(session, demo_path(), library.vocabulary(), actor=DEMO_ACTOR)
    library.set_meta("demo_loaded", "1")
    return report.created
