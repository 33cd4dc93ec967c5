"""Chinese text analysis shared by indexing, querying, similarity and pattern mining.

`normalize` folds traditional characters to simplified (OpenCC), full-width
forms to half-width and Latin letters to lower case, without changing the
length of the text, so offsets into the normalised text are offsets into the
original. A `Segmenter` cuts normalised text into words with rjieba (a Rust
port of jieba) and the shipped domain dictionary, so that 被征地农民养老金 or
救急难 stay whole; `Segmenter.index_terms` also records every dictionary word
inside a longer word (低保 inside 低保边缘家庭), and `bigram_terms` records every
two-character window for exact substring search (戈谢 inside 戈谢病).

Positions are character offsets into the normalised text, never token ordinals:
a word ends at ``start + len(word)``, so adjacency of words and of overlapping
sub-words can be checked exactly (the index's phrase and proximity checks rely
on this).

The domain dictionary holds terms that jieba would cut into misleading pieces
(救急 + 难, 一事 + 一 + 议); phrases whose parts are words in their own right
(独居 + 老人) are left to the segmenter, and search matches them part by part.

`segment` and `tokenize` use the default segmenter (domain dictionary and the
built-in vocabulary); the search service builds its own segmenter from the
vocabulary and synonym groups it was given.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

#: Bumped whenever tokenisation changes in a way that changes index contents.
ANALYSIS_VERSION = 3

#: Single-character words that carry no meaning on their own; they are left out
#: of the word field (phrases still match through the bigram field).
STOP_CHARS = frozenset("的了和与及或等在是为对于其之也并但而把将从向以由所这那个着过就都又还")

#: Longest token whose inner dictionary words are looked up.
_MAX_SUBWORD_TOKEN = 16

_WORD_RUN = re.compile(r"[^\W_]+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_default_lock = threading.Lock()
_default: Segmenter | None = None


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


_WIDTH_TABLE = {0x3000: " ", **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}}
_WORD_CHAR = re.compile(r"[^\W_]")


#: The characters `_WIDTH_TABLE` maps.
_FULL_WIDTH = re.compile("[\u3000\uff01-\uff5e]")


def _fold_width(text: str) -> str:
    # Only the full-width characters are looked up (about one in twenty in a narrative);
    # str.translate with a dict looks up every character and took three times as long.
    return _FULL_WIDTH.sub(_fold_char, text)


def _fold_char(match: re.Match[str]) -> str:
    return _WIDTH_TABLE[ord(match.group())]


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
        converted = "".join(_one_char(ch) for ch in text)
    folded = _fold_width(converted)
    lowered = folded.lower()
    # A few characters (such as "İ") lower-case to two characters; keep offsets valid.
    return lowered if len(lowered) == len(folded) else "".join(_lower1(ch) for ch in folded)


def _one_char(ch: str) -> str:
    converted: str = _t2s().convert(ch)
    return converted if len(converted) == 1 else ch


def _lower1(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def is_word_char(ch: str) -> bool:
    """Letters and digits of any script (CJK ideographs count as letters)."""
    return unicodedata.category(ch)[0] in "LN"


def _is_word(token: str) -> bool:
    # isalnum() is true for CJK ideographs, so the regular expression is rarely needed.
    return token.isalnum() or _WORD_CHAR.search(token) is not None


def _has_cjk(token: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in token)


def domain_terms() -> list[str]:
    """The shipped domain dictionary, one term per line (comments start with #)."""
    text = resources.files("search_index.data").joinpath("domain_dict.txt").read_text("utf-8")
    terms = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(line.split()[0])
    return terms


class Segmenter:
    """rjieba with the domain dictionary plus caller-supplied words (vocabulary, synonyms).

    Thread-safe for reading once built. ``fingerprint`` identifies the word list,
    so an index built with another dictionary can be recognised.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        import rjieba

        added = {normalize(w).strip() for w in (*domain_terms(), *words)}
        self.words = frozenset(w for w in added if len(w) >= 2 and not any(c.isspace() for c in w))
        self._jieba = rjieba.Jieba()
        for word in sorted(self.words):
            self._jieba.add_word(word, None, None)
        digest = hashlib.sha256("\n".join(sorted(self.words)).encode("utf-8"))
        digest.update(f"analysis={ANALYSIS_VERSION}".encode())
        self.fingerprint = digest.hexdigest()[:16]
        self._subword_cache: dict[str, tuple[tuple[str, int], ...]] = {}

    # -- words ---------------------------------------------------------------

    def cut(self, text: str) -> list[str]:
        """Words of already normalised text, punctuation and spaces dropped."""
        return [w for w in self._jieba.cut(text, True) if _is_word(w)]

    def tag(self, text: str, *, everything: bool = False) -> list[tuple[str, str]]:
        """(word, part of speech) for the words `cut` yields, in the same segmentation.

        Tags are jieba's (``nr`` person name, ``m`` numeral …); words added from
        the domain dictionary or the vocabulary carry the tag ``""``. With
        `everything`, punctuation and spaces are kept too (the pieces join up to
        the text).
        """
        tagged: list[tuple[str, str]] = self._jieba.tag(text, True)
        return tagged if everything else [(w, t) for w, t in tagged if _is_word(w)]

    def tokenize(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(word, start, end) for every word of already normalised text."""
        for word, start, end in self._jieba.tokenize(text, "default", True):
            if _is_word(word):
                yield word, start, end

    def is_word(self, text: str) -> bool:
        """True for a dictionary word (jieba's own or one added here)."""
        return len(text) >= 2 and (text in self.words or bool(self._jieba.has_word(text)))

    def is_single_word(self, text: str) -> bool:
        """True when `text` is a dictionary word that the segmenter keeps whole."""
        return self.is_word(text) and self._jieba.cut(text, True) == [text]

    def subwords(self, token: str) -> tuple[tuple[str, int], ...]:
        """Dictionary words strictly inside `token`, with their offsets."""
        found = self._subword_cache.get(token)
        if found is not None:
            return found
        n = len(token)
        out: list[tuple[str, int]] = []
        if 3 <= n <= _MAX_SUBWORD_TOKEN and _has_cjk(token):
            has_word = self._jieba.has_word
            words = self.words
            for i in range(n - 1):
                for j in range(i + 2, n + 1):
                    if j - i == n:
                        continue
                    sub = token[i:j]
                    if sub in words or has_word(sub):
                        out.append((sub, i))
        result = tuple(out)
        if len(self._subword_cache) > 200_000:
            self._subword_cache.clear()
        self._subword_cache[token] = result
        return result

    def index_terms(self, text: str) -> dict[str, list[int]]:
        """Word → character offsets, for the word fields of the index.

        Every word of the segmentation is recorded, and so is every dictionary word
        inside it: 低保边缘家庭 yields 低保边缘家庭, 低保, 边缘, 家庭, 低保边缘 ...
        Single-character function words are left out.
        """
        terms: defaultdict[str, list[int]] = defaultdict(list)
        subwords = self.subwords
        for word, start, _end in self._jieba.tokenize(text, "default", True):
            if len(word) == 1:
                if word in STOP_CHARS or not word.isalnum():
                    continue
            elif not _is_word(word):
                continue
            terms[word].append(start)
            if len(word) >= 3:
                for sub, offset in subwords(word):
                    terms[sub].append(start + offset)
        for positions in terms.values():
            if len(positions) > 1:
                positions.sort()
        return terms


def bigram_terms(text: str) -> dict[str, list[int]]:
    """Every two-character window inside runs of letters and digits → offsets.

    Runs stop at punctuation and spaces, so no bigram spans two sentences or two
    fields; a run of a single character is recorded as that character.
    """
    terms: defaultdict[str, list[int]] = defaultdict(list)
    for match in _WORD_RUN.finditer(text):
        run = match.group()
        base = match.start()
        if len(run) == 1:
            terms[run].append(base)
            continue
        for i in range(len(run) - 1):
            terms[run[i : i + 2]].append(base + i)
    return terms


def word_runs(text: str) -> list[tuple[str, int]]:
    """Runs of letters and digits with their offsets (query chunks, substrings)."""
    return [(m.group(), m.start()) for m in _WORD_RUN.finditer(text)]


def default_words() -> list[str]:
    """The vocabulary's labels and synonyms: the default segmenter's extra words.

    The search service adds its synonym terms to its own segmenter; the default
    one (used by similarity and pattern mining through `segment`) keeps phrases
    such as 独自居住 in their parts, which suits term vectors better.
    """
    from precedents.vocabulary import Vocabulary

    return list(Vocabulary.builtin().all_names())


def segmenter() -> Segmenter:
    """The shared default segmenter (built on first use, thread-safe)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Segmenter(default_words())
    return _default


def segment(text: str) -> list[str]:
    """Words of already normalised text, punctuation and spaces dropped."""
    return segmenter().cut(text)


def tokenize(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for every word of already normalised text."""
    return segmenter().tokenize(text)


def tag(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) of already normalised text, as `segment` cuts it."""
    return segmenter().tag(text)
