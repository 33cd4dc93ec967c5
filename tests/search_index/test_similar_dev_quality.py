"""Quality on the shared development set stays at the documented level (skips without it)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from precedents.interchange.importer import parse_file
from precedents.validation import parse_record
from precedents.vocabulary import Vocabulary
from search_index.similar import SimilarityIndex


@pytest.mark.slow
def test_dev_set_meets_the_quality_targets(dev_dir: Path) -> None:
    vocabulary = Vocabulary.builtin()
    parsed = parse_file(dev_dir / "corpus.jsonl", vocabulary)
    index = SimilarityIndex.build([record for _, record in parsed.records])
    recalls, ndcgs, pattern_close, none_close = [], [], [], []
    for line in (dev_dir / "queries.jsonl").read_text("utf-8").splitlines():
        query = json.loads(line)
        if query["kind"] != "similar":
            continue
        record, _ = parse_record(query["case"], vocabulary)
        assert record is not None
        hits = index.query(record, limit=10)
        relevant = set(query["relevant"])
        if not relevant:
            none_close.append(hits[0].close)
            continue
        ranked = [h.code for h in hits]
        recalls.append(len(relevant & set(ranked[:5])) / min(5, len(relevant)))
        dcg = sum(1 / math.log2(i + 2) for i, code in enumerate(ranked) if code in relevant)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
        ndcgs.append(dcg / ideal)
        pattern_close.append(hits[0].close)
    assert sum(recalls) / len(recalls) >= 0.95
    assert sum(ndcgs) / len(ndcgs) >= 0.93
    assert sum(pattern_close) / len(pattern_close) >= 0.9
    assert sum(not c for c in none_close) / len(none_close) >= 0.9
