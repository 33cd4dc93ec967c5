"""Held-out quality of the full-text search on the built-in demo precedents.

Usage::

    PYTHONPATH=. python bench/heldout/eval_search_heldout.py [--verbose] [--json] [--later]

``search_queries.jsonl`` beside this script holds what officers type into the
search box during a case meeting, written for this check in wording of their
own against the 32 demo precedents shipped in ``precedents/demo``: parts of a
longer term (戈谢, 征地养老), colloquial words and synonyms (五保老人, 家暴,
中风偏瘫, 外地户口), traditional and full-width characters, field filters typed
in Chinese (区:集美, 措施:临时救助, 年份:2023, 层级:市, 状态:已决定), quoted
phrases, exclusions with ``-``, and matters the library has nothing on.
Relevance was judged by reading the demo precedents before anything was
measured. None of these queries was used to develop the search: they measure
how it generalises beyond the development set (``../shared/eval/dev``).

Printed, per form of query and overall: Recall@5 (denominator
min(5, |relevant|)), nDCG@10 and MRR over the queries that have relevant
precedents, the zero-result rate among those (an officer sees "nothing found"
although the library holds the answer), and the share of the nothing-on-file
queries that correctly return no precedent at all.

``--later`` runs ``search_queries_later.jsonl`` instead: a second batch written,
labelled and measured once after the search had been improved on the first, so
that the first batch's gain can be told from what carries over to new queries.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import metrics
from bench.records import read_corpus
from precedents.demo import demo_path
from search_index.service import SearchService
from search_index.source import MemorySource

QUERIES = Path(__file__).resolve().parent / "search_queries.jsonl"
LATER_QUERIES = QUERIES.with_name("search_queries_later.jsonl")
FORMS = ("partial", "colloquial", "traditional", "fullwidth", "filter", "phrase", "exclude")


@dataclass(frozen=True)
class Outcome:
    """One query's relevance labels and what the search returned."""

    query_id: str
    form: str
    query: str
    relevant: frozenset[str]
    ranked: list[str]
    total: int


def read_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def recall_at(outcome: Outcome, k: int = 5) -> float:
    return metrics.recall_at(outcome.ranked, outcome.relevant, k)


def ndcg_at(outcome: Outcome, k: int = 10) -> float:
    return metrics.ndcg_at(outcome.ranked, outcome.relevant, k)


def reciprocal_rank(outcome: Outcome) -> float:
    for i, code in enumerate(outcome.ranked):
        if code in outcome.relevant:
            return 1.0 / (i + 1)
    return 0.0


def run(queries: Sequence[dict[str, Any]] | None = None) -> list[Outcome]:
    """Every held-out query against a fresh index of the demo precedents."""
    records = read_corpus(demo_path())
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        service = SearchService(Path(tmp) / "index", MemorySource(records))
        service.open()
        try:
            for query in queries if queries is not None else read_queries():
                result = service.search(query["query"], limit=10, snippets=False)
                out.append(
                    Outcome(
                        query["id"],
                        query.get("form", ""),
                        query["query"],
                        frozenset(query.get("relevant") or ()),
                        [hit.code for hit in result.hits],
                        result.total,
                    )
                )
        finally:
            service.close()
    return out


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The figures the script prints, for a set of outcomes."""
    found = [o for o in outcomes if o.relevant]
    none = [o for o in outcomes if not o.relevant]
    return {
        "queries": len(found),
        "no_precedent": len(none),
        "recall@5": _mean([recall_at(o) for o in found]),
        "ndcg@10": _mean([ndcg_at(o) for o in found]),
        "mrr": _mean([reciprocal_rank(o) for o in found]),
        "zero_result_rate": _mean([float(o.total == 0) for o in found]),
        "none_empty": _mean([float(o.total == 0) for o in none]),
    }


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def print_report(outcomes: Sequence[Outcome], *, verbose: bool = False) -> None:
    print(f"held-out search queries on the demo precedents: {len(outcomes)}")
    for form in ("all", *FORMS):
        chosen = [o for o in outcomes if form == "all" or o.form == form]
        s = summarise(chosen)
        if not s["queries"]:
            continue
        print(
            f"{form:11} n={s['queries']:2}  R@5 {s['recall@5']:.3f}  nDCG@10 {s['ndcg@10']:.3f}  "
            f"MRR {s['mrr']:.3f}  zero-result {s['zero_result_rate']:.3f}"
        )
    s = summarise(outcomes)
    print(f"nothing on file n={s['no_precedent']}  returned no precedent {s['none_empty']:.3f}")
    if verbose:
        for o in outcomes:
            top = ", ".join(f"{c[5:]}{'*' if c in o.relevant else ''}" for c in o.ranked[:5])
            score = f"R@5 {recall_at(o):.2f}" if o.relevant else "none   "
            missing = sorted(c[5:] for c in o.relevant - set(o.ranked[:10]))
            lost = f"  missing {', '.join(missing)}" if missing else ""
            print(f"  {o.query_id} {score} total {o.total:2}  {o.query}  → {top}{lost}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="per-query lines")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--later", action="store_true", help="the second batch of queries")
    args = parser.parse_args(argv)
    outcomes = run(read_queries(LATER_QUERIES) if args.later else None)
    if args.json:
        print(json.dumps(summarise(outcomes), ensure_ascii=False, indent=1))
    else:
        print_report(outcomes, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
