"""Normalisation, segmentation with the domain dictionary, positions, bigrams."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from search_index.analysis import (
    Segmenter,
    bigram_terms,
    domain_terms,
    normalize,
    segment,
    segmenter,
    tokenize,
)


def test_normalize_folds_traditional_width_and_case() -> None:
    assert normalize("獨居老人") == "独居老人"
    assert normalize("漁船損毀") == "渔船损毁"
    assert normalize("ＡＳＤ：３歲") == "asd:3岁"
    assert normalize("　") == " "


@given(st.text())
def test_normalize_keeps_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


def test_domain_dictionary_is_large_and_clean() -> None:
    terms = domain_terms()
    assert len(terms) >= 500
    assert len(terms) == len(set(terms))
    for term in ("被征地农民养老金", "一事一议", "救急难", "戈谢病", "低保边缘", "孤独症谱系障碍"):
        assert term in terms


def test_domain_terms_stay_whole() -> None:
    words = segment(normalize("经一事一议研究，启动救急难程序；每月领取被征地农民养老金"))
    for term in ("一事一议", "救急难", "被征地农民养老金"):
        assert term in words


def test_tokens_carry_character_offsets() -> None:
    text = normalize("患者患尿毒症多年")
    for word, start, end in tokenize(text):
        assert text[start:end] == word


def test_index_terms_expose_inner_words_at_their_offsets() -> None:
    text = normalize("申请低保边缘家庭认定，领取被征地农民养老金")
    terms = segmenter().index_terms(text)
    for word in ("低保", "边缘", "征地", "养老金", "被征地农民养老金"):
        assert word in terms, word
        for position in terms[word]:
            assert text[position : position + len(word)] == word
    # Single-character function words are left out of the word field.
    assert "的" not in segmenter().index_terms("他的家庭")


def test_positions_are_sorted_character_offsets() -> None:
    text = "低保低保，低保"
    assert segmenter().index_terms(text)["低保"] == [0, 2, 5]


def test_bigrams_stop_at_punctuation() -> None:
    terms = bigram_terms("戈谢病，药费")
    assert terms["戈谢"] == [0]
    assert terms["谢病"] == [1]
    assert "病药" not in terms and "病，" not in terms
    assert terms["药费"] == [4]


def test_single_character_runs_are_kept() -> None:
    assert bigram_terms("男，3岁")["男"] == [0]


def test_segmenter_with_extra_words_and_fingerprint() -> None:
    plain = Segmenter()
    extended = Segmenter(["梧桐花开救助"])
    assert "梧桐花开救助" in extended.cut("参加梧桐花开救助项目")
    assert plain.fingerprint != extended.fingerprint
    assert extended.is_single_word("梧桐花开救助")
    assert not plain.is_word("梧桐花开救助")
