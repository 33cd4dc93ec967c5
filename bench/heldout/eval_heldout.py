"""Held-out quality of the similar-precedent search on the built-in demo precedents.

Usage::

    PYTHONPATH=. python bench/heldout/eval_heldout.py [--verbose] [--json]

``queries.jsonl`` beside this script holds matters written the way an officer
writes them (pasted paragraphs, and partial case files with a few structured
fields), in wording of their own, against the 32 demo precedents shipped in
``precedents/demo``. Relevance was judged by reading the demo precedents;
queries with no relevant precedent are matters the library has nothing on.
None of these queries was used to develop the method: they measure how it
generalises beyond the development set (``../shared/eval/dev``).

Printed: Recall@5 (denominator min(5, |relevant|)) and nDCG@10 over the queries
that have relevant precedents; the share of those whose top hit is a close
precedent and of the others whose top hit is not; and the calibrated scores of
relevant and of non-relevant hits among each query's top five, so that the
threshold can be judged against both.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import metrics
from precedents.demo import demo_path
from precedents.interchange.importer import parse_file
from precedents.record import PrecedentRecord
from precedents.validation import parse_record
from precedents.vocabulary import Vocabulary
from search_index.similar import CLOSE_THRESHOLD, SimilarHit, SimilarityIndex

QUERIES = Path(__file__).resolve().parent / "queries.jsonl"
#: Filing date of the held-out matters (a case file needs one; no query writes its own).
FILED_ON = "2026-11-01"
#: Empty values of the fields a partial case file leaves out (as the desktop fills them).
CASE_DEFAULTS: dict[str, Any] = {
    "district": "（未填）",
    "street": "",
    "filed_on": FILED_ON,
    "decided_on": None,
    "level": "村居",
    "hardships": [],
    "barriers": [],
    "household_size": None,
    "monthly_income": None,
    "measures": [],
    "deliberation": "",
    "decision": "",
    "persons": [],
    "tags": [],
}
#: How many of each query's hits enter the score distribution.
TOP = 5


@dataclass(frozen=True)
class Outcome:
    """One query's relevance labels and what the search returned."""

    query_id: str
    form: str
    relevant: frozenset[str]
    hits: list[SimilarHit]

    @property
    def ranked(self) -> list[str]:
        return [hit.code for hit in self.hits]


def read_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def demo_records() -> list[PrecedentRecord]:
    parsed = parse_file(demo_path(), Vocabulary.builtin())
    return [record for _, record in parsed.records]


def query_record(data: dict[str, Any]) -> PrecedentRecord:
    """The matter of a query: a pasted paragraph has no title, so it bypasses validation."""
    if not data.get("title"):
        return PrecedentRecord(
            code=data["code"],
            title="",
            district="",
            filed_on=dt.date.fromisoformat(FILED_ON),
            level="",
            situation=data["situation"],
        )
    data = {**CASE_DEFAULTS, **data}
    record, issues = parse_record(data, Vocabulary.builtin())
    if record is None:
        raise SystemExit(f"查询案例 {data.get('code')} 无法解析：{issues[0]}")
    # The form requires a district; a matter whose district is not given has none.
    return record if record.district != "（未填）" else dataclasses.replace(record, district="")


def recall_at(outcome: Outcome, k: int = 5) -> float:
    return metrics.recall_at(outcome.ranked, outcome.relevant, k)


def ndcg_at(outcome: Outcome, k: int = 10) -> float:
    return metrics.ndcg_at(outcome.ranked, outcome.relevant, k)


def run(queries: Sequence[dict[str, Any]] | None = None) -> list[Outcome]:
    """Every held-out query against an index of the demo precedents."""
    index = SimilarityIndex.build(demo_records())
    out = []
    for query in queries if queries is not None else read_queries():
        hits = index.query(query_record(query["case"]), limit=10)
        relevant = frozenset(query.get("relevant") or ())
        out.append(Outcome(query["id"], query.get("form", ""), relevant, hits))
    return out


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The figures the script prints, for a set of outcomes."""
    pattern = [o for o in outcomes if o.relevant]
    none = [o for o in outcomes if not o.relevant]
    relevant_scores = [h.score for o in pattern for h in o.hits[:TOP] if h.code in o.relevant]
    other_scores = [h.score for o in outcomes for h in o.hits[:TOP] if h.code not in o.relevant]
    return {
        "queries": len(pattern),
        "no_precedent": len(none),
        "recall@5": _mean([recall_at(o) for o in pattern]),
        "ndcg@10": _mean([ndcg_at(o) for o in pattern]),
        "pattern_top_close": _mean([float(bool(o.hits) and o.hits[0].close) for o in pattern]),
        "none_top_not_close": _mean([float(not o.hits or not o.hits[0].close) for o in none]),
        "relevant_scores": _distribution(relevant_scores),
        "non_relevant_scores": _distribution(other_scores),
        "none_top_scores": _distribution([o.hits[0].score for o in none if o.hits]),
    }


def _distribution(values: Sequence[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "min": ordered[0],
        "p25": ordered[len(ordered) // 4],
        "median": statistics.median(ordered),
        "max": ordered[-1],
        "share_close": sum(v >= CLOSE_THRESHOLD for v in ordered) / len(ordered),
    }


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def print_report(outcomes: Sequence[Outcome], *, verbose: bool = False) -> None:
    print(f"held-out queries on the demo precedents, threshold {CLOSE_THRESHOLD}")
    for form in ("all", "pasted", "partial"):
        chosen = [o for o in outcomes if form == "all" or o.form == form]
        s = summarise(chosen)
        print(
            f"{form:8} n={s['queries']:2}+{s['no_precedent']}  R@5 {s['recall@5']:.3f}  "
            f"nDCG@10 {s['ndcg@10']:.3f}  pattern top close {s['pattern_top_close']:.3f}  "
            f"no-precedent top not close {s['none_top_not_close']:.3f}"
        )
    s = summarise(outcomes)
    for name in ("relevant_scores", "non_relevant_scores", "none_top_scores"):
        d = s[name]
        cells = "  ".join(f"{k} {v:.3f}" if k != "n" else f"n {v}" for k, v in d.items())
        print(f"  {name:20} {cells}")
    if verbose:
        for o in outcomes:
            top = ", ".join(
                f"{h.code[5:]}{'*' if h.code in o.relevant else ''} {h.score:.2f}"
                for h in o.hits[:5]
            )
            print(f"  {o.query_id} R@5 {recall_at(o) if o.relevant else float('nan'):.2f}  {top}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="per-query lines")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    outcomes = run()
    if args.json:
        print(json.dumps(summarise(outcomes), ensure_ascii=False, indent=1))
    else:
        print_report(outcomes, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
