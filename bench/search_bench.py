"""Search speed benchmark: the Whoosh-based engine next to SQLite FTS5 on the same data.

Usage::

    PYTHONPATH=. python bench/search_bench.py --n 1000 10000 100000 [--repeat 5] [--markdown FILE]

For every size a fresh process generates realistic precedents (`bench.synthetic`),
builds the index through `SearchService` (build rate, index size, peak resident
memory sampled during the build), measures one-record update-to-searchable
latency (save, `sync`, the new word is found), and runs five kinds of queries:
one term, two terms, a quoted phrase, filtered, faceted. Every query runs
`--repeat` times; the first run of each query is cold (nothing cached), and all
runs count in p50/p95. The same queries run on an SQLite FTS5 trigram index of
the same records in the same process, and the table shows the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

QUERIES: dict[str, list[str]] = {
    "one term": [
        "低保",
        "尿毒症",
        "戈谢病",
        "救助",
        "白血病",
        "精神分裂症",
        "征地养老",
        "戈谢",
        "自闭",
        "車禍",
    ],
    "two terms": [
        "尿毒症 透析",
        "低保 临时救助",
        "单亲 失业",
        "车祸 残疾",
        "白血病 患儿",
        "渔船 台风",
        "养老金 超标",
        "独居 老人",
    ],
    "phrase": [
        '"临时救助"',
        '"被征地农民养老金"',
        '"家庭人均收入"',
        '"一事一议"',
        '"重度残疾人"',
        '"医保目录外"',
    ],
    "filtered": [
        "区:集美 低保",
        "措施:临时救助 年份:2023",
        "区:思明 困难:重病 尿毒症",
        "层级:市 状态:已决定",
        "障碍:收入超标 白血病",
        "湖里 单亲",
    ],
    "faceted": ["救助", "家庭 困难", "医疗救助", "重病", "孤独症", "措施:低保"],
}
TARGETS = {10_000: 50.0, 100_000: 250.0}


def _rss_of(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


def rss_mb() -> float:
    """Resident memory of this process and its worker processes."""
    me = os.getpid()
    return _rss_of(me) + sum(_rss_of(child) for child in _children(me))


class PeakSampler:
    """Samples resident memory (with worker processes) every 50 ms on a background thread."""

    def __init__(self) -> None:
        self.peak = rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, rss_mb())

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# -- SQLite FTS5 reference -------------------------------------------------------


def build_fts(records: list[Any], path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='trigram')")
    db.execute(
        "CREATE TABLE meta (id INTEGER PRIMARY KEY, code TEXT, district TEXT, year TEXT,"
        " status TEXT, level TEXT, hardships TEXT, barriers TEXT, measures TEXT)"
    )
    for i, r in enumerate(records, start=1):
        db.execute(
            "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", (i, r.title, r.narrative)
        )
        db.execute(
            "INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                i,
                r.code,
                r.district,
                str(r.filed_on.year),
                r.meta.status.value,
                r.level,
                "|".join(r.hardships),
                "|".join(r.barriers),
                "|".join(m.type for m in r.measures),
            ),
        )
    db.execute("CREATE INDEX meta_district ON meta(district)")
    db.commit()
    return db


_FTS_FILTERS = {"区": "district", "年份": "year", "状态": "status", "层级": "level"}
_FTS_LISTS = {"措施": "measures", "困难": "hardships", "障碍": "barriers"}
_DISTRICT_WORDS = {"集美": "集美区", "湖里": "湖里区", "思明": "思明区"}


def fts_query(db: sqlite3.Connection, query: str, facets: bool) -> int:
    """Count, top 20 by bm25 with snippets, and (faceted) counts per district, year, status."""
    from search_index.analysis import normalize

    matches: list[str] = []
    likes: list[str] = []
    where: list[str] = []
    params: list[str] = []
    for chunk in normalize(query).replace('"', " ").split():
        if ":" in chunk:
            name, value = chunk.split(":", 1)
            if name in _FTS_FILTERS:
                where.append(f"meta.{_FTS_FILTERS[name]} LIKE ?")
                params.append(f"%{value}%")
            elif name in _FTS_LISTS:
                where.append(f"meta.{_FTS_LISTS[name]} LIKE ?")
                params.append(f"%{value}%")
        elif chunk in _DISTRICT_WORDS:
            where.append("meta.district = ?")
            params.append(_DISTRICT_WORDS[chunk])
        elif len(chunk) >= 3:
            matches.append(f'"{chunk}"')
        else:
            # The trigram tokenizer cannot answer two-character terms: scan.
            likes.append(chunk)
    conds = list(where)
    args: list[str] = list(params)
    if matches:
        conds.insert(0, "fts MATCH ?")
        args.insert(0, " AND ".join(matches))
    for like in likes:
        conds.append("(fts.title LIKE ? OR fts.body LIKE ?)")
        args.extend([f"%{like}%", f"%{like}%"])
    sql_where = " AND ".join(conds) or "1"
    base = f"FROM fts JOIN meta ON meta.id = fts.rowid WHERE {sql_where}"
    total = db.execute(f"SELECT count(*) {base}", args).fetchone()[0]
    order = "bm25(fts)" if matches else "meta.id DESC"
    snippet = "snippet(fts, 1, '【', '】', '…', 20)"
    db.execute(
        f"SELECT meta.code, fts.title, {snippet} {base} ORDER BY {order} LIMIT 20", args
    ).fetchall()
    if facets:
        for column in ("district", "year", "status", "level", "measures"):
            db.execute(
                f"SELECT meta.{column}, count(*) {base} GROUP BY meta.{column}", args
            ).fetchall()
    return int(total)


# -- one size, in its own process ----------------------------------------------


def run_size(n: int, repeat: int) -> dict[str, Any]:
    from bench.synthetic import generate
    from search_index.service import SearchService
    from search_index.source import MemorySource

    out: dict[str, Any] = {"n": n}
    started = time.perf_counter()
    records = generate(n)
    source = MemorySource(records)
    out["generate_s"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "index"
        service = SearchService(folder, source)
        base = rss_mb()
        with PeakSampler() as sampler:
            started = time.perf_counter()
            service.open()
            out["build_s"] = time.perf_counter() - started
        out["rss_before_mb"] = base
        out["peak_rss_mb"] = sampler.peak
        out["build_rate"] = n / out["build_s"]
        out["index_mb"] = folder_mb(folder)
        out["kinds"] = _query_kinds(service, repeat)
        out["update_ms"] = _updates(service, source, records)
        fts_path = Path(tmp) / "fts.sqlite3"
        started = time.perf_counter()
        db = build_fts(records, fts_path)
        out["fts_build_s"] = time.perf_counter() - started
        out["fts_mb"] = fts_path.stat().st_size / 1e6
        out["fts_kinds"] = _fts_kinds(db, repeat)
        db.close()
        service.close()
    return out


def _updates(service: Any, source: Any, records: list[Any], count: int = 20) -> list[float]:
    times = []
    step = max(1, len(records) // count)
    for i in range(count):
        record = records[(i * step) % len(records)].copy()
        marker = f"更新核对标记{i:03d}"
        record.situation = record.situation + marker
        started = time.perf_counter()
        source.save(record)
        service.sync()
        found = service.search(f'"{marker}"', limit=1, snippets=False).total
        times.append((time.perf_counter() - started) * 1000)
        assert found == 1, (marker, found)
    return times


def _query_kinds(service: Any, repeat: int) -> dict[str, dict[str, Any]]:
    out = {}
    for kind, queries in QUERIES.items():
        times: list[float] = []
        cold: list[float] = []
        totals = []
        for _ in range(repeat):
            for query in queries:
                started = time.perf_counter()
                result = service.search(query, limit=20)
                elapsed = (time.perf_counter() - started) * 1000
                times.append(elapsed)
                if len(cold) < len(queries):
                    cold.append(elapsed)
                    totals.append(result.total)
        out[kind] = {"times": times, "cold_max": max(cold), "totals": totals}
    return out


def _fts_kinds(db: sqlite3.Connection, repeat: int) -> dict[str, dict[str, Any]]:
    out = {}
    for kind, queries in QUERIES.items():
        times: list[float] = []
        totals = []
        for r in range(repeat):
            for query in queries:
                started = time.perf_counter()
                total = fts_query(db, query, facets=True)
                times.append((time.perf_counter() - started) * 1000)
                if r == 0:
                    totals.append(total)
        out[kind] = {"times": times, "totals": totals}
    return out


# -- report ----------------------------------------------------------------------


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M')}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}.",
        "",
        "| records | build | rate | peak RSS (before build) | index | FTS5 build / size "
        "| update → searchable p50 / p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        upd = r["update_ms"]
        lines.append(
            f"| {r['n']:,} | {r['build_s']:.1f} s | {r['build_rate']:.0f}/s | "
            f"{r['peak_rss_mb']:.0f} MB ({r['rss_before_mb']:.0f} MB) | {r['index_mb']:.0f} MB | "
            f"{r['fts_build_s']:.1f} s / {r['fts_mb']:.0f} MB | "
            f"{statistics.median(upd):.0f} / {percentile(upd, 0.95):.0f} ms |"
        )
    lines += [
        "",
        "| records | query kind | p50 | p95 | cold max | FTS5 p50 | FTS5 p95 "
        "| p95 ratio (ours / FTS5) | target p95 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        target = TARGETS.get(r["n"])
        for kind, data in r["kinds"].items():
            t = data["times"]
            f = r["fts_kinds"][kind]["times"]
            p95 = percentile(t, 0.95)
            verdict = (
                ""
                if target is None
                else (f"{target:.0f} ms " + ("met" if p95 <= target else "MISSED"))
            )
            fts95 = percentile(f, 0.95)
            lines.append(
                f"| {r['n']:,} | {kind} | {statistics.median(t):.1f} ms | {p95:.1f} ms | "
                f"{data['cold_max']:.1f} ms | {statistics.median(f):.1f} ms | "
                f"{fts95:.1f} ms | {p95 / max(fts95, 1e-3):.2f} | {verdict} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Search speed benchmark")
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--markdown", type=Path, help="also write the tables to this file")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(run_size(args.worker, args.repeat)))
        return 0
    results = []
    for n in args.n:
        cmd = [sys.executable, __file__, "--worker", str(n), "--repeat", str(args.repeat)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=os.environ)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{n:,} records done", file=sys.stderr)
    text = report(results)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
