"""How long a colleague's import holds up an officer's searches while the index catches up.

Usage::

    PYTHONPATH=. python bench/catch_up_bench.py --library DIR [--n 1000] [--step 50]

Copies the data folder DIR (made by ``bench/startup_bench.py --library DIR``)
so that the original is left as it was, opens its search index (the copy's
index is built once), then twice: another officer's session creates `--n`
synthetic precedents, and the search adapter catches up with the change feed,
running one search after each step. The reference, in the same process, is the
whole feed in one step (as before catching up in steps); the second round uses
steps of `--step` changes (`desktop.office.background.CATCH_UP_BATCH`). The
longest step is the longest a search typed meanwhile waits.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_precedents import generate  # noqa: E402

from desktop.search_adapter import Query, SearchAdapter  # noqa: E402
from precedents.library import Library  # noqa: E402
from precedents.store.precedents import create_record  # noqa: E402

#: Steps of the reference round: more than any import here, so the whole feed at once.
WHOLE_FEED = 10**9


def import_as_colleague(folder: Path, n: int, first: int) -> float:
    """Another officer's session creates `n` precedents; returns the seconds it took."""
    other = Library.open(folder, actor="李四")
    started = time.perf_counter()
    try:
        with other.sessions.begin() as session:
            for record in generate(n, seed=first, first=first):
                create_record(session, record, actor="李四")
    finally:
        other.close()
    return time.perf_counter() - started


def catch_up(adapter: SearchAdapter, step: int) -> dict[str, float]:
    """Catch up in steps of `step` changes, one search after each step."""
    steps: list[float] = []
    searches: list[float] = []
    taken = 0
    started = time.perf_counter()
    more = True
    while more:
        began = time.perf_counter()
        count, more = adapter.catch_up(step)
        steps.append(time.perf_counter() - began)
        taken += count
        began = time.perf_counter()
        adapter.search(Query("低保"))
        searches.append(time.perf_counter() - began)
    return {
        "taken": taken,
        "steps": len(steps),
        "whole_s": time.perf_counter() - started,
        "longest_s": max(steps),
        "median_s": statistics.median(steps),
        "search_ms": statistics.median(searches) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--step", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(args.library, folder)
        library = Library.open(folder, actor="bench")
        adapter = SearchAdapter(library)
        adapter.open()
        adapter.open_similar()
        try:
            rows = []
            for number, step in enumerate((WHOLE_FEED, args.step)):
                imported = import_as_colleague(folder, args.n, 900_000 + number * args.n)
                rows.append((step, imported, catch_up(adapter, step)))
        finally:
            adapter.close()
            library.close()
    reference = rows[0][2]["whole_s"]
    for step, imported, row in rows:
        label = "whole feed (reference)" if step == WHOLE_FEED else f"steps of {step}"
        print(
            f"{label:<22} {row['taken']:,.0f} precedents (imported in {imported:.1f} s): "
            f"{row['steps']:.0f} step(s), whole {row['whole_s']:.1f} s "
            f"(ratio {row['whole_s'] / reference:.2f}), longest step {row['longest_s']:.2f} s, "
            f"median step {row['median_s']:.2f} s, search between steps {row['search_ms']:.0f} ms"
        )


if __name__ == "__main__":
    main()
