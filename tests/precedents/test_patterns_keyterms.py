"""Pattern key terms are content words: the filter the similarity engine uses, and no names.

Key terms are what an officer reads as "what these cases are about"; a generic
word of case writing (合计, 本市, 核算, 父母) or a person's name there misleads.
"""

from __future__ import annotations

import dataclasses

import pytest

from bench.heldout import eval_patterns_heldout
from precedents.demo import demo_path
from precedents.patterns.features import TermFolder
from precedents.patterns.mining import mine_patterns
from precedents.patterns.terms import PROSE_WORDS
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary
from search_index.content_words import STOP_WORDS, content_words
from search_index.similar.keyterms import TermExtractor
from tests.precedents.pattern_cases import all_cases, dialysis

#: A sentence of an income check that any case file may carry.
ACCOUNTING = "父母养老金合计约5000元，按本市标准核算后计入家庭收入，实施救助存在困难。"


def with_text(record: PrecedentRecord, extra: str) -> PrecedentRecord:
    return dataclasses.replace(record, situation=f"{record.situation}{extra}")


def dialysis_pattern(records: list[PrecedentRecord]) -> tuple[str, ...]:
    patterns = mine_patterns(records)
    return next(p for p in patterns if "T-SM-2021-001" in p.codes).key_terms


def test_generic_words_are_never_pattern_key_terms() -> None:
    # Every dialysis case carries the same accounting sentence: shared by the whole
    # pattern and by nobody else, so without the filter those words would lead.
    ids = {d.code for d in dialysis()}
    records = [with_text(r, ACCOUNTING) if r.code in ids else r for r in all_cases()]
    terms = dialysis_pattern(records)
    assert {"透析", "尿毒症"} <= set(terms)
    for word in ("父母", "合计", "本市", "核算", "计入", "实施", "存在"):
        assert word not in terms
    assert not set(terms) & STOP_WORDS
    assert not set(terms) & PROSE_WORDS


def test_a_person_referred_to_by_name_in_later_cases_is_no_key_term() -> None:
    # The first case introduces 老叶 before an age; later cases refer to the earlier
    # one by the person alone, the way officers cite a precedent.
    ids = sorted(d.code for d in dialysis())
    first, later = ids[0], set(ids[1:])
    records = []
    for r in all_cases():
        if r.code == first:
            r = with_text(r, "村民老叶，71岁，也曾如此。")
        elif r.code in later:
            r = with_text(r, "参照老叶的先例办理。")
        records.append(r)
    assert "老叶" not in dialysis_pattern(records)


def test_every_key_term_passes_the_similarity_key_term_filter() -> None:
    records = all_cases()
    passing: set[str] = set()
    folder = TermFolder(Vocabulary.builtin())
    for record in records:
        passing.update(folder.content(f"{record.title}\n{record.narrative}"))
    for pattern in mine_patterns(records):
        assert set(pattern.key_terms) <= passing, pattern.label


def test_the_miner_and_the_similarity_engine_share_one_word_filter() -> None:
    text = "陈国平，87岁，独居在江西省某县，两个儿子合计每月给500元，按本市标准核算，透析费用高。"
    extractor = TermExtractor.from_vocabulary(Vocabulary.builtin())
    assert extractor.words(text) == content_words(text, fold=extractor.canonical)
    words = content_words(text)
    assert "透析" in words
    for generic in ("陈国平", "江西省", "两个", "合计", "本市", "核算", "500"):
        assert generic not in words


def test_the_demo_patterns_have_sensible_labels_and_no_generic_key_terms() -> None:
    if not demo_path().is_file():
        pytest.skip("the demo precedents are not packaged")
    _, outcomes, generic = eval_patterns_heldout.run()
    found = [o for o in outcomes if o.pattern is not None]
    assert len(found) >= 5
    assert all(o.label_ok for o in found)
    assert generic == []
