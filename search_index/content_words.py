"""Content words of a narrative: the words that can say what a matter is about.

Shared by the similarity engine's key terms and the pattern miner's key terms,
so that a word is generic in both or in neither. Text is normalised and
segmented with `search_index.analysis` (the same analysis as the search index),
then reduced to content words: stop words of case writing and generic
administrative words (研判, 同意, 情况, 申请 …; a data file, `STOP_WORDS_FILE`),
function words by part of speech (numerals, pronouns, adverbs, particles),
single characters, numbers, anonymised names (王某), place names with an
administrative suffix and person names (`search_index.names`: the record's
persons, names introduced before an age, words tagged as names) are dropped.
A `fold` mapping may turn what is left into a canonical form (大病 → 重病).

Like `search_index.analysis`, this module needs nothing of the index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources

from search_index.analysis import normalize, segmenter
from search_index.names import NAME_TAGS, blank_names, looks_like_name, written_names

#: Parts of speech that never carry what a matter is about: numerals and quantities
#: (两个, 七八千), pronouns (他们, 某村), prepositions, conjunctions, particles,
#: interjections, measure words and adverbs.
FUNCTION_TAGS: frozenset[str] = frozenset(
    {
        "m",
        "mq",
        "r",
        "rr",
        "rz",
        "p",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "ug",
        "uv",
        "ud",
        "y",
        "e",
        "o",
        "q",
        "d",
    }
)

#: Data file of stop words (procedure, filler and generic administrative words).
STOP_WORDS_FILE = "keyterm_stopwords.txt"


def _load_stop_words() -> frozenset[str]:
    text = resources.files("search_index.data").joinpath(STOP_WORDS_FILE).read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        words.update(normalize(line.split("#", 1)[0]).split())
    return frozenset(words)


#: Words of case writing that say nothing about the matter itself (`STOP_WORDS_FILE`).
STOP_WORDS: frozenset[str] = _load_stop_words()

#: Last characters of place names (province, city, county, town, township); see `is_place`.
#: 区 and 村 are left out: 城中村, 老城区 and 工业区 say what kind of place it is.
PLACE_SUFFIXES = frozenset("省市县镇乡")

#: Letters only (CJK ideographs count as letters): no digits, no punctuation or spaces.
_CONTENT = re.compile(r"[^\W\d_]+")

#: (word, part of speech) → whether it may be a content word. That depends on the pair
#: alone, and a library repeats the same few tens of thousands of pairs among millions
#: of tagged words, so each is judged once (a full index build spent most of its time
#: judging the same words again).
_JUDGED: dict[tuple[str, str], bool] = {}
#: Pairs kept in `_JUDGED` before it starts afresh.
MEMO_LIMIT = 300_000


def content_words(
    text: str, names: Iterable[str] = (), fold: Mapping[str, str] | None = None
) -> list[str]:
    """Content words of raw text, normalised (and folded through `fold`), in text order.

    `names` (normalised) are blanked out first, with the names the text itself
    introduces (陈国平，87岁); words the segmenter takes for a person's name and
    function words are left out as well.
    """
    seg = segmenter()
    plain = normalize(text)
    plain = blank_names(plain, [*names, *written_names(plain)])
    judged = _JUDGED
    if len(judged) > MEMO_LIMIT:
        judged.clear()
    out: list[str] = []
    previous = ""
    for tagged in seg.tag(plain, everything=True):
        keep = judged.get(tagged)
        if keep is None:
            keep = judged[tagged] = _may_be_content(*tagged)
        # Only a name-tagged word depends on the word before it (刘 + 海燕).
        if keep and (tagged[1] not in NAME_TAGS or not looks_like_name(*tagged, seg, previous)):
            word = tagged[0]
            out.append(fold.get(word, word) if fold is not None else word)
        previous = tagged[0]
    return out


def _may_be_content(word: str, pos: str) -> bool:
    return len(word) >= 2 and pos not in FUNCTION_TAGS and is_content(word)


def is_content(word: str) -> bool:
    """A normalised word that may be a key term, judged without its context.

    Not a stop word, an anonymised name (王某), a place name or anything but letters.
    """
    if len(word) < 2 or word in STOP_WORDS or "某" in word or is_place(word):
        return False
    return _CONTENT.fullmatch(word) is not None


def is_place(word: str) -> bool:
    """A place name with an administrative suffix: 江西省, 泉州市, 汀溪镇, 新民街道."""
    if len(word) >= 3 and word[-1] in PLACE_SUFFIXES:
        return True
    return len(word) >= 4 and word.endswith(("街道", "社区"))
