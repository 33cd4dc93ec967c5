"""A person named in one precedent is a name in every precedent: never a key term or reason."""

from __future__ import annotations

from pathlib import Path

from precedents.record import Person, PrecedentRecord
from search_index.similar.index import SimilarityIndex
from tests.search_index.similar_cases import case, pasted

NAMED = case(
    "A-1",
    title="独居老人摔伤无人照料",
    situation="叶建华，78岁，独居，摔伤后卧床，子女在外地。",
    persons=[Person(name="叶建华")],
)
CITING = case(
    "B-1",
    title="独居老人无人照料",
    situation="参照叶建华先例，建华一案已给予照料补贴。本案老人独居，行动不便。",
)
OTHER = case("C-1", title="渔船事故致家庭困难", situation="渔民出海遇险，船只损毁，家庭失去收入。")


def key_terms(index: SimilarityIndex, code: str) -> list[str]:
    return list(index._row_vector(index._store.row_of[code]))


def reason_terms(index: SimilarityIndex, record: PrecedentRecord) -> set[str]:
    words: set[str] = set()
    for hit in index.query(record):
        for reason in hit.reasons:
            words.update(reason.terms)
            words.update(str(v) for v in (reason.query_value, reason.precedent_value) if v)
    return words


def leaks(words: set[str] | list[str]) -> list[str]:
    return [w for w in words if "建华" in w]


def test_a_name_cited_from_another_precedent_is_no_key_term() -> None:
    index = SimilarityIndex.build([NAMED, CITING, OTHER])
    assert key_terms(index, "B-1")
    assert not leaks(key_terms(index, "B-1"))
    assert "先例" in key_terms(index, "B-1")


def test_reasons_never_name_a_known_person() -> None:
    index = SimilarityIndex.build([NAMED, CITING, OTHER])
    words = reason_terms(index, CITING) | reason_terms(
        index, pasted("参照建华一案，老人独居无人照料。")
    )
    assert words
    assert not leaks(words)


def test_a_name_learnt_after_the_citing_precedent_is_indexed() -> None:
    index = SimilarityIndex.build([CITING, OTHER])
    assert "建华" in key_terms(index, "B-1")  # nobody on file is called 建华 yet
    index.upsert([NAMED])
    index.flush()
    assert not leaks(key_terms(index, "B-1"))
    assert not leaks(reason_terms(index, CITING))


def test_deleting_the_named_precedent_forgets_the_name() -> None:
    index = SimilarityIndex.build([NAMED, CITING, OTHER])
    assert index._store.names["建华"] == 1
    index.delete(["A-1"])
    index.flush()
    assert "建华" not in index._store.names
    assert "叶建华" not in index._store.names


def test_known_names_survive_saving_and_journal_replay(tmp_path: Path) -> None:
    folder = tmp_path / "similar"
    SimilarityIndex.build([CITING, OTHER], folder=folder)
    index = SimilarityIndex.open(folder)
    index.upsert([NAMED])
    index.flush()  # journalled, not saved in full
    reopened = SimilarityIndex.open(folder)
    assert reopened._store.names["建华"] == 1
    assert not leaks(key_terms(reopened, "B-1"))
    reopened.save()
    again = SimilarityIndex.open(folder)
    assert again._store.names["叶建华"] == 1
    assert not leaks(key_terms(again, "B-1"))
