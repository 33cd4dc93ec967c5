"""Chinese text analysis shared by indexing, querying, similarity and pattern mining.

`normalize` folds traditional characters to simplified (OpenCC), full-width
forms to half-width and Latin letters to lower case, without changing the
length of the text, so offsets into the normalised text are offsets into the
original. `segment` cuts normalised text into words with the shipped domain
dictionary (rjieba, a Rust port of jieba) so that 被征地农民养老金 or 救急难
stay whole.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

_lock = threading.Lock()
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_segmenter: Any = None


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _fold_width(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if code == 0x3000:
            out.append(" ")
        elif 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def normalize(text: str) -> str:
    """Traditional → simplified, full-width → half-width, lower case; same length."""
    if not text:
        return ""
    # Pasted text can hold halves of UTF-16 pairs, which OpenCC cannot encode;
    # each becomes U+FFFD, so the length (and every offset) stays the same.
    text = _LONE_SURROGATE.sub("\ufffd", text)
    converted = _t2s().convert(text)
    if len(converted) != len(text):
        # OpenCC maps a few phrases to a different length; fall back to per-character
        # conversion so that offsets stay valid.
        converted = "".join(
            _t2s().convert(ch) if len(_t2s().convert(ch)) == 1 else ch for ch in text
        )
    return _fold_width(converted).lower()


def domain_terms() -> list[str]:
    """The shipped domain dictionary, one term per line (comments start with #)."""
    text = resources.files("search_index.data").joinpath("domain_dict.txt").read_text("utf-8")
    terms = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(line.split()[0])
    return terms


def segmenter() -> Any:
    """The shared rjieba segmenter with the domain dictionary loaded (thread-safe)."""
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                import rjieba

                from precedents.vocabulary import Vocabulary

                seg = rjieba.Jieba()
                words = set(domain_terms())
                words.update(normalize(name) for name in Vocabulary.builtin().all_names())
                for word in sorted(words):
                    if len(word) >= 2:
                        seg.add_word(word, None, None)
                _segmenter = seg
    return _segmenter


def segment(text: str) -> list[str]:
    """Words of already normalised text, punctuation and spaces dropped."""
    return [w for w in segmenter().cut(text, True) if _is_word(w)]


def tokenize(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for every word of already normalised text."""
    for word, start, end in segmenter().tokenize(text, "default", True):
        if _is_word(word):
            yield word, start, end


def _is_word(token: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)
