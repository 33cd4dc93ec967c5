"""Person names in a narrative, so that they never become key terms.

A name says nothing about what kind of matter a record is, yet it is rare, so
inverse document frequency would make it a record's strongest key term and a
pasted paragraph naming 陈国平 would look unlike everything on file. Names are
found three ways, from most to least certain:

* the names listed in the record's ``persons`` (and their given names alone);
* the way case files introduce a person: a surname and one or two characters
  right before the age (陈国平，87岁 / 郑丽华，女，41岁 / 小胡（23岁）);
* words the segmenter tags as a person name (``nr``) that start with a common
  surname and are not ordinary dictionary words (jieba's dictionary tags words
  such as 康复 and 养老金 ``nr`` too, so the tag alone cannot be trusted).

Found names are blanked out of the text before segmentation, so a name cut into
pieces (刘 + 海燕) cannot leave a piece behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from precedents.anonymize import COMPOUND_SURNAMES, masked_name, surname_of
from precedents.record import Person
from search_index.analysis import Segmenter, normalize

#: Common single-character surnames (the hundred most frequent and then some).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤庄柯颜洪翁温骆卓涂施甘纪鲁章阮傅康商"
)
#: Person-name tags of jieba.
NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})

_HAN = r"[\u4e00-\u9fff]"
_SURNAME = "(?:" + "|".join(sorted(COMPOUND_SURNAMES)) + "|[" + "".join(sorted(SURNAMES)) + "])"
_GIVEN = rf"(?:[小老阿]{_SURNAME}|{_SURNAME}{_HAN}{{1,2}})"
# A name right before the age that introduces a person: 陈国平，87岁 / 郑丽华，女，41岁.
_BEFORE_AGE = re.compile(
    rf"({_GIVEN})(?=[，,（(]\s*(?:[男女][，,、]\s*)?(?:现年|今年|年)?\s*"
    rf"(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})(?:多|余)?周?岁)"
)
# A name after the words that introduce one: 名叫方志强 / 姓名：王芳.
_AFTER_CUE = re.compile(rf"(?:名叫|姓名[:：]?\s*|叫做)({_GIVEN})(?=[，,。；;、\s的]|$)")
#: Words `_AFTER_CUE` starts with.
_CUES = ("名叫", "姓名", "叫做")


def listed_names(persons: Iterable[Person]) -> list[str]:
    """Names of the record's persons and their given names (when two characters or more)."""
    out: list[str] = []
    for person in persons:
        name = normalize(person.name.strip())
        if len(name) < 2 or "某" in name:
            continue
        out.append(name)
        given = name[len(surname_of(name)) :]
        if len(given) >= 2:
            out.append(given)
    return out


def written_names(text: str) -> list[str]:
    """Names the text introduces the way case files do (before an age, after 名叫)."""
    # Both patterns try every surname at every character; most fields hold no age and
    # no 名叫 at all, and a substring test says so much faster.
    found = [m.group(1) for m in _BEFORE_AGE.finditer(text)] if "岁" in text else []
    if any(cue in text for cue in _CUES):
        found += [m.group(1) for m in _AFTER_CUE.finditer(text)]
    return [name for name in found if "某" not in name]


def blank_names(text: str, names: Iterable[str]) -> str:
    """`text` with every given name replaced by spaces (longest first)."""
    for name in sorted(set(names), key=len, reverse=True):
        text = text.replace(name, " " * len(name))
    return text


def mask_names(text: str, names: Iterable[str], segmenter: Segmenter) -> str:
    """`text` (a short quote) with every name it holds in the published form (王某)."""
    for name in sorted(set(names), key=len, reverse=True):
        text = text.replace(name, masked_name(name))
    out: list[str] = []
    previous = ""
    for word, tag in segmenter.tag(text, everything=True):
        if looks_like_name(word, tag, segmenter, previous):
            word = "某" if previous in SURNAMES else masked_name(word)
        out.append(word)
        previous = word
    return "".join(out)


def looks_like_name(word: str, tag: str, segmenter: Segmenter, previous: str = "") -> bool:
    """A segmented word that is a person's name rather than an ordinary word.

    `previous` is the word before it: a given name tagged as a name right after
    a lone surname (刘 + 海燕, 黄 + 美玲) is a name even when it is also a word.
    """
    if tag not in NAME_TAGS or not 2 <= len(word) <= 4:
        return False
    if previous in SURNAMES and len(word) == 2:
        return True
    if word[0] in "小老阿" and len(word) == 2:
        return word[1] in SURNAMES  # 小胡, 老叶
    if word[0] not in SURNAMES and word[:2] not in COMPOUND_SURNAMES:
        return False
    if word in segmenter.words:
        return False  # a term of the domain dictionary or the vocabulary (戈谢病)
    return tag == "nrfg" or not segmenter.is_word(word) or len(word) == 3
