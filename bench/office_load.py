"""Several officers on one database: throughput, latency, conflicts, and nothing lost.

Starts `--officers` processes against one database (a PostgreSQL server given
by ``--db-url``, or one SQLite file in ``--shared-dir``), each opening its own
library as a desktop would, and lets them work for `--seconds`: mostly reading
precedents (opening one, refreshing the list), sometimes editing one of a small
set of much-edited precedents (read, look at a few others, save over the
version read) and sometimes creating a new one. Every successful edit appends
its own marker to the precedent's text.

Afterwards it checks the database: every created precedent is there ("lost"
must be 0); every precedent's text holds the marker of every successful edit
exactly once and its version equals the number of edits ("silently
overwritten" must be 0); the change feed holds every version. It prints
throughput, p50/p95 latency per kind of operation and the conflicts detected.

    PYTHONPATH=. /work/venv/bin/python bench/office_load.py --db-url postgresql+psycopg://…
    PYTHONPATH=. /work/venv/bin/python bench/office_load.py --shared-dir /mnt/share/precedents
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOT = 12  # precedents every officer edits: where conflicts happen
SEED_RECORDS = 300


def _record(code: str) -> Any:
    from tests.precedents.conftest import make_record

    return make_record(code, situation=f"{code} 的基本情况。")


def seed(db_url: str, data_dir: Path) -> None:
    from precedents.library import Library
    from precedents.store.precedents import create_records

    library = Library.open(data_dir, db_url=db_url, actor="管理员")
    with library.sessions.begin() as session:
        create_records(
            session, [_record(f"LOAD-{n:04d}") for n in range(SEED_RECORDS)], actor="管理员"
        )
    library.close()


# -- one officer -----------------------------------------------------------------------


def officer(name: str, db_url: str, data_dir: str, seconds: float, seed_value: int) -> None:
    from precedents.errors import ConflictError, StorageError
    from precedents.library import Library
    from precedents.store.precedents import create_record, get_record, list_summaries, update_record

    rng = random.Random(seed_value)
    library = Library.open(data_dir, db_url=db_url, actor=name)
    latencies: dict[str, list[float]] = {"open": [], "list": [], "save": [], "create": []}
    saved: list[list[Any]] = []
    created: list[str] = []
    conflicts = busy = 0
    print("ready", flush=True)
    sys.stdin.readline()
    deadline = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < deadline:
        n += 1
        roll = rng.random()
        start = time.perf_counter()
        try:
            if roll < 0.55:
                with library.session() as session:
                    get_record(session, f"LOAD-{rng.randrange(SEED_RECORDS):04d}")
                kind = "open"
            elif roll < 0.75:
                with library.session() as session:
                    list_summaries(session)
                kind = "list"
            elif roll < 0.97:
                code = f"LOAD-{rng.randrange(HOT):04d}"
                with library.session() as session:
                    record = get_record(session, code)
                    for _ in range(3):  # the officer looks at other precedents meanwhile
                        get_record(session, f"LOAD-{rng.randrange(SEED_RECORDS):04d}")
                marker = f"[{name}:{n}]"
                edited = record.copy(situation=record.situation + marker)
                with library.sessions.begin() as session:
                    result, _ = update_record(
                        session, edited, actor=name, expected_version=record.meta.version
                    )
                saved.append([code, marker, result.meta.version])
                kind = "save"
            else:
                code = f"NEW-{name}-{n:06d}"
                with library.sessions.begin() as session:
                    create_record(session, _record(code), actor=name)
                created.append(code)
                kind = "create"
        except ConflictError:
            conflicts += 1
            continue
        except StorageError:
            busy += 1
            continue
        latencies[kind].append(time.perf_counter() - start)
    library.close()
    print(
        json.dumps(
            {
                "latencies": latencies,
                "saved": saved,
                "created": created,
                "conflicts": conflicts,
                "busy": busy,
            }
        ),
        flush=True,
    )


# -- the whole office ------------------------------------------------------------------


def run_office(db_url: str, work: Path, officers: int, seconds: float) -> list[dict[str, Any]]:
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--officer",
                f"officer{i}",
                db_url,
                str(work / f"desk{i}"),
                str(seconds),
                str(i),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for i in range(officers)
    ]
    for proc in procs:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit("an officer process failed to start")
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, _err = proc.communicate()
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def verify(db_url: str, data_dir: Path, results: list[dict[str, Any]]) -> dict[str, int]:
    """Lost creations, lost or doubled edits, versions and feed entries that disagree."""
    from sqlalchemy import select

    from precedents.library import Library
    from precedents.models import ChangeRow
    from precedents.store.precedents import find_record

    library = Library.open(data_dir, db_url=db_url, actor="复查")
    lost = overwritten = feed_gaps = 0
    saves: dict[str, list[str]] = {}
    for result in results:
        for code, marker, _version in result["saved"]:
            saves.setdefault(code, []).append(marker)
    with library.session() as session:
        for result in results:
            lost += sum(1 for code in result["created"] if find_record(session, code) is None)
        for n in range(HOT):
            code = f"LOAD-{n:04d}"
            record = find_record(session, code)
            assert record is not None
            markers = saves.get(code, [])
            text = record.situation
            overwritten += sum(1 for m in markers if text.count(m) != 1)
            if record.meta.version != 1 + len(markers):
                overwritten += abs(record.meta.version - 1 - len(markers))
            versions = session.scalars(
                select(ChangeRow.version).where(ChangeRow.code == code).order_by(ChangeRow.seq)
            ).all()
            feed_gaps += int(list(versions) != list(range(1, record.meta.version + 1)))
    library.close()
    return {"lost": lost, "overwritten": overwritten, "feed_gaps": feed_gaps}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(results: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    kinds = ["open", "list", "save", "create"]
    total = sum(len(r["latencies"][k]) for r in results for k in kinds)
    figures: dict[str, Any] = {
        "officers": len(results),
        "throughput": total / seconds,
        "operations": total,
        "conflicts": sum(r["conflicts"] for r in results),
        "busy": sum(r["busy"] for r in results),
    }
    for kind in kinds:
        values = [v for r in results for v in r["latencies"][kind]]
        figures[kind] = (len(values), percentile(values, 0.5), percentile(values, 0.95))
    return figures


def report(label: str, figures: dict[str, Any], seconds: float, check: dict[str, int]) -> None:
    print(f"{label}: {figures['officers']} officers, {seconds:.0f} s")
    print(f"  throughput {figures['throughput']:.1f} operations/s ({figures['operations']})")
    for kind in ("open", "list", "save", "create"):
        count, p50, p95 = figures[kind]
        print(f"  {kind:6} {count:6d} × p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms")
    print(f"  conflicts detected (save refused, officer told): {figures['conflicts']}")
    print(f"  busy (database locked, nothing saved, officer told): {figures['busy']}")
    print(
        f"  records lost: {check['lost']}   saves silently overwritten: {check['overwritten']}"
        f"   change-feed gaps: {check['feed_gaps']}"
    )


def office(
    args: argparse.Namespace, work: Path, name: str, officers: int, seconds: float
) -> dict[str, Any]:
    """One run on a fresh database; prints its figures and returns them."""
    if args.db_url:
        from bench.big_import import drop_schema, fresh_schema

        schema = f"bench_office_{name}"
        url = fresh_schema(args.db_url, schema)
        label = "PostgreSQL"
    else:
        shared = args.shared_dir or work / "shared"
        shared.mkdir(parents=True, exist_ok=True)
        database = shared / f"office_load_{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        url = "sqlite:///" + database.as_posix()
        label = f"SQLite file in {shared}"
    try:
        seed(url, work / f"admin-{name}")
        results = run_office(url, work / name, officers, seconds)
        check = verify(url, work / f"admin-{name}", results)
    finally:
        if args.db_url:
            drop_schema(args.db_url, schema)
    figures = summary(results, seconds)
    report(f"{label} ({name})", figures, seconds, check)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db-url", help="a PostgreSQL server (fresh schemas are used)")
    where.add_argument("--shared-dir", type=Path, help="folder for the SQLite files")
    parser.add_argument("--officers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--officer", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.officer:
        name, db_url, data_dir, seconds, seed_value = args.officer
        officer(name, db_url, data_dir, float(seconds), int(seed_value))
        return
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        # The reference: one officer alone, the same mix, a third of the time.
        alone = office(args, work, "reference", 1, args.seconds / 3)
        busy = office(args, work, "load", args.officers, args.seconds)
        ratio = busy["save"][2] / alone["save"][2]
        print(f"save p95, {args.officers} officers / 1 officer: {ratio:.2f}")


if __name__ == "__main__":
    main()
