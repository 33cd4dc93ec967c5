"""Reading structured facts out of free text: vocabulary terms, age, household, income.

Used when a field is empty, typically because the officer pasted a paragraph
instead of filling in the form. Every function takes normalised text
(`search_index.analysis.normalize`) and returns plain values; the caller marks
the result as inferred so that the explanation can say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from precedents.vocabulary import Vocabulary
from search_index.analysis import normalize
from search_index.similar.cues import (
    AGE_BAND_HINTS,
    BARRIER_CUES,
    DISCOVERY_CUES,
    HARDSHIP_CUES,
)

#: Age bands of the main person: upper bounds (exclusive) and Chinese names.
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (18, "未成年"),
    (45, "青年"),
    (60, "中年"),
    (80, "老年"),
    (200, "高龄"),
)

_NUMERALS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_NUMERALS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN = "零一二两三四五六七八九十百"
_NUM = rf"(\d{{1,3}}|[{_CN}]{{1,4}})"
_AGE = re.compile(
    rf"{_NUM}(多|余)?周?岁|([六七八九])旬|年[过近]([六七八九])十|(\d{{1,2}}|[{_CN}]{{1,3}})个月大"
)
_HOUSEHOLD = re.compile(rf"(?:一家|全家|家庭共?|家中共?|家里共?){_NUM}口|{_NUM}口之家")
_INCOME = re.compile(
    r"(?:月收入|月均收入|每月收入|收入每月|月总收入|月退休金|退休金|养老金|月工资|工资)"
    r"[^，。；,;\d]{0,8}?(\d+(?:\.\d+)?)(万)?元"
)
_NO_INCOME = re.compile(r"(?:家庭|全家|家中)?(?:无|没有)(?:任何|固定)?收入")
_NEGATION_1 = frozenset("未不非没否")
_NEGATION_2 = ("并非", "没有", "不是", "并未")
_REGEX_CHARS = frozenset(".()|[]{}?*+\\")


def chinese_number(text: str) -> int | None:
    """An Arabic or simple Chinese numeral (up to 百) as an int, or None."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _NUMERALS:
            current = _NUMERALS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def parse_age(text: str) -> int | None:
    """The first age written in the text (75岁, 八旬, 年过八十, 10个月大), in years."""
    match = _AGE.search(text)
    if match is None:
        return None
    number, decades, near_decades, months = (
        match.group(1),
        match.group(3),
        match.group(4),
        match.group(5),
    )
    if number is not None:
        return chinese_number(number)
    if decades is not None or near_decades is not None:
        return _NUMERALS[decades or near_decades] * 10
    return 0 if months is not None else None


def age_band(age: int) -> int:
    for band, (upper, _) in enumerate(AGE_BANDS):
        if age < upper:
            return band
    return len(AGE_BANDS) - 1


def hinted_age_band(text: str) -> int | None:
    """An age band from words such as 患儿 or 老人 when no age is written."""
    for band, words in AGE_BAND_HINTS:
        if any(word in text for word in words):
            return band
    return None


def parse_household(text: str) -> int | None:
    """Household size from 一家四口, 三口之家, 家中共5口 and the like."""
    match = _HOUSEHOLD.search(text)
    if match is None:
        return None
    value = chinese_number(match.group(1) or match.group(2))
    return value if value and 0 < value < 30 else None


def parse_income(text: str) -> Decimal | None:
    """Monthly household income from 月收入约8000元, 退休金4200元 or 无收入."""
    match = _INCOME.search(text)
    if match is not None:
        amount = Decimal(match.group(1))
        return amount * 10000 if match.group(2) else amount
    if _NO_INCOME.search(text):
        return Decimal(0)
    return None


@dataclass(frozen=True, slots=True)
class CueSet:
    """Compiled cues of one vocabulary kind: label → one pattern."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    def find(self, text: str) -> list[str]:
        """Labels whose cues occur un-negated in the text, by first occurrence."""
        return [label for label, _ in self.evidence(text)]

    def evidence(self, text: str) -> list[tuple[str, str]]:
        """(label, the words that showed it) for each label found, by first occurrence."""
        found: list[tuple[int, str, str]] = []
        for label, pattern in self.patterns:
            for match in pattern.finditer(text):
                if not _negated(text, match.start()):
                    found.append((match.start(), label, match.group()))
                    break
        return [(label, words) for _, label, words in sorted(found)]


def cue_set(kind: str, vocabulary: Vocabulary | None = None) -> CueSet:
    """Cues of a kind ("hardship", "barrier", "discovery"), plus the vocabulary's names."""
    tables = {"hardship": HARDSHIP_CUES, "barrier": BARRIER_CUES, "discovery": DISCOVERY_CUES}
    cues: dict[str, list[str]] = {label: list(items) for label, items in tables[kind].items()}
    if vocabulary is not None and kind != "discovery":
        for label in vocabulary.labels(kind):
            term = vocabulary.term(kind, label)
            names = term.names() if term is not None else (label,)
            cues.setdefault(label, []).extend(names)
    patterns = []
    for label, items in cues.items():
        parts = [_cue_regex(normalize(item)) for item in dict.fromkeys(items)]
        patterns.append((label, re.compile("|".join(parts))))
    return CueSet(tuple(patterns))


def infer_district(text: str, districts: Iterable[str]) -> str | None:
    """The first known district the text names, in full (思明区) or short (思明)."""
    best: tuple[int, str] | None = None
    for district in districts:
        short = district[:-1] if len(district) > 2 and district[-1] in "区县市" else district
        position = text.find(normalize(short))
        if position >= 0 and (best is None or position < best[0]):
            best = (position, district)
    return best[1] if best else None


def _cue_regex(cue: str) -> str:
    if any(ch in _REGEX_CHARS for ch in cue):
        return f"(?:{cue})"
    return re.escape(cue)


def _negated(text: str, start: int) -> bool:
    if start >= 1 and text[start - 1] in _NEGATION_1:
        return True
    return start >= 2 and text[start - 2 : start] in _NEGATION_2
