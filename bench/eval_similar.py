"""Quality of the similar-precedent search on a labelled dataset.

Usage::

    PYTHONPATH=. python bench/eval_similar.py DATASET_DIR [--json]

Reads ``corpus.jsonl`` (the precedents) and ``queries.jsonl`` (only the
``similar`` queries) of the dataset, builds a `SimilarityIndex` over the corpus
and reports, for the combined method and for the text-only more-like-this
reference in the same run:

* Recall@5 (denominator min(5, |rel|)) and nDCG@10 over the queries that have
  relevant precedents;
* the share of those queries whose top score is at or above the close threshold,
  and the share of no-precedent queries whose top score is below it;
* the ROC-AUC of the top-1 score separating the two kinds of query, and how many
  no-precedent queries score below the lowest positive top-1.

Each query is run twice: as given (a filled-in form) and as a pasted paragraph
(title and situation only, every structured field empty), to show what the
inference from text recovers. The text-only reference runs on the form.

Figures are given for all queries and for two halves (odd and even query
numbers): the method was developed on the odd half and checked on the even
half, which guards against tuning to particular queries. The threshold study
at the end shows where the rule of `docs/similarity.md` puts the threshold on
each half and on all queries, and how the threshold of one half fares on the
other. The answer keys are read here only to score; nothing of them reaches
the index.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import metrics
from precedents.interchange.importer import parse_file
from precedents.record import PrecedentRecord
from precedents.validation import parse_record
from precedents.vocabulary import Vocabulary
from search_index.similar import CLOSE_THRESHOLD, SimilarityIndex
from search_index.similar.scoring import RAW_AT_THRESHOLD

HALVES = ("all", "odd", "even")


@dataclass(frozen=True)
class Outcome:
    """The ranking and the top-1 score one method gave one query."""

    query_id: str
    relevant: frozenset[str]
    ranked: list[str]
    top_score: float
    #: Top-1 combined score before calibration (the threshold study works on it).
    top_raw: float = 0.0


def recall_at(outcome: Outcome, k: int = 5) -> float:
    return metrics.recall_at(outcome.ranked, outcome.relevant, k)


def ndcg_at(outcome: Outcome, k: int = 10) -> float:
    return metrics.ndcg_at(outcome.ranked, outcome.relevant, k)


def roc_auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Probability that a positive query's top score beats a negative one's (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def summarise(outcomes: Sequence[Outcome], threshold: float | None) -> dict[str, Any]:
    positive = [o for o in outcomes if o.relevant]
    negative = [o for o in outcomes if not o.relevant]
    pos_top = [o.top_score for o in positive]
    neg_top = [o.top_score for o in negative]
    lowest = min(pos_top) if pos_top else float("nan")
    out: dict[str, Any] = {
        "queries": len(positive),
        "no_precedent_queries": len(negative),
        "recall@5": _mean([recall_at(o) for o in positive]),
        "ndcg@10": _mean([ndcg_at(o) for o in positive]),
        "auc_top1": roc_auc(pos_top, neg_top),
        "n_below_lowest_positive": sum(s < lowest for s in neg_top),
    }
    if threshold is not None:
        out["share_similar_above"] = _mean([float(s >= threshold) for s in pos_top])
        out["share_none_below"] = _mean([float(s < threshold) for s in neg_top])
    return out


def read_corpus(path: Path) -> list[PrecedentRecord]:
    """The corpus through the product's importer; any rejected line stops the run."""
    parsed = parse_file(path, Vocabulary.builtin())
    if parsed.rejected:
        first = parsed.rejected[0]
        raise SystemExit(f"{path}: 第 {first.line} 行无法导入：{first.issues[0]}")
    return [record for _, record in parsed.records]


def read_case(data: dict[str, Any]) -> PrecedentRecord:
    record, issues = parse_record(data, Vocabulary.builtin())
    if record is None:
        raise SystemExit(f"查询案例 {data.get('code')} 无法解析：{issues[0]}")
    return record


def run(dataset: Path) -> dict[str, Any]:
    records = read_corpus(dataset / "corpus.jsonl")
    index = SimilarityIndex.build(records)
    queries = [json.loads(line) for line in (dataset / "queries.jsonl").open(encoding="utf-8")]
    queries = [q for q in queries if q.get("kind") == "similar"]

    def combined(case: Any) -> tuple[list[str], float, float]:
        hits = index.query(case, limit=10)
        return [h.code for h in hits], hits[0].score if hits else 0.0, hits[0].raw if hits else 0.0

    def text_only(case: Any) -> tuple[list[str], float, float]:
        hits = index.query_text(case, limit=10)
        top = hits[0][1] if hits else 0.0
        return [code for code, _ in hits], top, top

    report: dict[str, Any] = {
        "dataset": str(dataset),
        "records": len(records),
        "threshold": CLOSE_THRESHOLD,
        "raw_threshold": RAW_AT_THRESHOLD,
    }
    outcomes = {
        "form": _outcomes(queries, combined, pasted=False),
        "paste": _outcomes(queries, combined, pasted=True),
        "text_only": _outcomes(queries, text_only, pasted=False),
    }
    for name, found in outcomes.items():
        threshold = None if name == "text_only" else CLOSE_THRESHOLD
        report[name] = {
            half: summarise([o for o in found if _in_half(o.query_id, half)], threshold)
            for half in HALVES
        }
        report[name]["top1"] = {o.query_id: round(o.top_score, 3) for o in found}
    report["threshold_study"] = threshold_study([outcomes["form"], outcomes["paste"]])
    return report


def best_threshold(modes: Sequence[Sequence[Outcome]]) -> float:
    """The raw threshold that best separates the two kinds of query, over all entry modes.

    Every midpoint between two observed top-1 scores is a candidate; the
    objective is the mean over modes of (share of pattern queries at or above
    + share of no-precedent queries below), the Youden index; among equally
    good candidates the middle one of the best run is taken, which keeps the
    largest margin on both sides.
    """
    values = sorted({o.top_raw for found in modes for o in found})
    candidates = [(a + b) / 2 for a, b in itertools.pairwise(values)]
    if not candidates:
        return RAW_AT_THRESHOLD

    def objective(t: float) -> float:
        total = 0.0
        for found in modes:
            pos = [o.top_raw for o in found if o.relevant]
            neg = [o.top_raw for o in found if not o.relevant]
            total += _mean([float(s >= t) for s in pos]) + _mean([float(s < t) for s in neg])
        return total / len(modes)

    scores = [objective(t) for t in candidates]
    best = max(scores)
    run_of_best = [t for t, v in zip(candidates, scores, strict=True) if v == best]
    return (run_of_best[0] + run_of_best[-1]) / 2


def threshold_study(modes: Sequence[Sequence[Outcome]]) -> dict[str, Any]:
    """Where the threshold rule lands per half, and how one half's threshold fares on the other."""
    out: dict[str, Any] = {}
    for half in HALVES:
        picked = [[o for o in found if _in_half(o.query_id, half)] for found in modes]
        out[f"raw_threshold_{half}"] = round(best_threshold(picked), 3)
    for source, target in (("odd", "even"), ("even", "odd")):
        t = out[f"raw_threshold_{source}"]
        checked = [[o for o in found if _in_half(o.query_id, target)] for found in modes]
        for mode, found in zip(("form", "paste"), checked, strict=True):
            pos = [o.top_raw for o in found if o.relevant]
            neg = [o.top_raw for o in found if not o.relevant]
            out[f"{source}->{target} {mode}"] = (
                f"{sum(s >= t for s in pos)}/{len(pos)} pattern above, "
                f"{sum(s < t for s in neg)}/{len(neg)} no-precedent below"
            )
    return out


def _outcomes(
    queries: Sequence[dict[str, Any]],
    method: Callable[[Any], tuple[list[str], float, float]],
    *,
    pasted: bool,
) -> list[Outcome]:
    out = []
    for query in queries:
        case = read_case(query["case"])
        ranked, top, raw = method(_pasted(case) if pasted else case)
        out.append(Outcome(query["id"], frozenset(query.get("relevant") or ()), ranked, top, raw))
    return out


def _pasted(case: PrecedentRecord) -> PrecedentRecord:
    """The matter as an officer would paste it: one paragraph, no structured fields."""
    return PrecedentRecord(
        code=case.code,
        title="",
        district="",
        filed_on=case.filed_on,
        level="",
        situation=f"{case.title}。{case.situation}",
    )


def _in_half(query_id: str, half: str) -> bool:
    if half == "all":
        return True
    number = int(re.sub(r"\D", "", query_id) or 0)
    return (number % 2 == 1) == (half == "odd")


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def print_report(report: dict[str, Any]) -> None:
    print(
        f"dataset {report['dataset']}: {report['records']} precedents, "
        f"threshold {report['threshold']} (raw {report['raw_threshold']})"
    )
    columns = [
        "queries", "recall@5", "ndcg@10", "share_similar_above", "share_none_below",
        "auc_top1", "n_below_lowest_positive",
    ]  # fmt: skip
    print(f"{'method':<10} {'half':<5} " + " ".join(f"{c:>23}" for c in columns))
    for method in ("form", "paste", "text_only"):
        for half in HALVES:
            row = report[method][half]
            cells = [_cell(row.get(c)) for c in columns]
            print(f"{method:<10} {half:<5} " + " ".join(f"{c:>23}" for c in cells))
    print("top-1 scores (form):", report["form"]["top1"])
    print("top-1 scores (paste):", report["paste"]["top1"])
    print("threshold study (raw scores):")
    for key, value in report["threshold_study"].items():
        print(f"  {key}: {value}")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, help="folder with corpus.jsonl and queries.jsonl")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = run(args.dataset)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
