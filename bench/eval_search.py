"""Search quality on a labelled evaluation set.

Usage::

    PYTHONPATH=. python bench/eval_search.py ../shared/eval/dev [--verbose] [--json FILE]

Imports the set's ``corpus.jsonl`` (only the corpus: the answer keys are read
here, never given to the engine) into a temporary index and runs every query of
kind ``search``. Reports Recall@5 with denominator min(5, |relevant|), the plain
Recall@5 (denominator |relevant|) for comparison with other sets, and nDCG@10
with binary gains, overall and for two slices found from the queries
themselves: queries typed in traditional characters, and queries naming a
district that occurs in the corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.metrics import ndcg_at, recall_at
from bench.records import read_corpus
from search_index.analysis import normalize
from search_index.service import SearchService
from search_index.source import MemorySource

TARGET_RECALL = 0.95
TARGET_NDCG = 0.92


@dataclass
class Scored:
    qid: str
    query: str
    recall5: float
    recall5_plain: float
    ndcg10: float
    ranked: list[str]
    relevant: list[str]


def district_names(corpus_districts: set[str]) -> set[str]:
    names = set(corpus_districts)
    names.update(d[:-1] for d in corpus_districts if d.endswith(("区", "县", "市")) and len(d) > 2)
    return names


def evaluate(dataset: Path) -> tuple[list[Scored], dict[str, set[str]], float]:
    records = read_corpus(dataset / "corpus.jsonl")
    lines = (dataset / "queries.jsonl").read_text("utf-8").splitlines()
    queries = [json.loads(line) for line in lines if line.strip()]
    queries = [q for q in queries if q.get("kind") == "search"]
    districts = district_names({r.district for r in records})
    slices: dict[str, set[str]] = {"traditional": set(), "district": set()}
    scored: list[Scored] = []
    with tempfile.TemporaryDirectory() as tmp:
        service = SearchService(Path(tmp) / "index", MemorySource(records))
        started = time.perf_counter()
        service.open()
        build = time.perf_counter() - started
        try:
            for q in queries:
                text = q["query"]
                result = service.search(text, limit=10, snippets=False)
                ranked = [h.code for h in result.hits]
                relevant = set(q["relevant"])
                scored.append(
                    Scored(
                        q["id"],
                        text,
                        recall_at(ranked, relevant, 5),
                        len(relevant & set(ranked[:5])) / len(relevant) if relevant else 1.0,
                        ndcg_at(ranked, relevant, 10),
                        ranked,
                        sorted(relevant),
                    )
                )
                if normalize(text) != text.lower():
                    slices["traditional"].add(q["id"])
                if any(word in districts for word in normalize(text).split()):
                    slices["district"].add(q["id"])
        finally:
            service.close()
    return scored, slices, build


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def report(scored: list[Scored], slices: dict[str, set[str]], build: float, verbose: bool) -> bool:
    if verbose:
        for s in scored:
            flag = "" if s.recall5 == 1 and s.ndcg10 >= 0.999 else "  <"
            print(f"{s.qid:4} R@5={s.recall5:.2f} nDCG={s.ndcg10:.2f} {s.query}{flag}")
            if flag:
                missing = [c for c in s.relevant if c not in s.ranked[:10]]
                wrong = [c for c in s.ranked[:5] if c not in s.relevant]
                print(f"       missing top10: {missing}  non-relevant in top5: {wrong}")
    print(f"queries: {len(scored)} (search); index built in {build:.1f} s")
    rows = [("all", scored)]
    for name, ids in slices.items():
        rows.append((name, [s for s in scored if s.qid in ids]))
    print(f"{'slice':12} {'n':>3} {'Recall@5':>9} {'R@5 plain':>10} {'nDCG@10':>8}")
    for name, items in rows:
        recall = _mean([s.recall5 for s in items])
        plain = _mean([s.recall5_plain for s in items])
        ndcg = _mean([s.ndcg10 for s in items])
        print(f"{name:12} {len(items):3d} {recall:9.3f} {plain:10.3f} {ndcg:8.3f}")
    recall = _mean([s.recall5 for s in scored])
    ndcg = _mean([s.ndcg10 for s in scored])
    ok = recall >= TARGET_RECALL and ndcg >= TARGET_NDCG
    print(
        f"targets: Recall@5 >= {TARGET_RECALL} and nDCG@10 >= {TARGET_NDCG}: "
        + ("met" if ok else "NOT met")
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="folder with corpus.jsonl and queries.jsonl")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-query lines")
    parser.add_argument("--json", type=Path, help="write per-query results to this file")
    args = parser.parse_args(argv)
    scored, slices, build = evaluate(args.dataset)
    ok = report(scored, slices, build, args.verbose)
    if args.json:
        args.json.write_text(
            json.dumps([s.__dict__ for s in scored], ensure_ascii=False, indent=1), "utf-8"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
