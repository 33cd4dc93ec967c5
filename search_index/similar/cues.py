"""Cue words that let the engine read structured facts out of a pasted paragraph.

An officer often pastes a paragraph from a report instead of filling in the
form. The paragraph still says 尿毒症 or 一个人住 or 生活难以自理 or 收入超过低保标准,
so a lexicon of cues (plain phrases, or short regular expressions where a word
alone is ambiguous) maps such wording onto the controlled vocabularies. The
lexicon is data, ``search_index/data/cues.json`` (`CUES_FILE`), so that it can
grow with the wording officers actually use without touching code. The labels
and synonyms of the vocabulary are cues as well; they are added at run time.

The lexicon is deliberately conservative: an inferred term that is wrong costs
more than one that is missed, because it pulls in precedents that merely share
the wrong label. Text is normalised (simplified characters) first.

Changing the lexicon changes what the index stores, so `CUES_VERSION` (a hash
of the file) is part of the index fingerprint and a change leads to a rebuild.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources

#: The cue lexicon shipped with the package.
CUES_FILE = "cues.json"
#: Vocabulary kinds the lexicon covers, in the order of the file.
CUE_KINDS: tuple[str, ...] = ("hardship", "barrier", "discovery")


def _words(text: str) -> tuple[str, ...]:
    """Hints are written space-separated to keep the table readable."""
    return tuple(text.split())


def _load() -> tuple[dict[str, dict[str, tuple[str, ...]]], str]:
    text = resources.files("search_index.data").joinpath(CUES_FILE).read_text("utf-8")
    data = json.loads(text)
    tables = {
        kind: {str(label): tuple(str(c) for c in cues) for label, cues in data[kind].items()}
        for kind in CUE_KINDS
    }
    return tables, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_TABLES, CUES_VERSION = _load()

#: Hardship label → cues.
HARDSHIP_CUES: dict[str, tuple[str, ...]] = _TABLES["hardship"]
#: Barrier label → cues.
BARRIER_CUES: dict[str, tuple[str, ...]] = _TABLES["barrier"]
#: Discovery channel → cues.
DISCOVERY_CUES: dict[str, tuple[str, ...]] = _TABLES["discovery"]

#: Words that place the main person in an age band when no age is written
#: (bands: 0 未成年, 1 青年, 2 中年, 3 老年, 4 高龄).
AGE_BAND_HINTS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (0, _words("婴儿 幼儿 男孩 女孩 男童 女童 患儿 小学生 初中生 中学生")),
    (1, _words("大学生 青年 年轻")),
    (4, _words("高龄 百岁")),
    (3, _words("老人 老太 老汉 老伯 老年")),
)
