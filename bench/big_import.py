"""Time and memory of importing a large JSON Lines file (the 50 MB case of issue 8).

Builds a file of the requested size from the dev corpus (or a built-in record
when ``../shared`` is absent), each record with its own code, and imports it
into a fresh SQLite library (or ``--db-url``) in a child process, so that the
peak resident memory measured is the import's own. A reference run on a file a
tenth of the size, in the same way, gives the ratio that says whether the
import scales linearly (1.0) or worse.

    PYTHONPATH=. /work/venv/bin/python bench/big_import.py [--mb 50] [--db-url URL]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def templates() -> list[dict[str, object]]:
    corpus = ROOT.parent / "shared" / "eval" / "dev" / "corpus.jsonl"
    if corpus.is_file():
        return [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line]
    from precedents.interchange.jsonl import record_to_dict
    from tests.precedents.conftest import make_record

    return [record_to_dict(make_record())]


def build(path: Path, megabytes: float) -> int:
    """Write about `megabytes` of records to `path`; returns how many."""
    limit = int(megabytes * 1_000_000)
    base = templates()
    written = count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        while written < limit:
            obj = dict(base[count % len(base)])
            obj["code"] = f"BENCH-{count:07d}"
            obj["title"] = f"{obj['title']}（第{count}例）"
            line = json.dumps(obj, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def child(source: str, data_dir: str, db_url: str | None) -> None:
    """Import `source` and print seconds, peak memory and counts as JSON."""
    from precedents.interchange.importer import import_file
    from precedents.library import Library

    library = Library.open(data_dir, db_url=db_url, actor="基准测试")
    vocab = library.vocabulary()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with library.sessions.begin() as session:
        report = import_file(session, Path(source), vocab, actor="基准测试")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    library.close()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": peak / 1024,
                "before_mb": before / 1024,
                "created": report.created,
            }
        )
    )


def run(source: Path, work: Path, db_url: str | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(source), str(work)]
    if db_url:
        command += ["--db-url", db_url]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def fresh_schema(db_url: str, name: str) -> str:
    """A URL whose search path is a new, empty schema `name` of the server at `db_url`."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    engine.dispose()
    url = make_url(db_url).update_query_dict({"options": f"-csearch_path={name}"})
    return url.render_as_string(hide_password=False)


def drop_schema(db_url: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument(
        "--db-url", help="a PostgreSQL server to import into (fresh schemas; default: SQLite)"
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.db_url)
        return
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        figures = {}
        for name, size in (("reference", args.mb / 10), ("large", args.mb)):
            source = folder / f"{name}.jsonl"
            count = build(source, size)
            megabytes = source.stat().st_size / 1_000_000
            schema = f"bench_import_{name}"
            url = fresh_schema(args.db_url, schema) if args.db_url else None
            try:
                result = run(source, folder / name, url)
            finally:
                if args.db_url:
                    drop_schema(args.db_url, schema)
            figures[name] = (megabytes, count, result)
            print(
                f"{name:9} {megabytes:6.1f} MB {count:7d} records: "
                f"{result['seconds']:6.1f} s, {count / result['seconds']:6.0f} records/s, "
                f"peak memory {result['peak_mb']:.0f} MB"
                f" (after opening: {result['before_mb']:.0f} MB)"
            )
        (ref_mb, _c, ref), (big_mb, _n, big) = figures["reference"], figures["large"]
        ratio = (big["seconds"] / big_mb) / (ref["seconds"] / ref_mb)
        print(f"time per MB, large / reference: {ratio:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
