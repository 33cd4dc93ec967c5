"""Speed and memory of the similar-precedent index on synthetic libraries.

Usage::

    PYTHONPATH=. python bench/similar_bench.py --n 10000 100000 [--queries 200]

For each library size: generates realistic precedents (`synthetic_precedents`),
builds a `SimilarityIndex` (time, resident memory before and after, the index's
own array bytes), then times queries for new matters entered as a full form and
as a pasted paragraph (with reasons for the ten hits), and in the same run the
plain text-only more-like-this as the reference. Also times one incremental
change (upsert + flush), a full save, a load, and a journalled flush. Prints
p50/p95 in milliseconds and the ratio of the combined p95 to the reference p95.
"""

from __future__ import annotations

import argparse
import gc
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_precedents as synthetic

from precedents.record import PrecedentRecord
from search_index.similar import SimilarityIndex


def rss_mb() -> float:
    """Current resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timings(
    action: Callable[[PrecedentRecord], Any], cases: Sequence[PrecedentRecord]
) -> list[float]:
    out = []
    for case in cases:
        start = time.perf_counter()
        action(case)
        out.append((time.perf_counter() - start) * 1000)
    return out


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench(n: int, queries: int, seed: int) -> dict[str, float]:
    records = synthetic.generate(n, seed=seed)
    matters = synthetic.generate(queries, seed=seed + 1, decided=False, first=10 * n)
    pastes = [synthetic.pasted(m) for m in matters]
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    index = SimilarityIndex.build(records)
    build = time.perf_counter() - start
    gc.collect()
    out: dict[str, float] = {
        "n": n,
        "build_s": build,
        "rss_delta_mb": rss_mb() - before,
        "peak_mb": peak_mb(),
        "index_mb": index.nbytes() / 2**20,
    }
    index.query(matters[0], 10)  # warm caches (segmenter, taxonomy)
    results = {
        "form": timings(lambda r: index.query(r, 10), matters),
        "paste": timings(lambda r: index.query(r, 10), pastes),
        "mlt": timings(lambda r: index.query_text(r, 10), matters),
    }
    for name, values in results.items():
        out[f"{name}_p50"] = statistics.median(values)
        out[f"{name}_p95"] = percentile(values, 0.95)
    out["ratio_form"] = out["form_p95"] / out["mlt_p95"]
    out["ratio_paste"] = out["paste_p95"] / out["mlt_p95"]
    out.update(_maintenance(index, matters[0]))
    return out


def _maintenance(index: SimilarityIndex, matter: PrecedentRecord) -> dict[str, float]:
    """One incremental change in memory, a full save, a load and a journalled flush."""
    out: dict[str, float] = {}
    start = time.perf_counter()
    index.upsert([matter.copy(code="BENCH-NEW-1")])
    index.flush()
    out["upsert_flush_ms"] = (time.perf_counter() - start) * 1000
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        index.save(Path(folder))
        out["save_s"] = time.perf_counter() - start
        start = time.perf_counter()
        opened = SimilarityIndex.open(Path(folder))
        out["load_s"] = time.perf_counter() - start
        start = time.perf_counter()
        opened.upsert([matter.copy(code="BENCH-NEW-2")])
        opened.flush()
        out["journal_flush_ms"] = (time.perf_counter() - start) * 1000
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    machine = f"python {platform.python_version()} on {platform.machine()}"
    print(f"{machine}, {args.queries} queries per kind")
    for n in args.n:
        row = bench(n, args.queries, args.seed)
        print(
            f"n={n}: build {row['build_s']:.1f} s, index arrays {row['index_mb']:.0f} MB, "
            f"RSS +{row['rss_delta_mb']:.0f} MB (peak {row['peak_mb']:.0f} MB)"
        )
        for name, label in (
            ("form", "full record"),
            ("paste", "pasted paragraph"),
            ("mlt", "text-only MLT"),
        ):
            print(
                f"  {label:<17} p50 {row[f'{name}_p50']:6.1f} ms   p95 {row[f'{name}_p95']:6.1f} ms"
            )
        ratios = f"form {row['ratio_form']:.2f}, paste {row['ratio_paste']:.2f}"
        print(f"  ratio p95 combined/MLT: {ratios}")
        print(
            f"  upsert+flush {row['upsert_flush_ms']:.1f} ms, save {row['save_s']:.2f} s, "
            f"load {row['load_s']:.2f} s, journalled flush {row['journal_flush_ms']:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
