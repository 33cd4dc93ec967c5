"""The search box's query language, parsed without ever failing.

What an officer can type (full-width punctuation and traditional characters work
the same, because the query is normalised first):

* words: ``尿毒症 透析``; every word is required, results are ranked;
* quoted phrases: ``"被征地农民养老金"`` (also “…”, 「…」, 『…』): matched
  exactly, without synonyms;
* exclusion: ``-车祸`` or ``-"交通事故"``;
* either of two words: ``戈谢病 或 法布雷病`` (also ``或者``, ``OR``, ``戈谢病|法布雷病``);
  joining words typed between words (``低保 和 特困``, ``与``, ``以及``) are dropped, since
  every word is required anyway;
* filters ``字段:值``: ``区:集美`` ``街道:后溪`` ``措施:临时救助`` ``困难:重病``
  ``障碍:收入超标`` ``层级:市`` ``发现:网格员`` ``状态:已决定`` ``标签:一事一议``
  ``年份:2023`` (also ``2021-2023``, ``>=2022``, ``2022年以后``), ``金额:>10000``
  (also ``1万以上``, ``超过5千``), ``收入:<3000`` (also ``3000元以下``, ``不超过3000``);
  several values with ``,`` ``、`` or ``|`` mean any of them; ``-区:思明``
  excludes. Values accept short forms and synonyms (集美 = 集美区, 临救 =
  临时救助); they are resolved against the index when the query runs. A space
  after the colon (``区: 集美``) is forgiven.

Anything else (an unknown field, an unclosed quote, stray operators) is read as
plain words and noted in `ParsedQuery.notes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search_index.analysis import normalize

#: Typed field name → filter field. English names are accepted too.
FIELD_NAMES: dict[str, str] = {
    **dict.fromkeys(["区", "区县", "辖区", "地区", "区域", "district"], "district"),
    **dict.fromkeys(["街道", "镇", "镇街", "街镇", "乡镇", "street"], "street"),
    **dict.fromkeys(["层级", "级别", "研判层级", "level"], "level"),
    **dict.fromkeys(["发现", "发现渠道", "渠道", "discovery"], "discovery"),
    **dict.fromkeys(["状态", "status"], "status"),
    **dict.fromkeys(["年份", "年", "年度", "year"], "year"),
    **dict.fromkeys(["困难", "困难情形", "情形", "hardship"], "hardship"),
    **dict.fromkeys(["障碍", "政策障碍", "barrier"], "barrier"),
    **dict.fromkeys(["措施", "救助措施", "measure"], "measure"),
    **dict.fromkeys(["标签", "tag"], "tag"),
    **dict.fromkeys(["金额", "救助金额", "amount"], "amount"),
    **dict.fromkeys(["收入", "月收入", "家庭月收入", "income"], "income"),
}

#: Filters over numbers (ranges) rather than exact values.
RANGE_FIELDS = frozenset({"year", "amount", "income"})

_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "”"}
_VALUE_SPLIT = re.compile(r"[,、|/;]+")
_RANGE = re.compile(
    r"^(>=|<=|>|<)?\s*(\d+(?:\.\d+)?)\s*([万千])?[元年]?"
    r"(?:\s*[-~至到]\s*(\d+(?:\.\d+)?)\s*([万千])?[元年]?)?$"
)
_UNITS = {None: 1, "千": 1_000, "万": 10_000}
#: Comparisons written in words, longest first: 以上 and 以下 include the number
#: itself (as in regulations), 超过 and 低于 do not.
_WORD_PREFIXES: tuple[tuple[str, str], ...] = (
    ("不超过", "<="),
    ("不高于", "<="),
    ("不低于", ">="),
    ("不少于", ">="),
    ("超过", ">"),
    ("高于", ">"),
    ("大于", ">"),
    ("多于", ">"),
    ("低于", "<"),
    ("少于", "<"),
    ("小于", "<"),
    ("≥", ">="),
    ("≤", "<="),
)
_WORD_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("及以上", ">="),
    ("及以下", "<="),
    ("以上", ">="),
    ("以后", ">="),
    ("之后", ">="),
    ("以来", ">="),
    ("至今", ">="),
    ("以下", "<="),
    ("以前", "<="),
    ("之前", "<="),
    ("起", ">="),
)


#: A field name with spaces around its colon and a value after it (区: 集美).
_FIELD_SPACE = re.compile(
    r"(?<![^\s+\-])("
    + "|".join(sorted(map(re.escape, FIELD_NAMES), key=len, reverse=True))
    + r")\s*:\s+(?=[^\s\-+])"
)


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One word or phrase of the query (normalised text)."""

    text: str
    phrase: bool = False
    negated: bool = False
    #: An alternative to the term before it (typed with 或 / OR / |).
    either: bool = False


#: Words typed between words that only say "and": every word is required anyway.
AND_WORDS = frozenset({"和", "与", "及", "以及", "还有", "跟", "并且", "and", "&"})
#: Words typed between two words that make either of them enough.
OR_WORDS = frozenset({"或", "或者", "or", "|"})


@dataclass(frozen=True, slots=True)
class QueryFilter:
    """One ``字段:值`` filter as typed; values are resolved when the query runs."""

    field: str
    values: tuple[str, ...]
    negated: bool = False
    typed: str = ""
    #: For year, amount and income: inclusive bounds (None = open).
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The query as understood, for display ("searched for …") and for planning."""

    text: str
    terms: tuple[QueryTerm, ...] = ()
    filters: tuple[QueryFilter, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def required(self) -> tuple[QueryTerm, ...]:
        return tuple(t for t in self.terms if not t.negated)

    @property
    def excluded(self) -> tuple[QueryTerm, ...]:
        return tuple(t for t in self.terms if t.negated)


def parse(query: str) -> ParsedQuery:
    """Parse a query typed in the search box; never raises."""
    text = _FIELD_SPACE.sub(r"\1:", normalize(query or ""))
    terms: list[QueryTerm] = []
    filters: list[QueryFilter] = []
    notes: list[str] = []
    either = False
    for chunk, quoted, negated in _chunks(text, notes):
        if quoted:
            if chunk.strip():
                phrase = " ".join(chunk.split())
                alternative = either and not negated
                terms.append(QueryTerm(phrase, phrase=True, negated=negated, either=alternative))
                either = False
            continue
        if not negated and chunk in AND_WORDS | OR_WORDS:
            # Between two required words; at the start there is nothing to join.
            either = chunk in OR_WORDS and bool(terms) and not terms[-1].negated
            continue
        parsed = _filter(chunk, negated, notes)
        if parsed is not None:
            filters.append(parsed)
            either = False
            continue
        # 戈谢病|法布雷病 is two alternatives; an exclusion stays one word as typed.
        pieces = [chunk] if negated else chunk.split("|")
        words = [w for w in (piece.strip("+-:") for piece in pieces) if w]
        for i, word in enumerate(words):
            alternative = (either or i > 0) and not negated
            terms.append(QueryTerm(word, negated=negated, either=alternative))
        either = False
    return ParsedQuery(query or "", tuple(terms), tuple(filters), tuple(notes))


def _chunks(text: str, notes: list[str]) -> list[tuple[str, bool, bool]]:
    """(text, quoted, negated) pieces of the query in order."""
    out: list[tuple[str, bool, bool]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        start = i
        while i < n and text[i] in "-+":
            negated = negated or text[i] == "-"
            i += 1
        if i < n and text[i] in _QUOTES:
            close = _QUOTES[text[i]]
            end = text.find(close, i + 1)
            if end < 0:
                notes.append("引号未闭合，按普通词语检索")
                # The rest is read as ordinary words and filters (one word each).
                rest = _chunks(text[i + 1 :], [])
                if rest and negated:
                    rest[0] = (rest[0][0], rest[0][1], True)
                out.extend(rest)
                break
            out.append((text[i + 1 : end], True, negated))
            i = end + 1
            continue
        end = i
        while end < n and not text[end].isspace():
            end += 1
        if end == i:
            out.append((text[start:i], False, False))
        else:
            out.append((text[i:end], False, negated))
        i = end
    return out


def _filter(chunk: str, negated: bool, notes: list[str]) -> QueryFilter | None:
    if ":" not in chunk:
        return None
    name, _, value = chunk.partition(":")
    field = FIELD_NAMES.get(name.strip())
    if field is None:
        if name.strip():
            notes.append(f"未知字段“{name}”，按普通词语检索")
        return None
    values = tuple(v.strip() for v in _VALUE_SPLIT.split(value) if v.strip())
    if not values:
        notes.append(f"“{name}:”后没有值，已忽略")
        return QueryFilter(field, (), negated, typed=chunk)
    if field in RANGE_FIELDS:
        return _range_filter(field, values[0], negated, chunk, notes)
    return QueryFilter(field, values, negated, typed=chunk)


def _range_filter(
    field: str, value: str, negated: bool, typed: str, notes: list[str]
) -> QueryFilter | None:
    match = _RANGE.match(_word_comparison(value.replace(" ", "")))
    if match is None:
        notes.append(f"无法理解“{typed}”，应为数字或范围（如 2021-2023、>=10000）")
        return QueryFilter(field, (), negated, typed=typed)
    op, first, unit1, second, unit2 = match.groups()
    a = float(first) * _UNITS[unit1]
    if second is not None:
        b = float(second) * _UNITS[unit2]
        low, high = min(a, b), max(a, b)
    elif op == ">=":
        low, high = a, None
    elif op == ">":
        low, high = a + (1 if field == "year" else 0.01), None
    elif op == "<=":
        low, high = None, a
    elif op == "<":
        low, high = None, a - (1 if field == "year" else 0.01)
    else:
        low, high = a, a
    return QueryFilter(field, (value,), negated, typed=typed, low=low, high=high)


def _word_comparison(value: str) -> str:
    """`value` with a comparison written in words as an operator: 1万以上 → >=1万."""
    for word, op in _WORD_PREFIXES:
        if value.startswith(word) and len(value) > len(word):
            return op + value[len(word) :]
    for word, op in _WORD_SUFFIXES:
        if value.endswith(word) and len(value) > len(word) and value[0] not in "<>":
            return op + value[: -len(word)]
    return value
