"""Time to count the statistics (`compute_figures`) over a large library.

Usage::

    PYTHONPATH=. python bench/stats_bench.py [--n 10000] [--runs 5] [--library DIR]

Builds a data folder with `--n` synthetic precedents (`synthetic_precedents`),
or reuses `--library`, then times `compute_figures` for every matter, for one
year, and for one year of one district, the median of `--runs` runs each. The
reference, in the same process, is reading the same precedent columns with
one plain query and nothing else; figures are printed with their ratio to it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def build(data_dir: Path, n: int) -> None:
    from synthetic_precedents import generate

    from precedents.library import Library
    from precedents.record import RecordMeta, Status
    from precedents.store.precedents import create_record

    library = Library.open(data_dir, actor="bench")
    # Decided matters are what the statistics count most of (solved, measures, days).
    records = [
        r.copy(meta=RecordMeta(status=Status.DECIDED)) if r.decided_on else r for r in generate(n)
    ]
    for start in range(0, n, 1000):
        with library.sessions.begin() as session:
            for record in records[start : start + 1000]:
                create_record(session, record, actor="bench")
    library.close()


def timed(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--library", type=Path, help="reuse this data folder (made if absent)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.library or Path(tmp) / "data"
        if not folder.exists():
            started = time.perf_counter()
            build(folder, args.n)
            print(f"built {args.n} precedents in {time.perf_counter() - started:.1f} s")
        run(folder, args.runs)


def run(folder: Path, runs: int) -> None:
    from sqlalchemy import select

    from precedents.library import Library
    from precedents.models import PrecedentRow
    from precedents.stats import Period, compute_figures
    from precedents.stats_scope import read_scope

    library = Library.open(folder, actor="bench")
    with library.session() as session:
        scope = read_scope(session)
        first, last = scope.first or dt.date.today(), scope.last or dt.date.today()
        year = (first.year + last.year) // 2
        district = scope.districts[0] if scope.districts else None
        columns = select(
            PrecedentRow.id, PrecedentRow.district, PrecedentRow.filed_on, PrecedentRow.decided_on
        )
        reference = timed(lambda: session.execute(columns).all(), runs)
        cases = {
            "every matter": Period(),
            f"{year}": Period.year(year),
            f"{year} {district}": Period.year(year, district),
        }
        print(f"reference (read the precedent columns): {reference * 1000:.1f} ms")
        for name, period in cases.items():
            figures = compute_figures(session, period)
            took = timed(partial(compute_figures, session, period), runs)
            print(
                f"{name}: {took * 1000:.1f} ms ({took / reference:.1f}× reference), "
                f"{figures.total} new, {figures.solved} solved"
            )
    library.close()


if __name__ == "__main__":
    main()
